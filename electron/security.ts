import fs from 'node:fs';
import { protocol, type BrowserWindow, type Session, type WebFrameMain, type WebPreferences } from 'electron';
import { SECURITY_HEADERS, contentType, resolveStaticFile } from './static-files';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://noivu`;

export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: false,
} as const satisfies WebPreferences;

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the renderer build from app://noivu/, never a file outside it, always with our CSP. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    const file = url.host === 'noivu' ? resolveStaticFile(rendererDir, url.pathname) : null;
    if (!file) return new Response('Không tìm thấy', { status: 404 });
    return new Response(fs.readFileSync(file), { headers: { ...SECURITY_HEADERS, 'Content-Type': contentType(file) } });
  });
}

export function isTrustedFrame(frame: WebFrameMain | null): boolean {
  if (!frame || frame.parent !== null) return false;
  try {
    // Node reports origin "null" for custom schemes, so compare scheme and host directly.
    const url = new URL(frame.url);
    return url.protocol === `${APP_SCHEME}:` && url.host === 'noivu';
  } catch {
    return false;
  }
}

/**
 * No remote content, no permissions, nothing but our own pages. The developer tools' own pages are
 * let through only in a development build (the packaged app has no developer tools).
 */
export function hardenSession(session: Session, options: { devtools: boolean }): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const url = details.url;
    const allowed = url.startsWith(`${APP_ORIGIN}/`) || url.startsWith('blob:app://noivu/') || (options.devtools && url.startsWith('devtools://'));
    callback({ cancel: !allowed });
  });
}

export function hardenWindow(win: BrowserWindow): void {
  const contents = win.webContents;
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
