// `npm run bench` (or `npm run bench -- --quick`, `-- --only=render,cong-van,db,browser`): measures
// the work users wait for, prints median and spread per measurement and writes bench/results.json.
// Figures are reported, never asserted (the machine is shared and noisy).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchBrowser } from './browser.js';
import { benchCongVan } from './cong-van.js';
import { benchDatabase } from './database.js';
import { benchRender } from './render.js';
import { benchReports } from './reports.js';
import { type BenchOptions, missing, type Row } from './stats.js';
import { printTable } from './table.js';

const SUITES: Record<string, (o: BenchOptions) => Promise<Row[]>> = {
  render: benchRender,
  'cong-van': benchCongVan,
  db: benchDatabase,
  browser: benchBrowser,
  reports: benchReports,
};

const opts: BenchOptions = { quick: process.argv.includes('--quick') };
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const chosen = Object.keys(SUITES).filter((k) => !only || only.includes(k));

const loadBefore = os.loadavg()[0]!;
const started = performance.now();
const rows: Row[] = [];
for (const name of chosen) {
  process.stderr.write(`… đang đo: ${name}\n`);
  const t = performance.now();
  try {
    rows.push(...(await SUITES[name]!(opts)));
  } catch (err) {
    // One suite failing (e.g. no Chromium) must not lose the others' figures.
    rows.push(missing(name, `lỗi khi đo "${name}"`, (err as Error).message.split('\n')[0]!.slice(0, 160)));
  }
  process.stderr.write(`  xong sau ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
}
const totalS = (performance.now() - started) / 1000;
const loadAfter = os.loadavg()[0]!;
let commit = '';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
} catch {
  /* not a git checkout */
}

const cpu = os.cpus()[0]?.model.trim() ?? '?';
printTable(rows, `NoiVu Desk — benchmark${opts.quick ? ' (--quick)' : ''}: ${os.cpus().length} nhân (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
console.log(`Tổng thời gian chạy: ${totalS.toFixed(0)} s; tải hệ thống (loadavg 1 phút) lúc đầu ${loadBefore.toFixed(1)}, lúc cuối ${loadAfter.toFixed(1)} trên ${os.cpus().length} nhân.`);
console.log('Số liệu chỉ để theo dõi, không có ngưỡng đạt/không đạt; tải > số nhân nghĩa là các tiến trình khác đang tranh CPU và số đo bị kéo dài.');

const out = path.resolve(import.meta.dirname, 'results.json');
fs.writeFileSync(
  out,
  `${JSON.stringify({ at: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpu, commit, quick: opts.quick, suites: chosen, loadavg: { before: loadBefore, after: loadAfter }, totalSeconds: Math.round(totalS), rows }, null, 2)}\n`,
);
console.log(`Đã ghi ${path.relative(process.cwd(), out)}.`);
