import type BetterSqlite3 from 'better-sqlite3';
import { DatabaseOpenError } from './errors';
import type { Migration } from './migrations';
import { writeErrorMessage } from './write-errors';

export function schemaVersion(db: BetterSqlite3.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the schema up to date. Each migration and its version bump commit together, so a crash
 * or a failing step leaves the database at the last complete version, with every row intact.
 */
export function migrate(db: BetterSqlite3.Database, migrations: readonly Migration[]): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration list out of order at ${m.name}`);
  });
  const current = schemaVersion(db);
  if (current > migrations.length) {
    throw new DatabaseOpenError(
      'NEWER_VERSION',
      `Tệp dữ liệu được tạo bởi phiên bản NoiVu Desk mới hơn (cấu trúc dữ liệu số ${current}, phiên bản này chỉ hiểu đến số ${migrations.length}). Hãy cài phiên bản mới hơn; tệp dữ liệu không bị thay đổi.`,
    );
  }
  for (const m of migrations.slice(current)) {
    const step = db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    });
    try {
      step.immediate();
    } catch (err) {
      // a full disk or read-only folder is not a bug in the migration: say so in plain words
      const cause = writeErrorMessage(err);
      if (cause) throw new DatabaseOpenError('UNWRITABLE', cause, [String((err as Error).message)]);
      throw new DatabaseOpenError(
        'MIGRATION_FAILED',
        `Không nâng cấp được cấu trúc dữ liệu ở bước ${m.version} (${m.name}): ${(err as Error).message}. Dữ liệu vẫn giữ nguyên ở bước ${m.version - 1}.`,
      );
    }
  }
  return schemaVersion(db);
}
