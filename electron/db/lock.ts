import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { DatabaseOpenError } from './errors';

/** How often the holder touches its lock file, and how old a touch may be before the lock counts as abandoned. */
export const HEARTBEAT_MS = 10_000;
export const STALE_AFTER_MS = 60_000;

/** What a lock file says about its holder. `started` tells a reused pid from the holder itself. */
export interface LockOwner {
  pid: number;
  host: string;
  /** The process's start time as the system counts it (Linux: /proc/<pid>/stat), null where unknown. */
  started: string | null;
  nonce: string;
}

/** Linux only; elsewhere the heartbeat alone tells a reused pid from a live holder. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) may contain spaces and parentheses: count from the last ')'
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseOwner(text: string): LockOwner | null {
  if (/^\d+$/.test(text.trim())) {
    // written by an earlier version: a bare pid
    return { pid: Number(text.trim()), host: os.hostname(), started: null, nonce: '' };
  }
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (!Number.isSafeInteger(value.pid) || (value.pid as number) <= 0 || typeof value.host !== 'string' || typeof value.nonce !== 'string') return null;
    return { pid: value.pid as number, host: value.host, started: typeof value.started === 'string' ? value.started : null, nonce: value.nonce };
  } catch {
    return null;
  }
}

interface Seen {
  text: string;
  owner: LockOwner | null;
  touchedMs: number;
}

function readLock(lockFile: string): Seen | null {
  try {
    const touchedMs = fs.statSync(lockFile).mtimeMs;
    const text = fs.readFileSync(lockFile, 'utf8');
    return { text, owner: parseOwner(text), touchedMs };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** The holder is gone, or never finished writing, or is some other process that got the same pid, or stopped its heartbeat. */
function isStale({ owner, touchedMs }: Seen, now: number): boolean {
  if (!owner) return true;
  if (now - touchedMs > STALE_AFTER_MS) return true;
  // another computer sharing the folder: its pids mean nothing here, the fresh heartbeat is proof enough
  if (owner.host !== os.hostname()) return false;
  if (!isAlive(owner.pid)) return true;
  const started = processStartTime(owner.pid);
  return owner.started !== null && started !== null && started !== owner.started;
}

/**
 * Creates the lock file with its whole content at once: written beside it, then hard-linked into
 * place (which fails if a lock exists), so no reader ever sees a half-written lock. Filesystems
 * without hard links (FAT, exFAT) fall back to an exclusive create.
 */
function tryCreate(lockFile: string, content: string, nonce: string): boolean {
  const temp = `${lockFile}.${process.pid}-${nonce}.tmp`;
  fs.writeFileSync(temp, content, { flag: 'wx' });
  try {
    fs.linkSync(temp, lockFile);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw err;
    try {
      fs.writeFileSync(lockFile, content, { flag: 'wx' });
      return true;
    } catch (fallback) {
      if ((fallback as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw fallback;
    }
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** Removes a stale lock only if it is still the very one judged stale (another opener may have replaced it). */
function removeIfUnchanged(lockFile: string, seen: Seen): void {
  const now = readLock(lockFile);
  if (now && now.text === seen.text) fs.rmSync(lockFile, { force: true });
}

/**
 * Two processes must never write the same database (the desktop app and browser mode, or two
 * copies of either). A lock file beside it names the holder (pid, start time, a random nonce) and
 * is touched every HEARTBEAT_MS; a lock whose holder is gone, is an unrelated process that reuses
 * the pid, or stopped touching it for STALE_AFTER_MS is taken over.
 */
export function acquireLock(dbFile: string): () => void {
  const lockFile = `${dbFile}.lock`;
  const me: LockOwner = { pid: process.pid, host: os.hostname(), started: processStartTime(process.pid), nonce: crypto.randomBytes(8).toString('hex') };
  const content = JSON.stringify(me);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(lockFile, content, me.nonce)) {
      const heartbeat = setInterval(() => {
        try {
          const now = new Date();
          fs.utimesSync(lockFile, now, now);
        } catch {
          // the folder may be gone for a moment; the next beat tries again
        }
      }, HEARTBEAT_MS);
      heartbeat.unref();
      return () => {
        clearInterval(heartbeat);
        try {
          if (readLock(lockFile)?.owner?.nonce === me.nonce) fs.rmSync(lockFile, { force: true });
        } catch {
          // an unreadable lock is judged stale by the next opener
        }
      };
    }
    const seen = readLock(lockFile);
    if (!seen) continue;
    if (!isStale(seen, Date.now())) {
      throw new DatabaseOpenError(
        'LOCKED',
        `Tệp dữ liệu đang được một cửa sổ NoiVu Desk khác sử dụng (tiến trình ${seen.owner!.pid}). Hãy dùng cửa sổ đó hoặc đóng nó trước.`,
      );
    }
    removeIfUnchanged(lockFile, seen);
  }
  throw new DatabaseOpenError('LOCKED', 'Không giành được quyền sử dụng tệp dữ liệu. Hãy thử lại.');
}
