import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { ApiError } from '../../shared/api';
import { localIsoDate } from '../../shared/dates';
import type { AppDatabase } from '../db/connection';
import { schemaVersion } from '../db/migrate';
import { ServiceError } from './errors';
import { removeQuietly, tempBeside } from './temp-files';

/**
 * Backups made with SQLite's online backup API (a consistent copy even while the app writes),
 * verified before they are renamed into place. Restoring one is in restore.ts.
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

const AUTO_NAME = /^noivu-(\d{4}-\d{2}-\d{2})\.sqlite$/;
const SAFETY_NAME = /^noivu-truoc-khi-khoi-phuc-.+\.sqlite$/;
const UNCHANGED = 'Dữ liệu hiện tại không bị thay đổi.';

/** Local calendar day, as in the file names: 2026-11-25. */
export function backupDay(d: Date): string {
  return localIsoDate(d);
}

export function autoBackupName(d: Date): string {
  return `noivu-${backupDay(d)}.sqlite`;
}

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename durable. Directories cannot be opened for fsync on Windows; there, rename is enough. */
export function fsyncDir(dir: string): void {
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

export function integrityProblems(db: BetterSqlite3.Database): string[] {
  const rows = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
  return rows.length === 1 && rows[0]?.integrity_check === 'ok' ? [] : rows.map((r) => r.integrity_check);
}

/**
 * Turns a freshly written copy into a standalone file (rollback journal, no -wal beside it),
 * checks it and forces it to disk. Returns its schema version.
 */
export function sealCopy(file: string): number {
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

/**
 * Deletes daily backups beyond the newest `keep`; never touches files of any other name. A `keep`
 * that is not a whole number ≥ 1 (slice(NaN) is slice(0)) deletes nothing.
 */
function prune(backupDir: string, keep: number): void {
  if (!Number.isInteger(keep) || keep < 1) {
    console.error(`Không dọn bản sao lưu cũ: số bản giữ lại không hợp lệ (${String(keep)}).`);
    return;
  }
  const daily = fs
    .readdirSync(backupDir)
    .filter((n) => AUTO_NAME.test(n))
    .sort()
    .reverse();
  for (const name of daily.slice(keep)) fs.rmSync(path.join(backupDir, name), { force: true });
}

/** At most one backup per calendar day, named noivu-YYYY-MM-DD.sqlite; keeps the newest `keep`. */
export async function autoBackup(database: AppDatabase, backupDir: string, options: AutoBackupOptions): Promise<BackupInfo | null> {
  const now = options.now ?? new Date();
  const dest = path.join(backupDir, autoBackupName(now));
  const info = fs.existsSync(dest) ? null : await backupNow(database, dest);
  prune(backupDir, options.keep);
  return info;
}
