import path from 'node:path';
import { BrowserWindow, Menu, app, dialog, session } from 'electron';
import { desktopPort } from './desktop';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { APP_ORIGIN, SECURE_WEB_PREFERENCES, hardenSession, hardenWindow, isTrustedFrame, registerAppScheme, serveRenderer } from './security';
import { startBackend, type Backend } from './services/backend';
import { loadWindowState, trackWindowState } from './window-state';

// Bundled to dist/electron/main.cjs; the renderer build sits beside it in dist/renderer.
const RENDERER_DIR = path.join(__dirname, '..', 'renderer');
const PRELOAD = path.join(__dirname, 'preload.cjs');

let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;

function createWindow(): void {
  const state = loadWindowState(app.getPath('userData'));
  mainWindow = new BrowserWindow({
    ...state.bounds,
    minWidth: 1024,
    minHeight: 640,
    title: 'NoiVu Desk',
    show: false,
    backgroundColor: '#f5f5f3',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: PRELOAD },
  });
  if (state.maximized) mainWindow.maximize();
  hardenWindow(mainWindow);
  trackWindowState(mainWindow, state.file);
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(`${APP_ORIGIN}/index.html`);
}

registerAppScheme();

// Two processes must never open the same database: a second launch focuses the first window.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  void app.whenReady().then(() => {
    // A damaged or unwritable data file does not stop the app: the backend starts in recovery mode
    // and the window shows the recovery screen. Only an unforeseen failure ends here.
    try {
      backend = startBackend({ userDataDir: app.getPath('userData'), version: app.getVersion(), transport: 'electron', desktop: desktopPort(() => mainWindow) });
    } catch (err) {
      dialog.showErrorBox('NoiVu Desk không mở được dữ liệu', (err as Error).message);
      app.quit();
      return;
    }
    hardenSession(session.defaultSession, { devtools: !app.isPackaged });
    serveRenderer(RENDERER_DIR);
    registerIpc(backend.dispatch, isTrustedFrame);
    Menu.setApplicationMenu(buildMenu());
    createWindow();
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    void backend?.close();
  });
}
