import path from 'node:path';
import { app, dialog, shell, type BrowserWindow } from 'electron';
import type { DesktopPort } from './services/files';

const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  '.docx': { name: 'Văn bản Word', extensions: ['docx'] },
  '.xlsx': { name: 'Bảng tính Excel', extensions: ['xlsx'] },
};

/** The desktop-only abilities the services may use: the save dialog and the system's default program. */
export function desktopPort(window: () => BrowserWindow | null): DesktopPort {
  return {
    async chooseSavePath(defaultName) {
      const filter = FILTERS[path.extname(defaultName).toLowerCase()];
      const options = { title: 'Lưu tệp', defaultPath: path.join(app.getPath('documents'), defaultName), filters: filter ? [filter] : [], buttonLabel: 'Lưu' };
      const win = window();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseFolder() {
      const options = { title: 'Chọn thư mục lưu các tệp', properties: ['openDirectory' as const, 'createDirectory' as const], buttonLabel: 'Chọn thư mục' };
      const win = window();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseOpenFile(title) {
      const options = { title, properties: ['openFile' as const], filters: [{ name: 'Tệp sao lưu NoiVu Desk', extensions: ['sqlite', 'db'] }] };
      const win = window();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async openPath(file) {
      const error = await shell.openPath(file);
      if (error) throw new Error(`Không mở được tệp: ${error}`);
    },
    quit() {
      app.quit();
    },
  };
}
