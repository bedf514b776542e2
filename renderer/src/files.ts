import type { FileContent } from '../../shared/files';
import { api } from './api';

/** Hands a file made by the main process to the user (a save dialog in the desktop app, a download in a browser). */
export function downloadFile(file: FileContent): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes]));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads a file the user picked into the shape the contract carries. */
export async function readFile(file: File): Promise<FileContent> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { fileName: file.name, base64: btoa(binary) };
}

/**
 * Export: the desktop app asks where to save (and may open the file afterwards); a browser
 * downloads it. Returns the saved path, or null.
 */
export async function exportFile(file: FileContent): Promise<string | null> {
  const result = await api.saveExportedFile({ file });
  if (result.saved) return result.path;
  if (!window.noivu) downloadFile(file);
  return null;
}
