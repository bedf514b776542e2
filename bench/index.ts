// `npm run bench`: measures the work users wait for and prints a table; the figures also go to
// bench/results.json. Figures are reported, never asserted (the machine is shared and noisy).
import fs from 'node:fs';
import os from 'node:os';
import { benchRender } from './render.js';

interface Row {
  name: string;
  runs: number;
  medianMs: number;
  note?: string;
}

const rows: Row[] = [];
for (const r of await benchRender()) rows.push({ name: r.name, runs: r.runs, medianMs: r.medianMs, note: `${(r.bytes / 1024).toFixed(0)} KiB` });

const width = Math.max(...rows.map((r) => r.name.length));
console.log(`NoiVu Desk — benchmark (${os.cpus().length} nhân, Node ${process.version})`);
console.log(`${'Phép đo'.padEnd(width)}  trung vị (ms)  số lần  ghi chú`);
for (const r of rows) console.log(`${r.name.padEnd(width)}  ${String(r.medianMs).padStart(13)}  ${String(r.runs).padStart(6)}  ${r.note ?? ''}`);
fs.writeFileSync('bench/results.json', JSON.stringify({ at: new Date().toISOString(), node: process.version, rows }, null, 2));
