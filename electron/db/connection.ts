import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { DatabaseOpenError } from './errors';
import { acquireLock } from './lock';
import { migrate, schemaVersion } from './migrate';
import { MIGRATIONS, type Migration } from './migrations';
import type { Database } from './schema';
import { registerSqlFunctions } from './sql-functions';

export interface AppDatabase {
  readonly file: string;
  readonly sqlite: BetterSqlite3.Database;
  readonly db: Kysely<Database>;
  readonly schemaVersion: number;
  close(): Promise<void>;
}

export interface OpenOptions {
  migrations?: readonly Migration[];
}

function sqliteCode(err: unknown): string | undefined {
  return (err as { code?: string }).code;
}

/** Looks at an existing file without writing to it: refuses newer schemas and damaged files. */
function inspectExisting(file: string, known: number): void {
  let probe: BetterSqlite3.Database | undefined;
  try {
    probe = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    const version = schemaVersion(probe);
    if (version > known) {
      throw new DatabaseOpenError(
        'NEWER_VERSION',
        `Tệp dữ liệu được tạo bởi phiên bản NoiVu Desk mới hơn (cấu trúc dữ liệu số ${version}, phiên bản này chỉ hiểu đến số ${known}). Hãy cài phiên bản mới hơn; tệp dữ liệu không bị thay đổi.`,
      );
    }
    const problems = probe.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    if (problems.length !== 1 || problems[0]?.integrity_check !== 'ok') {
      throw new DatabaseOpenError(
        'CORRUPT',
        `Tệp dữ liệu bị hỏng (kiểm tra toàn vẹn không đạt: ${problems
          .slice(0, 3)
          .map((p) => p.integrity_check)
          .join('; ')}). Không ghi gì vào tệp; hãy khôi phục từ bản sao lưu.`,
      );
    }
  } catch (err) {
    if (err instanceof DatabaseOpenError) throw err;
    const code = sqliteCode(err);
    if (code === 'SQLITE_NOTADB') {
      throw new DatabaseOpenError('NOT_A_DATABASE', `Tệp "${path.basename(file)}" không phải là tệp dữ liệu NoiVu Desk.`);
    }
    if (code === 'SQLITE_CORRUPT') {
      throw new DatabaseOpenError('CORRUPT', 'Tệp dữ liệu bị hỏng. Không ghi gì vào tệp; hãy khôi phục từ bản sao lưu.');
    }
    throw err;
  } finally {
    probe?.close();
  }
}

/** Opens (creating if needed) the application database, checked, locked and migrated. */
export function openDatabase(file: string, options: OpenOptions = {}): AppDatabase {
  const migrations = options.migrations ?? MIGRATIONS;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const release = acquireLock(file);
  let sqlite: BetterSqlite3.Database | undefined;
  try {
    if (fs.existsSync(file) && fs.statSync(file).size > 0) inspectExisting(file, migrations.length);
    sqlite = new BetterSqlite3(file);
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    registerSqlFunctions(sqlite);
    const version = migrate(sqlite, migrations);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    const handle = sqlite;
    return {
      file,
      sqlite: handle,
      db,
      schemaVersion: version,
      async close() {
        await db.destroy();
        if (handle.open) handle.close();
        release();
      },
    };
  } catch (err) {
    sqlite?.close();
    release();
    throw err;
  }
}
