// 1. Rendering to .docx: the Kế hoạch example, synthetic plans with 300 and 1,000 Phụ lục rows, and
// the same rows through docxtemplater for comparison. Run alone with `tsx bench/render.ts`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Packer } from 'docx';
import { buildDocument, parseDocumentModel, renderDocument } from '../electron/documents/index.js';
import type { DocumentModelInput } from '../shared/document/model.js';
import { baseModel, taskAppendix } from '../test/documents/fixtures.js';
import { type BenchOptions, type Row, timed, timeRuns, value } from './stats.js';
import { buildTemplate, countTableRows, flattenAppendix, renderWithTemplater } from './templater.js';

const SECTION = '1. Xuất .docx';
const kib = (b: Buffer) => `${(b.length / 1024).toFixed(0)} KiB`;

export function syntheticPlan(rows: number): DocumentModelInput {
  const base = baseModel();
  return { ...base, body: [...base.body, { type: 'paragraph', text: '(Chi tiết tại Phụ lục kèm theo)' }], appendices: [taskAppendix(rows)] };
}

/** Where the time of our renderer goes for one model: validation, building the docx tree, packing. */
async function breakdown(model: DocumentModelInput, runs: number, label: string): Promise<Row[]> {
  const parse = await timeRuns(runs, () => {
    const p = parseDocumentModel(model);
    if (!p.ok) throw new Error('bad model');
    return p.model;
  });
  const build = await timeRuns(runs, () => buildDocument(parse.last));
  const pack = await timeRuns(runs, () => Packer.toBuffer(buildDocument(parse.last)));
  return [
    timed(SECTION, `  ↳ ${label}: kiểm tra mô hình (zod)`, parse.stats),
    timed(SECTION, `  ↳ ${label}: dựng cây docx`, build.stats),
    timed(SECTION, `  ↳ ${label}: dựng + đóng gói (Packer)`, pack.stats, 'đóng gói = hiệu của hai dòng trên'),
  ];
}

export async function benchRender(opts: BenchOptions): Promise<Row[]> {
  const runs = opts.quick ? 3 : 7;
  const bigRuns = opts.quick ? 3 : 5;
  const rows: Row[] = [];

  const keHoach = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../examples/documents/ke-hoach-papi-2022-bac-kan.json'), 'utf8'));
  const ex = await timeRuns(runs, () => renderDocument(keHoach));
  rows.push(timed(SECTION, 'Kế hoạch PAPI 2022 (ví dụ mẫu)', ex.stats, `${kib(ex.last)}, ${countTableRows(ex.last)} dòng bảng`));

  const template = buildTemplate();
  for (const n of [300, 1000]) {
    const model = syntheticPlan(n);
    const ours = await timeRuns(n >= 1000 ? bigRuns : runs, () => renderDocument(model));
    const flat = flattenAppendix(taskAppendix(n));
    const theirs = await timeRuns(runs, () => renderWithTemplater(template, 'DANH MỤC NHIỆM VỤ CỤ THỂ', flat));
    const label = n.toLocaleString('vi-VN');
    rows.push(
      timed(SECTION, `Kế hoạch + Phụ lục ${label} dòng — NoiVu`, ours.stats, `${kib(ours.last)}, ${countTableRows(ours.last)} w:tr; đủ ND30: tiêu đề, chữ ký, nơi nhận, số trang, nhóm + gộp ô`),
      timed(SECTION, `Cùng bảng ${label} dòng — docxtemplater`, theirs.stats, `${kib(theirs.last)}, ${countTableRows(theirs.last)} w:tr; chỉ tiêu đề + bảng ngang, không gộp ô`),
      value(SECTION, `  tỉ lệ NoiVu / docxtemplater (${label} dòng)`, '×', ours.stats.median / theirs.stats.median, 'theo trung vị'),
    );
    if (n === 1000) rows.push(...(await breakdown(model, bigRuns, `${label} dòng`)));
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { printTable } = await import('./table.js');
  printTable(await benchRender({ quick: process.argv.includes('--quick') }));
}
