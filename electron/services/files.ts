import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FileContent, SavedToFolder } from '../../shared/files';
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

/** A file-system failure as the user should read it; anything unexpected is rethrown as it is. */
function fileError(err: unknown, target: string): unknown {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  if (LOCKED.has(code)) {
    return new ServiceError('CONFLICT', `Không ghi được "${path.basename(target)}": tệp đang được mở trong chương trình khác (ví dụ Word) hoặc thư mục không cho ghi. Hãy đóng tệp rồi lưu lại; văn bản trong NoiVu Desk không mất.`);
  }
  if (code === 'ENOENT') return new ServiceError('VALIDATION', `Thư mục "${path.dirname(target)}" không còn tồn tại.`);
  if (code === 'ENOSPC') return new ServiceError('CONFLICT', 'Ổ đĩa đã đầy, không lưu được tệp. Văn bản trong NoiVu Desk không mất.');
  return err;
}

/** The bytes, complete and flushed to disk, in a new hidden file beside `target`. */
function writeTemp(target: string, bytes: Uint8Array): string {
  const temp = path.join(path.dirname(target), `.noivu-${process.pid}-${crypto.randomBytes(6).toString('hex')}.tmp`);
  const fd = fs.openSync(temp, 'wx');
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } catch (err) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw err;
  }
  fs.closeSync(fd);
  return temp;
}

/**
 * Writes next to the target first, then renames over it, so a failure never leaves half a file; a
 * target held open by another program (Word on Windows) gets a clear message and stays as it was.
 * For a target the user chose to replace (the save dialog asked); see writeNewFile otherwise.
 */
export function writeFileAtomic(target: string, bytes: Uint8Array): void {
  let temp: string | undefined;
  try {
    temp = writeTemp(target, bytes);
    fs.renameSync(temp, target);
  } catch (err) {
    if (temp) fs.rmSync(temp, { force: true });
    throw fileError(err, target);
  }
}

/** "Tên.xlsx" → "Tên (n).xlsx". */
function numbered(target: string, n: number): string {
  const ext = path.extname(target);
  return `${target.slice(0, target.length - ext.length)} (${n})${ext}`;
}

const MAX_NUMBER = 999;

/**
 * Gives the complete temporary file the name `target` only if no file has that name: a hard link
 * fails when the name exists, so nothing can slip in between a check and the write. Drives without
 * hard links (FAT32/exFAT USB sticks) get the name claimed by an exclusive create instead, and the
 * temporary file renamed onto the empty file we just made. False if the name is taken.
 */
function claimName(temp: string, target: string): boolean {
  try {
    fs.linkSync(temp, target);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
  }
  try {
    fs.closeSync(fs.openSync(target, 'wx'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    fs.renameSync(temp, target);
  } catch (err) {
    fs.rmSync(target, { force: true }); // the empty file we created, nobody else's
    throw err;
  }
  return true;
}

/**
 * Writes a new file into `folder` and never replaces one already there: a name that is taken
 * becomes "name (2).ext", "name (3).ext"… (the first free one). Returns the path written.
 */
export function writeNewFile(folder: string, fileName: string, bytes: Uint8Array): string {
  const wanted = safeChild(folder, fileName);
  let temp: string | undefined;
  try {
    temp = writeTemp(wanted, bytes);
    for (let n = 1; n <= MAX_NUMBER; n++) {
      const target = n === 1 ? wanted : numbered(wanted, n);
      if (claimName(temp, target)) return target;
    }
  } catch (err) {
    throw fileError(err, wanted);
  } finally {
    if (temp) fs.rmSync(temp, { force: true });
  }
  throw new ServiceError('CONFLICT', `Thư mục "${folder}" đã có quá nhiều tệp tên "${path.basename(wanted)}" (đến số ${MAX_NUMBER}). Hãy chọn thư mục khác.`);
}

/** Files saved in this session, by real path: the only ones "Mở tệp" may open. */
const savedThisSession = new Set<string>();

/** The kinds of document the app writes; nothing else is handed to the system to open. */
const OPENABLE = new Set(['.docx', '.xlsx', '.zip', '.pdf']);

export async function saveExportedFile(desktop: DesktopPort | undefined, file: FileContent): Promise<{ saved: boolean; path: string | null }> {
  if (!desktop) return { saved: false, path: null };
  const target = await desktop.chooseSavePath(file.fileName);
  if (!target) return { saved: false, path: null };
  writeFileAtomic(target, Buffer.from(file.base64, 'base64'));
  savedThisSession.add(fs.realpathSync(target));
  return { saved: true, path: target };
}

export async function openSavedFile(desktop: DesktopPort | undefined, file: string): Promise<void> {
  if (!desktop) throw new ServiceError('VALIDATION', 'Chỉ mở được tệp trong ứng dụng máy tính.');
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch {
    throw new ServiceError('VALIDATION', `Không tìm thấy tệp "${path.basename(file)}" (có thể đã bị xoá hoặc chuyển đi).`);
  }
  if (!savedThisSession.has(real)) throw new ServiceError('VALIDATION', 'Chỉ mở được tệp vừa lưu từ NoiVu Desk.');
  if (!OPENABLE.has(path.extname(real).toLowerCase())) {
    throw new ServiceError('VALIDATION', `NoiVu Desk chỉ mở tệp Word (.docx), Excel (.xlsx), PDF hoặc .zip, không mở "${path.basename(real)}".`);
  }
  await desktop.openPath(real);
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

/** Many files (e.g. one report form per agency) into a folder the user picks, next to whatever is there. */
export async function saveFilesToFolder(desktop: DesktopPort | undefined, files: FileContent[]): Promise<SavedToFolder> {
  if (!desktop) return { saved: false, folder: null, count: 0, files: [] };
  const folder = await desktop.chooseFolder();
  if (!folder) return { saved: false, folder: null, count: 0, files: [] };
  const written = files.map((file) => {
    const target = writeNewFile(folder, file.fileName, Buffer.from(file.base64, 'base64'));
    return { fileName: path.basename(target), renamed: target !== safeChild(folder, file.fileName) };
  });
  return { saved: true, folder, count: written.length, files: written };
}

/** The same files in one .zip, for browser mode where a page cannot write to a folder. */
export async function zipFiles(files: FileContent[], fileName: string): Promise<FileContent> {
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  for (const file of files) zip.file(path.basename(file.fileName.replace(/[\\/]/g, '_')), Buffer.from(file.base64, 'base64'));
  return { fileName, base64: (await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })).toString('base64') };
}
