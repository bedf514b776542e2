// Render-time benchmark: `tsx bench/render.ts`. Median of several runs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderDocument } from '../electron/documents/index.js';
import { baseModel, taskAppendix } from '../test/documents/fixtures.js';

export interface RenderBench { name: string; runs: number; medianMs: number; bytes: number }

async function measure(name: string, model: unknown, runs: number): Promise<RenderBench> {
  await renderDocument(model); // warm-up
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    bytes = (await renderDocument(model)).length;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { name, runs, medianMs: Math.round(times[Math.floor(runs / 2)]! * 10) / 10, bytes };
}

export async function benchRender(runs = 7): Promise<RenderBench[]> {
  const keHoach = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../examples/documents/ke-hoach-papi-2022-bac-kan.json'), 'utf8'));
  const big = { ...baseModel(), body: [...baseModel().body, { type: 'paragraph', text: '(Chi tiết tại Phụ lục kèm theo)' }], appendices: [taskAppendix(1000)] };
  return [await measure('Kế hoạch PAPI 2022 (example)', keHoach, runs), await measure('Phụ lục 1.000 dòng (synthetic)', big, Math.max(3, Math.floor(runs / 2)))];
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  for (const r of await benchRender()) console.log(`${r.name}: median ${r.medianMs} ms over ${r.runs} runs, ${(r.bytes / 1024).toFixed(0)} KiB`);
}
