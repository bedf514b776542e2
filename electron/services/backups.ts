import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { ApiError } from '../../shared/api';
import type { AppDatabase } from '../db/connection';
import { acquireLock } from '../db/lock';
import { schemaVersion } from '../db/migrate';
import { ServiceError } from './errors';

/**
 * Backups made with SQLite's online backup API (a consistent copy even while the app writes),
 * verified before they are renamed into place, and restores that never leave a half-written file.
 */

export interface BackupInfo {
  file: string;
  bytes: number;
  schemaVersion: number;
  /** ISO timestamp of when the copy was finished. */
  at: string;
}

export type BackupKind = 'auto' | 'safety' | 'other';

export interface BackupEntry {
  file: string;
  name: string;
  bytes: number;
  /** ISO timestamp (file modification time). */
  modifiedAt: string;
  kind: BackupKind;
}

export interface AutoBackupOptions {
  /** How many daily backups to keep (at least 1). */
  keep: number;
  now?: Date;
}

export interface RestoreOptions {
  /** The schema version this build understands (LATEST_SCHEMA_VERSION). */
  latestSchemaVersion: number;
  /** Where the safety copy of the current database goes. */
  backupDir: string;
  now?: Date;
}

export type BackupProblem = 'MISSING' | 'NOT_A_DATABASE' | 'TRUNCATED' | 'CORRUPT' | 'NEWER_VERSION' | 'NOT_NOIVU';

/** Why a file cannot be used as a backup; the message is Vietnamese and says what to do. */
export class BackupFileError extends ServiceError {
  constructor(
    readonly problem: BackupProblem,
    message: string,
  ) {
    super('VALIDATION', message);
    this.name = 'BackupFileError';
  }
}

const AUTO_NAME = /^noivu-(\d{4}-\d{2}-\d{2})\.sqlite$/;
const SAFETY_NAME = /^noivu-truoc-khi-khoi-phuc-.+\.sqlite$/;
const UNCHANGED = 'Dữ liệu hiện tại không bị thay đổi.';
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

const pad = (n: number) => String(n).padStart(2, '0');
/** Local calendar day, as in the file names: 2026-11-25. */
export function backupDay(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
const stamp = (d: Date) => `${backupDay(d)}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;

export function autoBackupName(d: Date): string {
  return `noivu-${backupDay(d)}.sqlite`;
}

function tempBeside(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`);
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename durable. Directories cannot be opened for fsync on Windows; there, rename is enough. */
function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // not supported on this platform
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function removeQuietly(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    try {
      fs.rmSync(f, { force: true });
    } catch {
      // nothing to clean up where nothing could be written
    }
  }
}

function integrityProblems(db: BetterSqlite3.Database): string[] {
  const rows = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
  return rows.length === 1 && rows[0]?.integrity_check === 'ok' ? [] : rows.map((r) => r.integrity_check);
}

/**
 * Turns a freshly written copy into a standalone file (rollback journal, no -wal beside it),
 * checks it and forces it to disk. Returns its schema version.
 */
function sealCopy(file: string): number {
  const copy = new BetterSqlite3(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const problems = integrityProblems(copy);
    if (problems.length) throw new Error(`integrity_check: ${problems.slice(0, 3).join('; ')}`);
    return schemaVersion(copy);
  } finally {
    copy.close();
    fsyncFile(file);
  }
}

function backupFailure(dir: string, err: unknown, code: ApiError['code'] = 'DATABASE'): ServiceError {
  if (err instanceof ServiceError) return err;
  const reason = (err as { code?: string }).code ?? (err as Error).message;
  return new ServiceError(
    code,
    `Không tạo được bản sao lưu trong thư mục "${dir}" (${reason}). Hãy kiểm tra ổ đĩa còn chỗ trống và thư mục cho phép ghi, rồi thử lại. ${UNCHANGED}`,
  );
}

/** A consistent, verified copy of the open database at destFile (atomically: never a half-written file). */
export async function backupNow(database: AppDatabase, destFile: string): Promise<BackupInfo> {
  const dir = path.dirname(destFile);
  const temp = tempBeside(destFile);
  try {
    fs.mkdirSync(dir, { recursive: true });
    const expected = schemaVersion(database.sqlite);
    await database.sqlite.backup(temp);
    const version = sealCopy(temp);
    if (version !== expected) throw new Error(`user_version ${version} ≠ ${expected}`);
    fs.renameSync(temp, destFile);
    fsyncDir(dir);
    return { file: destFile, bytes: fs.statSync(destFile).size, schemaVersion: version, at: new Date().toISOString() };
  } catch (err) {
    removeQuietly(temp);
    throw backupFailure(dir, err);
  }
}

/** The backups folder, newest first. */
export function listBackups(backupDir: string): BackupEntry[] {
  if (!fs.existsSync(backupDir)) return [];
  return fs
    .readdirSync(backupDir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.startsWith('noivu-') && e.name.endsWith('.sqlite'))
    .map((e) => {
      const file = path.join(backupDir, e.name);
      const stat = fs.statSync(file);
      const kind: BackupKind = AUTO_NAME.test(e.name) ? 'auto' : SAFETY_NAME.test(e.name) ? 'safety' : 'other';
      return { file, name: e.name, bytes: stat.size, modifiedAt: stat.mtime.toISOString(), kind, mtime: stat.mtimeMs };
    })
    .sort((a, b) => b.mtime - a.mtime || b.name.localeCompare(a.name))
    .map(({ mtime: _mtime, ...entry }) => entry);
}

