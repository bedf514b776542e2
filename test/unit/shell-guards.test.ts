import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import YAML from 'yaml';

// Each guard of the Electron shell, driven against a stand-in of the electron API (the binary
// cannot run here), and the browser-mode server's own guards against a real server.
const electron = vi.hoisted(() => ({
  schemeHandler: undefined as ((request: { url: string }) => Response) | undefined,
  workArea: { x: 0, y: 0, width: 1920, height: 1040 },
}));

vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: () => undefined,
    handle: (_scheme: string, fn: (request: { url: string }) => Response) => (electron.schemeHandler = fn),
  },
  screen: { getDisplayMatching: () => ({ workArea: electron.workArea }) },
}));

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'noivu-shell-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('packaging: Electron fuses', () => {
  const config = YAML.parse(fs.readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown>;

  it('turns off every way to run the shipped binary as something else', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
  });

  it('passes electron-builder’s own schema check, which refuses a misspelt key', async () => {
    const debug = { isEnabled: false, add: () => undefined };
    await expect(validateConfiguration(config as never, debug as never)).resolves.toBeUndefined();
    const misspelt = { ...config, electronFuses: { ...(config.electronFuses as object), runAsNod: false } };
    await expect(validateConfiguration(misspelt as never, debug as never)).rejects.toThrow(/configuration.electronFuses/);
  });
});

describe('session', () => {
  type PermissionRequest = (wc: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
  type BeforeRequest = (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;

  async function hardened(options = { devtools: false }) {
    const { hardenSession } = await import('../../electron/security');
    const session = {
      permissionRequest: undefined as PermissionRequest | undefined,
      permissionCheck: undefined as ((...args: unknown[]) => boolean) | undefined,
      beforeRequest: undefined as BeforeRequest | undefined,
    };
    hardenSession({
      setPermissionRequestHandler: (fn: PermissionRequest) => (session.permissionRequest = fn),
      setPermissionCheckHandler: (fn: (...args: unknown[]) => boolean) => (session.permissionCheck = fn),
      webRequest: { onBeforeRequest: (fn: BeforeRequest) => (session.beforeRequest = fn) },
    } as never, options);
    return session;
  }

  it('refuses every permission a page asks for, and reports none as granted', async () => {
    const session = await hardened();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem', 'hid', 'usb']) {
      const answers: boolean[] = [];
      session.permissionRequest!({}, permission, (granted) => answers.push(granted), { requestingUrl: 'app://noivu/index.html' });
      expect(answers, permission).toEqual([false]);
      expect(session.permissionCheck!({}, permission, 'app://noivu', { requestingUrl: 'app://noivu/index.html' }), permission).toBe(false);
    }
  });

  it('lets the developer tools’ pages through only in a development build', async () => {
    const cancelled = (session: Awaited<ReturnType<typeof hardened>>, url: string) => {
      let answer: boolean | undefined;
      session.beforeRequest!({ url }, (response) => (answer = response.cancel));
      return answer;
    };
    const url = 'devtools://devtools/bundled/devtools_app.html';
    expect(cancelled(await hardened({ devtools: false }), url)).toBe(true);
    expect(cancelled(await hardened({ devtools: true }), url)).toBe(false);
  });

  it('lets through only requests for the app’s own pages', async () => {
    const session = await hardened();
    const cancelled = (url: string) => {
      const answers: boolean[] = [];
      session.beforeRequest!({ url }, (response) => answers.push(response.cancel));
      expect(answers, url).toHaveLength(1);
      return answers[0];
    };
    for (const url of ['app://noivu/index.html', 'app://noivu/assets/index-abc.js', 'blob:app://noivu/8b2c1d0e-1111-4222-8333-944445555666']) {
      expect(cancelled(url), url).toBe(false);
    }
    for (const url of [
      'https://evil.example/x.js',
      'http://127.0.0.1:8080/api/listAgencies',
      'http://localhost/',
      'file:///C:/Windows/win.ini',
      'data:text/html,<script>alert(1)</script>',
      'ws://127.0.0.1:9229/',
      'app://evil/index.html',
      'app://noivu.evil.example/index.html',
      'app://noivu@evil.example/index.html',
      'blob:https://evil.example/1',
      'chrome://settings',
    ]) {
      expect(cancelled(url), url).toBe(true);
    }
  });
});

describe('app:// scheme', () => {
  it('serves the renderer build only from app://noivu/, with the Content-Security-Policy', async () => {
    const root = path.join(dir, 'renderer');
    fs.mkdirSync(root);
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>NoiVu</title>');
    const { serveRenderer } = await import('../../electron/security');
    serveRenderer(root);
    const ours = electron.schemeHandler!({ url: 'app://noivu/index.html' });
    expect(ours.status).toBe(200);
    expect(await ours.text()).toContain('NoiVu');
    expect(ours.headers.get('content-security-policy')).toContain("default-src 'none'");
    for (const url of ['app://evil/index.html', 'app://noivu.evil/index.html', 'app://noivu/../../etc/passwd', 'app://noivu/missing.js']) {
      expect(electron.schemeHandler!({ url }).status, url).toBe(404);
    }
  });
});

describe('static files', () => {
  function layout() {
    const root = path.join(dir, 'renderer');
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'index.html'), 'app');
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'js');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'secret');
    return root;
  }

  it('finds the files of the build', async () => {
    const { resolveStaticFile } = await import('../../electron/static-files');
    const root = layout();
    expect(resolveStaticFile(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticFile(root, '/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
    expect(resolveStaticFile(root, '/assets/%61pp.js')).toBe(path.join(root, 'assets', 'app.js'));
    expect(resolveStaticFile(root, '/assets')).toBeNull();
  });

  it('never leaves the build folder, however the path is spelt', async () => {
    const { resolveStaticFile } = await import('../../electron/static-files');
    const root = layout();
    for (const urlPath of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/%2E%2E%2F%2E%2E%2Fsecret.txt',
      `/${path.join(dir, 'secret.txt')}`,
      `/%2F${encodeURIComponent(path.join(dir, 'secret.txt'))}`,
      '/index.html%00.js',
      '/%E0%A4%A',
    ]) {
      expect(resolveStaticFile(root, urlPath), urlPath).toBeNull();
    }
  });

  it('refuses a backslash, which Windows reads as a folder separator', async () => {
    const { resolveStaticFile } = await import('../../electron/static-files');
    const root = layout();
    // On Linux "..\secret.txt" is an ordinary name; this file stands for what Windows would find one folder up.
    fs.writeFileSync(path.join(root, '..\\secret.txt'), 'secret');
    expect(resolveStaticFile(root, '/..%5csecret.txt')).toBeNull();
    expect(resolveStaticFile(root, '/..%5Csecret.txt')).toBeNull();
  });

  it('does not follow a link out of the build folder', async () => {
    const { resolveStaticFile } = await import('../../electron/static-files');
    const root = layout();
    fs.symlinkSync(path.join(dir, 'secret.txt'), path.join(root, 'assets', 'linked.txt'));
    fs.symlinkSync(dir, path.join(root, 'up'));
    expect(resolveStaticFile(root, '/assets/linked.txt')).toBeNull();
    expect(resolveStaticFile(root, '/up/secret.txt')).toBeNull();
  });
});

