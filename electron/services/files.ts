import fs from 'node:fs';
import path from 'node:path';
import type { FileContent } from '../../shared/files';
import { ServiceError } from './errors';

/** What only the desktop shell can do: ask where to save, and open a file with its program. */
export interface DesktopPort {
  chooseSavePath(defaultName: string): Promise<string | null>;
  chooseFolder(): Promise<string | null>;
  chooseOpenFile(title: string): Promise<string | null>;
  openPath(file: string): Promise<void>;
  /** Closes the app (the recovery screen's "Thoát"). */
  quit?(): void;
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

/** A file name the main process made, kept inside the chosen folder whatever it contains. */
export function safeChild(folder: string, fileName: string): string {
  const name = path.basename(fileName.replace(/[\\/]/g, '_')).replace(/[<>:"|?*\u0000-\u001f]/g, '_');
  const target = path.resolve(folder, name);
  if (!name || name === '.' || name === '..' || path.dirname(target) !== path.resolve(folder)) {
    throw new ServiceError('VALIDATION', `Tên tệp "${fileName}" không hợp lệ.`);
  }
  return target;
}

/** Many files (e.g. one report form per agency) into a folder the user picks. */
export async function saveFilesToFolder(desktop: DesktopPort | undefined, files: FileContent[]): Promise<{ saved: boolean; folder: string | null; count: number }> {
  if (!desktop) return { saved: false, folder: null, count: 0 };
  const folder = await desktop.chooseFolder();
  if (!folder) return { saved: false, folder: null, count: 0 };
  for (const file of files) writeFileAtomic(safeChild(folder, file.fileName), Buffer.from(file.base64, 'base64'));
  return { saved: true, folder, count: files.length };
}

/** The same files in one .zip, for browser mode where a page cannot write to a folder. */
export async function zipFiles(files: FileContent[], fileName: string): Promise<FileContent> {
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  for (const file of files) zip.file(path.basename(file.fileName.replace(/[\\/]/g, '_')), Buffer.from(file.base64, 'base64'));
  return { fileName, base64: (await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })).toString('base64') };
}