/** Deletes daily backups beyond the newest `keep`; never touches files of any other name. */
function prune(backupDir: string, keep: number): void {
  const daily = fs
    .readdirSync(backupDir)
    .filter((n) => AUTO_NAME.test(n))
    .sort()
    .reverse();
  for (const name of daily.slice(Math.max(1, keep))) fs.rmSync(path.join(backupDir, name), { force: true });
}

/** At most one backup per calendar day, named noivu-YYYY-MM-DD.sqlite; keeps the newest `keep`. */
export async function autoBackup(database: AppDatabase, backupDir: string, options: AutoBackupOptions): Promise<BackupInfo | null> {
  const now = options.now ?? new Date();
  const dest = path.join(backupDir, autoBackupName(now));
  const info = fs.existsSync(dest) ? null : await backupNow(database, dest);
  prune(backupDir, options.keep);
  return info;
}

/**
 * Checks that a file is a usable NoiVu Desk backup without writing to it.
 * Throws a BackupFileError (code VALIDATION) with a Vietnamese message otherwise.
 */
export function inspectBackupFile(file: string, latestSchemaVersion: number): { schemaVersion: number } {
  const name = path.basename(file);
  const refuse = (problem: BackupProblem, what: string, todo = 'Hãy chọn một bản sao lưu khác (tệp noivu-….sqlite trong thư mục sao lưu).') => {
    throw new BackupFileError(problem, `${what} ${todo} ${UNCHANGED}`);
  };
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
  const read = (() => {
    try {
      return fs.readSync(fd, head, 0, 100, 0);
    } finally {
      fs.closeSync(fd);
    }
  })();
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

  let probe: BetterSqlite3.Database | undefined;
  try {
    probe = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    const version = schemaVersion(probe);
    if (version > latestSchemaVersion) {
      refuse(
        'NEWER_VERSION',
        `Bản sao lưu "${name}" được tạo bởi phiên bản NoiVu Desk mới hơn (cấu trúc dữ liệu số ${version}, phiên bản này chỉ hiểu đến số ${latestSchemaVersion}).`,
        'Hãy cài phiên bản NoiVu Desk mới hơn rồi khôi phục.',
      );
    }
    const problems = integrityProblems(probe);
    if (problems.length) {
      refuse('CORRUPT', `Bản sao lưu "${name}" bị hỏng (kiểm tra toàn vẹn không đạt: ${problems.slice(0, 3).join('; ')}).`);
    }
    const hasProfile = probe.prepare("select 1 from sqlite_master where type = 'table' and name = 'issuer_profile'").get();
    if (version < 1 || !hasProfile) refuse('NOT_NOIVU', `Tệp "${name}" là cơ sở dữ liệu nhưng không phải dữ liệu NoiVu Desk.`);
    return { schemaVersion: version };
  } catch (err) {
    if (err instanceof BackupFileError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') return refuse('NOT_A_DATABASE', `Tệp "${name}" không phải là bản sao lưu NoiVu Desk (không phải tệp cơ sở dữ liệu).`);
    return refuse('CORRUPT', `Bản sao lưu "${name}" bị hỏng, không đọc được (${code ?? 'lỗi đọc tệp'}).`);
  } finally {
    probe?.close();
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
 * reopens it afterwards, which runs migrations for an older backup). Order: inspect the backup
 * (refusal changes nothing), keep a safety copy of the current data, then swap files atomically.
 */
export async function restoreBackup(dbFile: string, backupFile: string, options: RestoreOptions): Promise<{ safetyCopy: string | null }> {
  inspectBackupFile(backupFile, options.latestSchemaVersion);
  const release = acquireLock(dbFile);
  try {
    const exists = fs.existsSync(dbFile) && fs.statSync(dbFile).size > 0;
    const safety = exists ? await safetyCopy(dbFile, options.backupDir, options.now ?? new Date()) : null;
    const temp = tempBeside(dbFile);
    try {
      const source = new BetterSqlite3(backupFile, { readonly: true, fileMustExist: true });
      try {
        await source.backup(temp);
      } finally {
        source.close();
      }
      sealCopy(temp);
      // A stale WAL beside the new file would be replayed onto it: remove it first.
      fs.rmSync(`${dbFile}-wal`, { force: true });
      fs.rmSync(`${dbFile}-shm`, { force: true });
      fs.rmSync(`${dbFile}-journal`, { force: true });
      fs.renameSync(temp, dbFile);
      fsyncDir(path.dirname(dbFile));
    } catch (err) {
      removeQuietly(temp);
      throw new ServiceError(
        'DATABASE',
        `Không khôi phục được từ "${path.basename(backupFile)}" (${(err as { code?: string }).code ?? (err as Error).message}). Dữ liệu cũ vẫn còn${safety ? ` trong bản sao an toàn "${path.basename(safety)}"` : ''}; hãy kiểm tra ổ đĩa rồi thử lại.`,
      );
    }
    return { safetyCopy: safety };
  } finally {
    release();
  }
}
