import fs from 'node:fs';
import { DatabaseOpenError } from './errors';

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Two processes must never write the same database (the desktop app and browser mode, or two
 * copies of either). A lock file beside it holds the owner's pid; a stale one (owner gone) is taken over.
 */
export function acquireLock(dbFile: string): () => void {
  const lockFile = `${dbFile}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(lockFile, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number.parseInt(fs.readFileSync(lockFile, 'utf8'), 10);
      if (Number.isInteger(owner) && isAlive(owner)) {
        throw new DatabaseOpenError(
          'LOCKED',
          `Tệp dữ liệu đang được một cửa sổ NoiVu Desk khác sử dụng (tiến trình ${owner}). Hãy dùng cửa sổ đó hoặc đóng nó trước.`,
        );
      }
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new DatabaseOpenError('LOCKED', 'Không giành được quyền sử dụng tệp dữ liệu. Hãy thử lại.');
}
