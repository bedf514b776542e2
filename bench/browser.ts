// 4. Browser mode: from startWebServer() to the first screen being usable (the "Cài đặt" link
// visible) in headless Chromium, each run on a fresh data folder and a fresh browser context.
// Run alone with `tsx bench/browser.ts`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { startWebServer, type WebServer } from '../electron/web.js';
import { type BenchOptions, type Row, single, summarize, timed, timeOnce } from './stats.js';

const SECTION = '4. Chế độ trình duyệt';
const ROOT = path.resolve(import.meta.dirname, '..');
const RENDERER = path.join(ROOT, 'dist', 'renderer');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function bundleKiB(dir: string): number {
  const assets = path.join(dir, 'assets');
  return fs.readdirSync(assets).filter((f) => f.endsWith('.js')).reduce((s, f) => s + fs.statSync(path.join(assets, f)).size, 0) / 1024;
}

/** Every file index.html refers to (scripts, styles, icon) exists in `dir`. */
function complete(dir: string): boolean {
  const index = path.join(dir, 'index.html');
  if (!fs.existsSync(index)) return false;
  const refs = [...fs.readFileSync(index, 'utf8').matchAll(/(?:src|href)="\.?\/?([^"]+)"/g)].map((m) => m[1]!).filter((r) => !r.includes(':'));
  return refs.every((r) => fs.existsSync(path.join(dir, r)));
}

/**
 * A private copy of the renderer build: other work (tests) may rebuild dist/renderer, which Vite
 * empties first, while the bench runs. Waits for a complete build, building it only if none comes.
 */
async function snapshotRenderer(rows: Row[]): Promise<string> {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'noivu-bench-renderer-'));
  for (let attempt = 0; attempt < 60; attempt++) {
    if (attempt === 20 && !complete(RENDERER)) {
      const { ms } = await timeOnce(() => execFileSync(process.execPath, ['scripts/build.mjs', '--renderer'], { cwd: ROOT, stdio: 'inherit' }));
      rows.push(single(SECTION, 'Dựng giao diện (thiếu dist/renderer)', ms, 'chỉ chạy một lần, không tính vào phép đo'));
    }
    if (complete(RENDERER)) {
      fs.rmSync(copy, { recursive: true, force: true });
      try {
        fs.cpSync(RENDERER, copy, { recursive: true });
        if (complete(copy)) return copy;
      } catch {
        /* the build changed under us: try again */
      }
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('không có bản dựng giao diện hoàn chỉnh trong dist/renderer');
}

export async function benchBrowser(opts: BenchOptions): Promise<Row[]> {
  const rows: Row[] = [];
  const staticDir = await snapshotRenderer(rows);
  const jsKiB = bundleKiB(staticDir);
  const launch = await timeOnce(() =>
    chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--no-first-run'] }),
  );
  const browser = launch.result;
  rows.push(single(SECTION, 'Khởi động Chromium headless (một lần)', launch.ms, 'không tính vào các dòng dưới'));
  const server: number[] = [];
  const domReady: number[] = [];
  const usable: number[] = [];
  const problems: string[] = [];
  try {
    const runs = opts.quick ? 3 : 5;
    for (let i = 0; i < runs; i++) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'noivu-bench-web-'));
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
      const page = await context.newPage();
      page.on('pageerror', (err) => problems.push(err.message));
      let web: WebServer | undefined;
      try {
        const t0 = performance.now();
        web = await startWebServer({ userDataDir: dataDir, staticDir });
        server.push(performance.now() - t0);
        await page.goto(web.url, { waitUntil: 'domcontentloaded' });
        domReady.push(performance.now() - t0);
        await page.getByRole('link', { name: 'Cài đặt', exact: true }).waitFor({ state: 'visible', timeout: 30_000 });
        usable.push(performance.now() - t0);
      } finally {
        await context.close();
        await web?.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    }
  } finally {
    await browser.close();
    fs.rmSync(staticDir, { recursive: true, force: true });
  }
  const note = problems.length ? `lỗi trong trang: ${problems.slice(0, 2).join(' | ')}` : `JS giao diện ${jsKiB.toFixed(0)} KiB (chưa nén)`;
  rows.push(
    timed(SECTION, 'Khởi động đến màn hình dùng được ("Cài đặt" hiện)', summarize(usable), note),
    timed(SECTION, '  ↳ startWebServer (tạo CSDL mới + migration)', summarize(server), 'thư mục dữ liệu mới mỗi lần'),
    timed(SECTION, '  ↳ đến DOMContentLoaded', summarize(domReady), 'tính từ lúc gọi startWebServer'),
  );
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { printTable } = await import('./table.js');
  printTable(await benchBrowser({ quick: process.argv.includes('--quick') }));
}
