import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { FileContent } from '../../shared/files';
import type { AppDatabase } from '../db/connection';
import type { Database } from '../db/schema';
import { backupNow, listBackups, type BackupEntry } from './backups';
import { ServiceError } from './errors';
import type { DesktopPort } from './files';

export async function getBackupKeep(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('app_settings').select('value').where('key', '=', 'backupKeep').executeTakeFirst();
  return row ? Number(JSON.parse(row.value)) : 10;
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
  const day = new Date().toISOString().slice(0, 10);
  const name = `noivu-sao-luu-${day}.sqlite`;
  if (desktop) {
    const target = await desktop.chooseSavePath(name);
    if (!target) return { path: null, file: null };
    await backupNow(database, target);
    return { path: target, file: null };
  }
  const temp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'noivu-backup-')), name);
  try {
    await backupNow(database, temp);
    return { path: null, file: { fileName: name, base64: fs.readFileSync(temp).toString('base64') } };
  } finally {
    fs.rmSync(path.dirname(temp), { recursive: true, force: true });
  }
}

/** Puts an uploaded backup (browser mode) where the restore can read it. */
export function stageUploadedBackup(file: FileContent): string {
  if (!file.base64) throw new ServiceError('VALIDATION', 'Tệp sao lưu trống.');
  const temp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'noivu-restore-')), 'backup.sqlite');
  fs.writeFileSync(temp, Buffer.from(file.base64, 'base64'));
  return temp;
}
