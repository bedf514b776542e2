import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isAlive } from '../db/lock';

/**
 * The one home for the names of our temporary copies of user data, so that what a crash leaves
 * behind can be found and removed at the next start, and nothing else is ever touched. Every name
 * carries the pid of the process that made it: a live process's files are never swept.
 */

const TEMP_BESIDE = /^\..+\.(\d+)-[0-9a-f]{8}\.tmp(-wal|-shm|-journal)?$/;
/** Staged uploads and downloads, and the start-up probe's copy of the database (electron/db/connection.ts). */
const STAGING = /^noivu-(?:restore|backup|inspect)-(\d+)-[A-Za-z0-9]{6}$/;
/** Uploads staged by versions that did not yet name the process and never removed them. */
const LEGACY_STAGING = /^noivu-restore-[A-Za-z0-9]{6}$/;
const LEGACY_FILES = /^backup\.sqlite(-wal|-shm|-journal)?$/;
const LEGACY_AGE_MS = 60 * 60 * 1000;

/** A temporary file beside `file` (same folder, so a rename over it is atomic). */
export function tempBeside(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`);
}

/** A fresh folder in the system temp folder for a copy of user data (an upload, a download). */
export function stagingDir(kind: 'restore' | 'backup'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `noivu-${kind}-${process.pid}-`));
}

/** Removes a SQLite file with its journal files; never throws (it is cleanup). */
export function removeQuietly(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    try {
      fs.rmSync(f, { force: true });
    } catch {
      // nothing to clean up where nothing could be written
    }
  }
}

function entries(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

const ownerGone = (pid: string) => !isAlive(Number(pid));

function isLegacyLeftover(dir: string, now: number): boolean {
  try {
    const inside = fs.readdirSync(dir);
    return inside.every((n) => LEGACY_FILES.test(n)) && now - fs.statSync(dir).mtimeMs > LEGACY_AGE_MS;
  } catch {
    return false;
  }
}

/**
 * Deletes what earlier runs left behind: staged uploads and downloads in the system temp folder,
 * and `.….tmp` copies in `folders` (beside the database, the backups folder). Returns what it removed.
 */
export function sweepLeftovers(folders: string[], tempRoot = os.tmpdir(), now = Date.now()): string[] {
  const removed: string[] = [];
  const remove = (target: string) => {
    try {
      fs.rmSync(target, { recursive: true, force: true });
      removed.push(target);
    } catch {
      // still in use or not ours to delete: try again at the next start
    }
  };
  for (const e of entries(tempRoot)) {
    if (!e.isDirectory()) continue;
    const pid = STAGING.exec(e.name)?.[1];
    const full = path.join(tempRoot, e.name);
    if ((pid && ownerGone(pid)) || (LEGACY_STAGING.test(e.name) && isLegacyLeftover(full, now))) remove(full);
  }
  for (const folder of folders) {
    for (const e of entries(folder)) {
      const pid = TEMP_BESIDE.exec(e.name)?.[1];
      if (e.isFile() && pid && ownerGone(pid)) remove(path.join(folder, e.name));
    }
  }
  return removed;
}
