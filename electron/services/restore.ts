import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { BackupSummary } from '../../shared/backups';
import { acquireLock } from '../db/lock';
import { migrate, schemaVersion } from '../db/migrate';
import { MIGRATIONS, type Migration } from '../db/migrations';
import { referenceSchema, schemaDifferences } from '../db/schema-check';
import { registerSqlFunctions } from '../db/sql-functions';
import { backupDay, fsyncDir, fsyncFile, integrityProblems, sealCopy } from './backups';
import { ServiceError } from './errors';
import { removeQuietly, tempBeside } from './temp-files';

/**
 * Restoring treats every backup file as hostile. The file is copied to a private temp file beside
 * the database; the COPY is checked (integrity, the exact schema our migrations make for its
 * version, foreign keys), brought to the latest schema and checked again; only then is the current
 * database kept as a safety copy and the checked copy renamed over it. What was checked is exactly
 * what is swapped in, and a refusal changes nothing.
 */

export type BackupProblem =
  | 'MISSING'
  | 'NOT_A_DATABASE'
  | 'TRUNCATED'
  | 'CORRUPT'
  | 'NEWER_VERSION'
  | 'NOT_NOIVU'
  | 'UNEXPECTED_SCHEMA'
  | 'MIGRATION_FAILED';

/** Why a file cannot be used as a backup; the message is Vietnamese, names the file and says what to do. */
export class BackupFileError extends ServiceError {
  constructor(
    readonly problem: BackupProblem,
    message: string,
  ) {
    super('VALIDATION', message);
    this.name = 'BackupFileError';
  }
}

export interface CheckOptions {
  /** The name the user chose the file by (an upload's file name); defaults to the file's own name. */
  name?: string;
  /** The migration list of this build (tests pass their own). */
  migrations?: readonly Migration[];
}

export interface RestoreOptions extends CheckOptions {
  /** Where the safety copy of the current database goes. */
  backupDir: string;
  now?: Date;
}

const UNCHANGED = 'Dữ liệu hiện tại không bị thay đổi.';
const CHOOSE_ANOTHER = 'Hãy chọn một bản sao lưu khác (tệp noivu-….sqlite trong thư mục sao lưu).';
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/** At most this many schema differences are listed in a message. */
const SHOWN = 5;

