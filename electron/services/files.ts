import fs from 'node:fs';
import path from 'node:path';
import type { FileContent } from '../../shared/files';
import { ServiceError } from './errors';

/** What only the desktop shell can do: ask where to save, and open a file with its program. */
export interface DesktopPort {
  chooseSavePath(defaultName: string): Promise<string | null>;
  openPath(file: string): Promise<void>;
}

const LOCKED = new Set(['EBUSY', 'EPERM', 'EACCES']);

/**
 * Writes next to the target first, then renames over it, so a failure never leaves half a file; a
 * target held open by another program (Word on Windows) gets a clear message and stays as it was.
 */
export function writeFileAtomic(target: string, bytes: Uint8Array): void {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    const fd = fs.openSync(temp, 'w');
    try {
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (LOCKED.has(code)) {
      throw new ServiceError('CONFLICT', `Không ghi được "${path.basename(target)}": tệp đang được mở trong chương trình khác (ví dụ Word) hoặc thư mục không cho ghi. Hãy đóng tệp rồi lưu lại; văn bản trong NoiVu Desk không mất.`);
    }
    if (code === 'ENOENT') throw new ServiceError('VALIDATION', `Thư mục "${path.dirname(target)}" không còn tồn tại.`);
    if (code === 'ENOSPC') throw new ServiceError('CONFLICT', 'Ổ đĩa đã đầy, không lưu được tệp. Văn bản trong NoiVu Desk không mất.');
    throw err;
  }
}

/** Files saved in this session: the only ones "Mở tệp" may open. */
const savedThisSession = new Set<string>();

export async function saveExportedFile(desktop: DesktopPort | undefined, file: FileContent): Promise<{ saved: boolean; path: string | null }> {
  if (!desktop) return { saved: false, path: null };
  const target = await desktop.chooseSavePath(file.fileName);
  if (!target) return { saved: false, path: null };
  writeFileAtomic(target, Buffer.from(file.base64, 'base64'));
  savedThisSession.add(path.resolve(target));
  return { saved: true, path: target };
}

export async function openSavedFile(desktop: DesktopPort | undefined, file: string): Promise<void> {
  if (!desktop) throw new ServiceError('VALIDATION', 'Chỉ mở được tệp trong ứng dụng máy tính.');
  if (!savedThisSession.has(path.resolve(file))) throw new ServiceError('VALIDATION', 'Chỉ mở được tệp vừa lưu từ NoiVu Desk.');
  await desktop.openPath(file);
}
