// 2. A batch of 150 công văn đôn đốc báo cáo (one Kính gửi each), built as models directly: the
// Công văn screen does not exist yet, so this measures the engine alone. `tsx bench/cong-van.ts`.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderDocument } from '../electron/documents/index.js';
import type { DocumentModelInput } from '../shared/document/model.js';
import { type BenchOptions, type Row, summarize, timed, value } from './stats.js';

const SECTION = '2. Công văn hàng loạt';
const KINDS = ['Sở', 'Ủy ban nhân dân huyện', 'Ủy ban nhân dân xã', 'Ban Quản lý', 'Trung tâm'];
const NAMES = ['Nội vụ', 'Tư pháp', 'Tài chính', 'Y tế', 'Giáo dục và Đào tạo', 'Chợ Đồn', 'Ba Bể', 'Ngân Sơn', 'Bạch Thông', 'Na Rì', 'Đồng Hỷ', 'Phủ Thông'];

export function congVanModel(i: number): DocumentModelInput {
  const agency = `${KINDS[i % KINDS.length]} ${NAMES[i % NAMES.length]} (${i + 1})`;
  return {
    kind: 'cong-van',
    issuer: { parent: 'UBND TỈNH BẮC KẠN', name: ['SỞ NỘI VỤ'], abbreviation: 'SNV', fullName: 'Sở Nội vụ tỉnh Bắc Kạn' },
    unit: 'CCHC',
    number: 400 + i,
    place: 'Bắc Kạn',
    date: { day: 12, month: 9, year: 2024 },
    subject: 'đôn đốc báo cáo kết quả thực hiện công tác cải cách hành chính quý III năm 2024',
    recipients: [agency],
    body: [
      {
        type: 'paragraph',
        text: 'Thực hiện Kế hoạch số 12/KH-UBND ngày 05 tháng 01 năm 2024 của Ủy ban nhân dân tỉnh về cải cách hành chính năm 2024, đến nay Sở Nội vụ chưa nhận được báo cáo kết quả thực hiện quý III năm 2024 của cơ quan, đơn vị.',
      },
      {
        type: 'paragraph',
        text: `Sở Nội vụ đề nghị ${agency} khẩn trương hoàn thành báo cáo, gửi về Sở Nội vụ (qua Phòng Cải cách hành chính) trước ngày 20 tháng 9 năm 2024 để tổng hợp, báo cáo Ủy ban nhân dân tỉnh theo quy định.`,
      },
      { type: 'paragraph', text: 'Trân trọng./.' },
    ],
    distribution: { items: ['Như trên', 'Giám đốc Sở (b/c)', 'Lưu hồ sơ theo dõi'], archive: 'VT, CCHC' },
    signature: { authority: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], name: 'Nguyễn Văn An' },
  };
}

export async function benchCongVan(opts: BenchOptions, count = 150): Promise<Row[]> {
  const batches = opts.quick ? 2 : 3;
  const models = Array.from({ length: count }, (_, i) => congVanModel(i));
  await renderDocument(models[0]); // warm-up
  const totals: number[] = [];
  const perDoc: number[] = [];
  let bytes = 0;
  for (let b = 0; b < batches; b++) {
    bytes = 0;
    const start = performance.now();
    for (const m of models) {
      const t = performance.now();
      bytes += (await renderDocument(m)).length;
      perDoc.push(performance.now() - t);
    }
    totals.push(performance.now() - start);
  }
  return [
    timed(SECTION, `${count} công văn đôn đốc — cả lô`, summarize(totals), `${(bytes / 1024 / 1024).toFixed(1)} MiB tổng, tuần tự trong một tiến trình`),
    timed(SECTION, '  mỗi công văn', summarize(perDoc), `${count} × ${batches} lô`),
    value(SECTION, '  công văn mỗi giây', '', (count * 1000) / summarize(totals).median, 'theo trung vị cả lô'),
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { printTable } = await import('./table.js');
  printTable(await benchCongVan({ quick: process.argv.includes('--quick') }));
}
