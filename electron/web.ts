/**
 * Browser mode: the same renderer build and the same request handlers, served on 127.0.0.1 with a
 * random per-run token. Used for end-to-end tests here (no Electron binary) and by anyone who wants
 * the app in a browser on their own machine.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SECURITY_HEADERS, contentType, resolveStaticFile } from './static-files';
import { startBackend, type Backend } from './services/backend';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MAX_BODY = 64 * 1024 * 1024;

export interface WebServer {
  url: string;
  token: string;
  backend: Backend;
  close(): Promise<void>;
}

export interface WebOptions {
  userDataDir: string;
  staticDir?: string;
  port?: number;
  version?: string;
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type });
  res.end(body);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sameToken(given: string | undefined, token: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

export async function startWebServer(options: WebOptions): Promise<WebServer> {
  const staticDir = path.resolve(options.staticDir ?? path.join(ROOT, 'dist', 'renderer'));
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    throw new Error(`Chưa có bản dựng giao diện tại ${staticDir}. Hãy chạy "npm run build" trước.`);
  }
  const version = options.version ?? JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
  const backend = startBackend({ userDataDir: options.userDataDir, version, transport: 'web' });
  const token = crypto.randomBytes(24).toString('base64url');
  let host = '';

  const server = http.createServer(async (req, res) => {
    try {
      // DNS rebinding guard: only our own loopback address is a valid Host.
      if (req.headers.host !== host) return send(res, 421, 'Misdirected', 'text/plain; charset=utf-8');
      const url = new URL(req.url ?? '/', `http://${host}`);
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return send(res, 405, 'POST only', 'text/plain; charset=utf-8');
        if (!sameToken(req.headers['x-noivu-token'] as string | undefined, token)) {
          return send(res, 403, JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: 'Phiên làm việc không hợp lệ. Hãy mở lại địa chỉ do NoiVu Desk in ra.' } }), 'application/json');
        }
        let input: unknown;
        try {
          const body = await readBody(req);
          input = body ? JSON.parse(body) : {};
        } catch {
          return send(res, 400, JSON.stringify({ ok: false, error: { code: 'VALIDATION', message: 'Dữ liệu gửi lên không đọc được (không phải JSON hợp lệ hoặc quá lớn).' } }), 'application/json');
        }
        const envelope = await backend.dispatch(decodeURIComponent(url.pathname.slice(5)), input);
        return send(res, 200, JSON.stringify(envelope), 'application/json');
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8');
      const file = resolveStaticFile(staticDir, url.pathname);
      if (!file) return send(res, 404, 'Không tìm thấy', 'text/plain; charset=utf-8');
      return send(res, 200, fs.readFileSync(file), contentType(file));
    } catch (err) {
      console.error(err);
      if (!res.headersSent) send(res, 500, 'Lỗi máy chủ', 'text/plain; charset=utf-8');
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  host = `127.0.0.1:${address.port}`;
  return {
    url: `http://${host}/?token=${token}`,
    token,
    backend,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await backend.close();
    },
  };
}

/** The line browser mode prints when the data did not open: the page shows the recovery screen. */
export function startupWarning(message: string): string {
  return `CHÚ Ý: chưa mở được dữ liệu. ${message}\nHãy mở địa chỉ trên: trang sẽ hiện màn hình khôi phục.`;
}

/** Where browser mode keeps its data unless told otherwise: beside the desktop app's, never the same file. */
export function defaultWebDataDir(): string {
  const base =
    process.platform === 'win32'
      ? (process.env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? path.join(os.homedir(), 'Library', 'Application Support')
        : (process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'));
  return path.join(base, 'NoiVu Desk', 'web');
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const userDataDir = argValue('--data-dir') ?? process.env.NOIVU_DATA_DIR ?? defaultWebDataDir();
  const port = Number(argValue('--port') ?? 0);
  startWebServer({ userDataDir, port }).then(
    (web) => {
      console.log(`NoiVu Desk (chế độ trình duyệt) đang chạy.\nMở địa chỉ này trong trình duyệt: ${web.url}\nDữ liệu: ${web.backend.dataFile}\nNhấn Ctrl+C để dừng.`);
      if (web.backend.problem) console.log(startupWarning(web.backend.problem.message));
      const stop = () => void web.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (err: Error) => {
      console.error(`Không khởi động được NoiVu Desk: ${err.message}`);
      process.exit(1);
    },
  );
}
