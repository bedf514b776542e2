import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { DatabaseOpenError } from './errors';
import { acquireLock } from './lock';
import { migrate, schemaVersion } from './migrate';
import { MIGRATIONS, type Migration } from './migrations';
import type { Database } from './schema';
import { registerSqlFunctions } from './sql-functions';
import { writeErrorMessage, writeProblem } from './write-errors';

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

/**
 * Looks at an existing file without writing anything beside it: even a read-only SQLite connection
 * creates -shm (and may replay a -wal) next to a WAL database, so the probe reads a copy of the file
 * and its journals in a temporary folder. Refuses newer schemas and damaged files.
 */
function inspectExisting(file: string, known: number): void {
  // named like the services' staging folders (noivu-<kind>-<pid>-…) so a crash's leftover is swept at the next start
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), `noivu-inspect-${process.pid}-`));
  const copy = path.join(scratch, 'noivu.sqlite');
  let probe: BetterSqlite3.Database | undefined;
  try {
    fs.copyFileSync(file, copy);
    for (const suffix of ['-wal', '-journal']) {
      if (fs.existsSync(file + suffix)) fs.copyFileSync(file + suffix, copy + suffix);
    }
    probe = new BetterSqlite3(copy, { fileMustExist: true });
    const version = schemaVersion(probe);
    if (version > known) {
      throw new DatabaseOpenError(
        'NEWER_VERSION',
        `Tệp dữ liệu được tạo bởi phiên bản NoiVu Desk mới hơn (cấu trúc dữ liệu số ${version}, phiên bản này chỉ hiểu đến số ${known}). Hãy cài phiên bản mới hơn; tệp dữ liệu không bị thay đổi.`,
      );
    }
    const problems = probe.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    if (problems.length !== 1 || problems[0]?.integrity_check !== 'ok') {
      throw new DatabaseOpenError('CORRUPT', DAMAGED, problems.slice(0, 10).map((p) => p.integrity_check));
    }
  } catch (err) {
    if (err instanceof DatabaseOpenError) throw err;
    const code = sqliteCode(err);
    if (code === 'SQLITE_NOTADB') {
      throw new DatabaseOpenError('NOT_A_DATABASE', `Tệp "${path.basename(file)}" không phải là tệp dữ liệu NoiVu Desk (nội dung không đọc được như một cơ sở dữ liệu). Tệp không bị thay đổi; hãy khôi phục từ bản sao lưu.`);
    }
    if (code?.startsWith('SQLITE_CORRUPT')) throw new DatabaseOpenError('CORRUPT', DAMAGED, [String((err as Error).message)]);
    throw err;
  } finally {
    probe?.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

const EMPTY =
  'Tệp dữ liệu rỗng (0 byte): lần ghi trước có lẽ bị gián đoạn (mất điện, ổ đĩa đầy). Tệp không bị thay đổi; hãy khôi phục từ bản sao lưu.';
const DAMAGED =
  'Tệp dữ liệu bị hỏng: một phần nội dung không còn đọc được, thường do mất điện hoặc ổ đĩa lỗi đúng lúc đang ghi. Không ghi gì vào tệp hỏng; hãy khôi phục từ bản sao lưu.';

/** A write error at start-up (read-only folder, full disk…) as a refusal the start screen can show. */
function asOpenError(err: unknown, file: string): unknown {
  if (err instanceof DatabaseOpenError) return err;
  const message = writeErrorMessage(err);
  if (!message) return err;
  if (writeProblem(err) === 'DAMAGED') return new DatabaseOpenError('CORRUPT', DAMAGED, [String((err as Error).message)]);
  return new DatabaseOpenError('UNWRITABLE', `${message} (Thư mục dữ liệu: ${path.dirname(file)})`, [String((err as Error).message)]);
}

/** Opens (creating if needed) the application database, checked, locked and migrated. */
export function openDatabase(file: string, options: OpenOptions = {}): AppDatabase {
  try {
    return openChecked(file, options.migrations ?? MIGRATIONS);
  } catch (err) {
    throw asOpenError(err, file);
  }
}

function openChecked(file: string, migrations: readonly Migration[]): AppDatabase {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const release = acquireLock(file);
  let sqlite: BetterSqlite3.Database | undefined;
  try {
    if (fs.existsSync(file)) {
      // an interrupted write can leave an empty file: never silently start over in its place
      if (fs.statSync(file).size === 0) throw new DatabaseOpenError('EMPTY', EMPTY);
      inspectExisting(file, migrations.length);
    }
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