const pad = (n: number) => String(n).padStart(2, '0');
const stamp = (d: Date) => `${backupDay(d)}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;

function refuse(problem: BackupProblem, what: string, todo = CHOOSE_ANOTHER): never {
  throw new BackupFileError(problem, `${what} ${todo} ${UNCHANGED}`);
}

const listed = (items: string[]) => items.slice(0, SHOWN).join('; ') + (items.length > SHOWN ? `; và ${items.length - SHOWN} điểm khác` : '');

/** What can be told from the bytes alone: missing, empty, not SQLite, cut short. */
function checkRawFile(file: string, name: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return refuse('MISSING', `Không tìm thấy tệp "${name}".`);
  }
  if (!stat.isFile()) refuse('NOT_A_DATABASE', `"${name}" không phải là một tệp.`);
  if (stat.size === 0) refuse('NOT_A_DATABASE', `Tệp "${name}" rỗng (0 byte) nên không phải là bản sao lưu.`);
  const head = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  let read: number;
  try {
    read = fs.readSync(fd, head, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (read < 100 || !head.subarray(0, 16).equals(SQLITE_HEADER)) {
    refuse('NOT_A_DATABASE', `Tệp "${name}" không phải là bản sao lưu NoiVu Desk (không phải tệp cơ sở dữ liệu).`);
  }
  const rawPageSize = head.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pages = head.readUInt32BE(28);
  // The in-header size is valid when the change counters agree (SQLite ≥ 3.7.0 always writes it).
  if (pageSize >= 512 && pages > 0 && head.readUInt32BE(24) === head.readUInt32BE(92) && stat.size < pages * pageSize) {
    refuse(
      'TRUNCATED',
      `Tệp "${name}" bị thiếu dữ liệu (chỉ có ${stat.size} trên ${pages * pageSize} byte), có lẽ việc sao chép chưa xong.`,
      'Hãy chép lại tệp từ nơi lưu gốc hoặc chọn một bản sao lưu khác.',
    );
  }
}

/** A failure while reading or copying: the file's fault (not a database, damaged) or the disk's. */
function failure(err: unknown, name: string): never {
  if (err instanceof ServiceError) throw err;
  const code = (err as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB') refuse('NOT_A_DATABASE', `Tệp "${name}" không phải là bản sao lưu NoiVu Desk (không phải tệp cơ sở dữ liệu).`);
  if (code.startsWith('SQLITE_CORRUPT')) refuse('CORRUPT', `Bản sao lưu "${name}" bị hỏng, không đọc được (${code}).`);
  throw new ServiceError(
    'DATABASE',
    `Không kiểm tra được bản sao lưu "${name}" (${code || (err as Error).message}). Hãy kiểm tra ổ đĩa còn chỗ trống và thư mục dữ liệu cho phép ghi, rồi thử lại. ${UNCHANGED}`,
  );
}

/** A page-by-page copy (SQLite's backup API, so a `-wal` beside the file is included) that we alone hold. */
async function copyOut(file: string, dest: string, name: string): Promise<void> {
  let source: BetterSqlite3.Database | undefined;
  try {
    source = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    await source.backup(dest);
  } catch (err) {
    failure(err, name);
  } finally {
    source?.close();
  }
}

function foreignKeyProblems(db: BetterSqlite3.Database): string[] {
  const rows = db.pragma('foreign_key_check') as { table: string; parent: string }[];
  return [...new Set(rows.map((r) => `bảng "${r.table}" có dòng trỏ tới dòng không tồn tại trong bảng "${r.parent}"`))];
}

/** Integrity, exact schema and foreign keys of an open copy at `version`; null when all pass. */
function copyProblems(db: BetterSqlite3.Database, version: number, migrations: readonly Migration[]): { problem: BackupProblem; details: string[] } | null {
  const broken = integrityProblems(db);
  if (broken.length) return { problem: 'CORRUPT', details: broken };
  const schema = schemaDifferences(db, version, migrations);
  if (schema.length) return { problem: 'UNEXPECTED_SCHEMA', details: schema };
  const dangling = foreignKeyProblems(db);
  if (dangling.length) return { problem: 'CORRUPT', details: dangling };
  return null;
}

/** The newest ISO timestamp in any updated_at column: when the data was last changed. */
function lastSavedAt(db: BetterSqlite3.Database): string | null {
  const tables = db.prepare("select m.name from sqlite_master m join pragma_table_info(m.name) c where m.type = 'table' and c.name = 'updated_at'").pluck().all() as string[];
  let newest: string | null = null;
  for (const table of tables) {
    const value = db.prepare(`select max(updated_at) from "${table}"`).pluck().get();
    if (typeof value === 'string' && !Number.isNaN(Date.parse(value)) && (newest === null || value > newest)) newest = value;
  }
  return newest;
}

const count = (db: BetterSqlite3.Database, table: string) => db.prepare(`select count(*) from "${table}"`).pluck().get() as number;

/**
 * Copies the backup `file` to `dest`, checks the copy, migrates it to the latest schema and checks
 * it again. Throws a BackupFileError (and removes `dest`) when any step fails.
 */
export async function prepareBackupCopy(file: string, dest: string, options: CheckOptions = {}): Promise<BackupSummary> {
  const name = options.name ?? path.basename(file);
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.length;
  let db: BetterSqlite3.Database | undefined;
  try {
    checkRawFile(file, name);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    await copyOut(file, dest, name);
    let version: number;
    try {
      db = new BetterSqlite3(dest, { fileMustExist: true });
      db.pragma('journal_mode = DELETE');
      version = schemaVersion(db);
    } catch (err) {
      return failure(err, name);
    }
    if (version > latest) {
      refuse(
        'NEWER_VERSION',
        `Bản sao lưu "${name}" được tạo bởi phiên bản NoiVu Desk mới hơn (cấu trúc dữ liệu số ${version}, phiên bản này chỉ hiểu đến số ${latest}).`,
        'Hãy cài phiên bản NoiVu Desk mới hơn rồi khôi phục.',
      );
    }
    // A NoiVu Desk file has at least one of the tables its version should have (the exact check follows).
    const tables = new Set((db.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[]).map((n) => `table ${n}`));
    const ours = version >= 1 && [...referenceSchema(version, migrations).objects.keys()].some((key) => tables.has(key));
    if (!ours) {
      const broken = integrityProblems(db);
      if (broken.length) refuse('CORRUPT', `Bản sao lưu "${name}" bị hỏng (kiểm tra toàn vẹn không đạt: ${listed(broken)}).`);
      refuse('NOT_NOIVU', `Tệp "${name}" là cơ sở dữ liệu nhưng không phải dữ liệu NoiVu Desk.`);
    }
    const found = copyProblems(db, version, migrations);
    if (found?.problem === 'CORRUPT') refuse('CORRUPT', `Bản sao lưu "${name}" bị hỏng (kiểm tra toàn vẹn không đạt: ${listed(found.details)}).`);
    if (found) {
      refuse(
        'UNEXPECTED_SCHEMA',
        `Tệp "${name}" không đúng cấu trúc dữ liệu NoiVu Desk số ${version}: ${listed(found.details)}. Tệp có thể đã bị sửa bằng chương trình khác nên không được dùng để khôi phục.`,
      );
    }
    // Before migrating: a migration's own rows would otherwise count as the newest change.
    const savedAt = lastSavedAt(db);
    if (version < latest) {
      // Migrate the copy exactly as the app would migrate its own file at start-up.
      registerSqlFunctions(db);
      db.pragma('foreign_keys = ON');
      let after: ReturnType<typeof copyProblems>;
      try {
        migrate(db, migrations);
        after = copyProblems(db, latest, migrations);
      } catch (err) {
        after = { problem: 'MIGRATION_FAILED', details: [(err as Error).message] };
      }
      if (after) {
        refuse('MIGRATION_FAILED', `Không nâng cấp được bản sao lưu "${name}" từ cấu trúc dữ liệu số ${version} lên số ${latest}: ${listed(after.details)}.`);
      }
    }
    const summary: BackupSummary = {
      fileName: name,
      path: null,
      schemaVersion: version,
      lastSavedAt: savedAt,
      agencies: count(db, 'agencies'),
      plans: count(db, 'plans'),
      documents: count(db, 'documents'),
    };
    db.close();
    db = undefined;
    fsyncFile(dest);
    return summary;
  } catch (err) {
    db?.close();
    removeQuietly(dest);
    return failure(err, name);
  }
}

/** Checks a backup without restoring it: what the user is asked to confirm. The work copy goes beside `dbFile`. */
export async function inspectBackup(file: string, dbFile: string, options: CheckOptions = {}): Promise<BackupSummary> {
  const temp = tempBeside(dbFile);
  try {
    return await prepareBackupCopy(file, temp, options);
  } finally {
    removeQuietly(temp);
  }
}

function uniqueName(dir: string, base: string): string {
  let candidate = path.join(dir, `${base}.sqlite`);
  for (let i = 2; fs.existsSync(candidate); i++) candidate = path.join(dir, `${base}-${i}.sqlite`);
  return candidate;
}

/** Copies the closed database (with whatever its WAL holds) to a verified safety copy. */
async function safetyCopy(dbFile: string, backupDir: string, now: Date): Promise<string> {
  fs.mkdirSync(backupDir, { recursive: true });
  const dest = uniqueName(backupDir, `noivu-truoc-khi-khoi-phuc-${stamp(now)}`);
  const temp = tempBeside(dest);
  try {
    let source: BetterSqlite3.Database | undefined;
    try {
      source = new BetterSqlite3(dbFile, { fileMustExist: true });
      await source.backup(temp);
      source.close(); // the last connection to close checkpoints the WAL into the file
      source = undefined;
      sealCopy(temp);
    } catch {
      // The current file may be damaged (often why one restores): keep its raw bytes instead.
      source?.close();
      removeQuietly(temp);
      fs.copyFileSync(dbFile, temp);
      if (fs.existsSync(`${dbFile}-wal`)) fs.copyFileSync(`${dbFile}-wal`, `${dest}-wal`);
      fsyncFile(temp);
    }
    fs.renameSync(temp, dest);
    fsyncDir(backupDir);
    return dest;
  } catch (err) {
    removeQuietly(temp);
    throw new ServiceError(
      'DATABASE',
      `Không tạo được bản sao an toàn của dữ liệu hiện tại trong "${backupDir}" (${(err as { code?: string }).code ?? (err as Error).message}) nên chưa khôi phục. Hãy kiểm tra ổ đĩa còn chỗ trống và thư mục cho phép ghi. ${UNCHANGED}`,
    );
  }
}

/**
 * Replaces the application database with a backup. The app's database must be CLOSED (the caller
 * reopens it afterwards). Order: prepare and check a migrated copy beside the database (a refusal
 * changes nothing), keep a safety copy of the current data, then rename the copy into place.
 */
export async function restoreBackup(dbFile: string, backupFile: string, options: RestoreOptions): Promise<{ safetyCopy: string | null }> {
  const name = options.name ?? path.basename(backupFile);
  const release = acquireLock(dbFile);
  const temp = tempBeside(dbFile);
  try {
    await prepareBackupCopy(backupFile, temp, options);
    const exists = fs.existsSync(dbFile) && fs.statSync(dbFile).size > 0;
    const safety = exists ? await safetyCopy(dbFile, options.backupDir, options.now ?? new Date()) : null;
    try {
      // A stale WAL beside the new file would be replayed onto it: remove it first.
      fs.rmSync(`${dbFile}-wal`, { force: true });
      fs.rmSync(`${dbFile}-shm`, { force: true });
      fs.rmSync(`${dbFile}-journal`, { force: true });
      fs.renameSync(temp, dbFile);
      fsyncDir(path.dirname(dbFile));
    } catch (err) {
      throw new ServiceError(
        'DATABASE',
        `Không khôi phục được từ "${name}" (${(err as { code?: string }).code ?? (err as Error).message}). Dữ liệu cũ vẫn còn${safety ? ` trong bản sao an toàn "${path.basename(safety)}"` : ''}; hãy kiểm tra ổ đĩa rồi thử lại.`,
      );
    }
    return { safetyCopy: safety };
  } finally {
    removeQuietly(temp);
    release();
  }
}