describe('browser mode server', () => {
  async function started() {
    const { startWebServer } = await import('../../electron/web');
    const staticDir = path.join(dir, 'renderer');
    fs.mkdirSync(staticDir);
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>NoiVu</title>');
    const web = await startWebServer({ userDataDir: path.join(dir, 'data'), staticDir, version: 'test' });
    const real = web.backend.dispatch;
    const dispatch = vi.fn(real);
    web.backend.dispatch = dispatch;
    return { web, dispatch, port: Number(new URL(web.url).port) };
  }

  function request(port: number, options: { path: string; host?: string; token?: string; method?: string }): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (options.host !== undefined) headers.Host = options.host;
      if (options.token !== undefined) headers['X-Noivu-Token'] = options.token;
      const req = http.request({ host: '127.0.0.1', port, path: options.path, method: options.method ?? 'POST', headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end(options.method === 'GET' ? undefined : '{}');
    });
  }

  it('answers only requests addressed to its own loopback address (DNS rebinding)', async () => {
    const { web, dispatch, port } = await started();
    try {
      for (const host of ['evil.example', `evil.example:${port}`, `localhost:${port}`, `127.0.0.1:${port + 1}`, `127.0.0.1`, `[::1]:${port}`]) {
        expect((await request(port, { path: '/api/getAppInfo', host, token: web.token })).status, host).toBe(421);
        expect((await request(port, { path: '/index.html', host, method: 'GET' })).status, host).toBe(421);
      }
      expect(dispatch).not.toHaveBeenCalled();
      const ok = await request(port, { path: '/api/getAppInfo', host: `127.0.0.1:${port}`, token: web.token });
      expect(ok.status).toBe(200);
      expect(JSON.parse(ok.body)).toMatchObject({ ok: true });
      expect(dispatch).toHaveBeenCalledTimes(1);
    } finally {
      await web.close();
    }
  });

  it('refuses requests without the per-run token, or with a wrong one', async () => {
    const { web, dispatch, port } = await started();
    try {
      const host = `127.0.0.1:${port}`;
      for (const token of [undefined, '', 'x', web.token.slice(1), `${web.token}x`, web.token.toUpperCase() === web.token ? 'A'.repeat(web.token.length) : web.token.toUpperCase()]) {
        const res = await request(port, { path: '/api/getAppInfo', host, token });
        expect(res.status, String(token)).toBe(403);
        expect(JSON.parse(res.body).error.message).toMatch(/Phiên làm việc không hợp lệ/);
      }
      expect(dispatch).not.toHaveBeenCalled();
    } finally {
      await web.close();
    }
  });
});

