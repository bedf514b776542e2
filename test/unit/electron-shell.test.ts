import { beforeEach, describe, expect, it, vi } from 'vitest';
import { REQUEST_NAMES, ipcChannel } from '../../shared/request-names';

// The Electron binary cannot run here; these tests drive the shell's modules against a stand-in
// of the electron API and check what they hand to it.
const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(async (...args: unknown[]) => ({ ok: true, data: args })),
  handlers: new Map<string, (event: unknown, input: unknown) => unknown>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => electron.exposed.set(key, value) },
  ipcRenderer: { invoke: electron.invoke },
  ipcMain: { handle: (channel: string, fn: (event: unknown, input: unknown) => unknown) => electron.handlers.set(channel, fn) },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));

describe('preload', () => {
  it('exposes one function per request of the contract and nothing else', async () => {
    await import('../../electron/preload');
    const bridge = electron.exposed.get('noivu') as Record<string, (input: unknown) => Promise<unknown>>;
    expect([...electron.exposed.keys()]).toEqual(['noivu']);
    expect(Object.keys(bridge).sort()).toEqual([...REQUEST_NAMES].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
    await bridge.saveIssuer!({ a: 1 });
    expect(electron.invoke).toHaveBeenCalledWith(ipcChannel('saveIssuer'), { a: 1 });
  });
});

describe('IPC binding', () => {
  beforeEach(() => electron.handlers.clear());

  it('answers only our own top frame', async () => {
    const { registerIpc } = await import('../../electron/ipc');
    const { isTrustedFrame } = await import('../../electron/security');
    const dispatch = vi.fn(async () => ({ ok: true as const, data: 'fine' }));
    registerIpc(dispatch, isTrustedFrame);
    expect([...electron.handlers.keys()].sort()).toEqual(REQUEST_NAMES.map(ipcChannel).sort());
    const handler = electron.handlers.get(ipcChannel('getAppInfo'))!;

    const ours = { senderFrame: { url: 'app://noivu/index.html#/cai-dat', parent: null } };
    expect(await handler(ours, {})).toEqual({ ok: true, data: 'fine' });

    for (const frame of [
      { url: 'https://evil.example/', parent: null },
      { url: 'app://evil/index.html', parent: null },
      { url: 'not a url', parent: null },
      { url: 'app://noivu/index.html', parent: { url: 'app://noivu/' } },
      { url: 'file:///C:/x.html', parent: null },
      null,
    ]) {
      expect(await handler({ senderFrame: frame }, {})).toMatchObject({ ok: false, error: { message: expect.stringContaining('không tin cậy') } });
    }
    expect(dispatch).toHaveBeenCalledTimes(1);
  });
});

describe('window hardening', () => {
  it('uses isolated, sandboxed renderers without Node', async () => {
    const { SECURE_WEB_PREFERENCES } = await import('../../electron/security');
    expect(SECURE_WEB_PREFERENCES).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  });

  it('refuses navigation away from the app and every new window', async () => {
    const { hardenWindow } = await import('../../electron/security');
    const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
    let openHandler: (() => { action: string }) | undefined;
    const win = {
      webContents: {
        on: (name: string, fn: (event: { preventDefault(): void }, url?: string) => void) => listeners.set(name, fn),
        setWindowOpenHandler: (fn: () => { action: string }) => (openHandler = fn),
      },
    };
    hardenWindow(win as never);
    const navigate = (url: string) => {
      const event = { preventDefault: vi.fn() };
      listeners.get('will-navigate')!(event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('https://example.com/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('app://noivu/index.html')).toBe(false);
    expect(openHandler!()).toEqual({ action: 'deny' });
  });

  it('has a Content-Security-Policy that allows nothing remote', async () => {
    const { CONTENT_SECURITY_POLICY } = await import('../../electron/static-files');
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|unsafe-eval/);
  });
});
