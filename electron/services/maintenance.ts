import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { BackupKeepSchema, DEFAULT_BACKUP_KEEP } from '../../shared/backups';
import { todayIso } from '../../shared/dates';
import type { FileContent } from '../../shared/files';
import type { AppDatabase } from '../db/connection';
import type { Database } from '../db/schema';
import { backupNow, listBackups, type BackupEntry } from './backups';
import { ServiceError } from './errors';
import type { DesktopPort } from './files';
import { stagingDir } from './temp-files';

/**
 * The stored number of daily backups to keep. Any database can carry anything (a restored file, an
 * edit by hand): a value the contract would refuse falls back to the default instead of reaching prune.
 */
export async function getBackupKeep(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('app_settings').select('value').where('key', '=', 'backupKeep').executeTakeFirst();
  if (!row) return DEFAULT_BACKUP_KEEP;
  let value: unknown;
  try {
    value = JSON.parse(row.value);
  } catch {
    return DEFAULT_BACKUP_KEEP;
  }
  const keep = BackupKeepSchema.safeParse(value);
  return keep.success ? keep.data : DEFAULT_BACKUP_KEEP;
}

export async function setBackupKeep(db: Kysely<Database>, keep: number): Promise<number> {
  await db
    .insertInto('app_settings')
    .values({ key: 'backupKeep', value: JSON.stringify(keep) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(keep) }))
    .execute();
  return keep;
}

export function backupsOverview(backupDir: string): { folder: string; backups: BackupEntry[] } {
  return { folder: backupDir, backups: listBackups(backupDir) };
}

/** "Sao lưu": to a file the user picks in the desktop app; in a browser the copy is downloaded. */
export async function makeBackup(database: AppDatabase, desktop: DesktopPort | undefined): Promise<{ path: string | null; file: FileContent | null }> {
  const day = todayIso();
  const name = `noivu-sao-luu-${day}.sqlite`;
  if (desktop) {
    const target = await desktop.chooseSavePath(name);
    if (!target) return { path: null, file: null };
    await backupNow(database, target);
    return { path: target, file: null };
  }
  const temp = path.join(stagingDir('backup'), name);
  try {
    await backupNow(database, temp);
    return { path: null, file: { fileName: name, base64: fs.readFileSync(temp).toString('base64') } };
  } finally {
    fs.rmSync(path.dirname(temp), { recursive: true, force: true });
  }
}

/** A backup file to check or restore, by the name the user chose it; dispose() removes any staged copy. */
export interface BackupSource {
  path: string;
  name: string;
  dispose(): void;
}

/** The name an upload is shown by: what the user picked, without any folder part. */
const shownName = (fileName: string) => fileName.split(/[\\/]/).pop() || fileName;

/** Puts an uploaded backup (browser mode) where the restore can read it, until dispose(). */
export function stageUploadedBackup(file: FileContent): BackupSource {
  const name = shownName(file.fileName);
  if (!file.base64) throw new ServiceError('VALIDATION', `Tệp sao lưu "${name}" trống.`);
  const dir = stagingDir('restore');
  const staged = path.join(dir, 'backup.sqlite');
  try {
    fs.writeFileSync(staged, Buffer.from(file.base64, 'base64'));
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return { path: staged, name, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Browser mode: the upload; desktop: a file the user picks (null when they cancel). */
export async function chooseBackupSource(file: FileContent | null, desktop: DesktopPort | undefined): Promise<BackupSource | null> {
  if (file) return stageUploadedBackup(file);
  const picked = await desktop?.chooseOpenFile('Chọn tệp sao lưu để khôi phục');
  return picked ? { path: picked, name: path.basename(picked), dispose: () => undefined } : null;
}