describe('window state', () => {
  const file = () => path.join(dir, 'window-state.json');
  const remembered = { bounds: { x: 100, y: 50, width: 1400, height: 900 }, maximized: true };
  const DEFAULT = { bounds: { x: 0, y: 0, width: 1280, height: 800 }, maximized: false };

  it('brings the window back where it was', async () => {
    const { loadWindowState } = await import('../../electron/window-state');
    fs.writeFileSync(file(), JSON.stringify(remembered));
    expect(loadWindowState(dir)).toEqual({ file: file(), ...remembered });
    expect(loadWindowState(path.join(dir, 'chua-co'))).toMatchObject(DEFAULT);
  });

  it('falls back to the default size for a damaged or absurd file', async () => {
    const { loadWindowState } = await import('../../electron/window-state');
    const bounds = remembered.bounds;
    for (const content of [
      '{"bounds":',
      'null',
      '[]',
      JSON.stringify({ bounds: { ...bounds, width: 'rộng' }, maximized: false }),
      JSON.stringify({ bounds: { ...bounds, width: null }, maximized: false }),
      JSON.stringify({ bounds: { x: 100, y: 50 }, maximized: false }),
      JSON.stringify({ bounds: { ...bounds, width: 0 }, maximized: false }),
      JSON.stringify({ bounds: { ...bounds, height: -800 }, maximized: false }),
      JSON.stringify({ bounds: { ...bounds, width: 1e9 }, maximized: false }),
      JSON.stringify({ bounds: { ...bounds, x: -1e12 }, maximized: false }),
      JSON.stringify({ bounds: { ...bounds, y: 1.5 }, maximized: false }),
      JSON.stringify({ bounds, maximized: 'có' }),
      '{"bounds":{"x":1e999,"y":0,"width":1400,"height":900},"maximized":false}',
    ]) {
      fs.writeFileSync(file(), content);
      expect(loadWindowState(dir), content).toEqual({ file: file(), ...DEFAULT });
    }
  });

  it('puts a window that would open off every screen back on it', async () => {
    const { loadWindowState } = await import('../../electron/window-state');
    fs.writeFileSync(file(), JSON.stringify({ bounds: { x: 5000, y: 50, width: 1400, height: 900 }, maximized: true }));
    expect(loadWindowState(dir)).toEqual({ file: file(), ...DEFAULT, maximized: true });
  });

  function closingWindow(state: typeof remembered) {
    const listeners = new Map<string, () => void>();
    const win = { getNormalBounds: () => state.bounds, isMaximized: () => state.maximized, on: (name: string, fn: () => void) => listeners.set(name, fn) };
    return { win: win as never, close: () => listeners.get('close')!() };
  }

  it('saves the window’s place when it closes, and reads it back', async () => {
    const { loadWindowState, trackWindowState } = await import('../../electron/window-state');
    const { win, close } = closingWindow(remembered);
    trackWindowState(win, file());
    close();
    expect(loadWindowState(dir)).toEqual({ file: file(), ...remembered });
    expect(fs.readdirSync(dir)).toEqual(['window-state.json']);
  });

  it('keeps the previous file whole when a save fails half way (disk full)', async () => {
    const { trackWindowState } = await import('../../electron/window-state');
    fs.writeFileSync(file(), JSON.stringify(remembered));
    const { win, close } = closingWindow({ bounds: { x: 0, y: 0, width: 1024, height: 640 }, maximized: false });
    trackWindowState(win, file());
    const write = fs.writeSync;
    vi.spyOn(fs, 'writeSync').mockImplementation(((fd: number, data: Uint8Array) => {
      write(fd, data.subarray(0, 10));
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    }) as never);
    // a direct write would fail the same way (Node's writeFileSync does not go through fs.writeSync)
    vi.spyOn(fs, 'writeFileSync').mockImplementation(((target: string, data: string) => {
      fs.writeSync(fs.openSync(target, 'w'), Buffer.from(data));
    }) as never);
    expect(() => close()).not.toThrow();
    vi.restoreAllMocks();
    expect(JSON.parse(fs.readFileSync(file(), 'utf8'))).toEqual(remembered);
    expect(fs.readdirSync(dir)).toEqual(['window-state.json']);
  });
});
