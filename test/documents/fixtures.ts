// Example and synthetic document models for the acceptance tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DocumentModelInput } from '../../shared/document/model.js';

export const EXAMPLES_DIR = path.resolve(import.meta.dirname, '../../examples/documents');
/** The reference folder lies beside the repository (../shared), read-only. */
export const REFERENCE_DIR = path.resolve(import.meta.dirname, '../../../shared/examples');

export function loadExample(name: string): DocumentModelInput {
  return JSON.parse(readFileSync(path.join(EXAMPLES_DIR, `${name}.json`), 'utf8')) as DocumentModelInput;
}

export function baseModel(): DocumentModelInput {
  return {
    kind: 'ke-hoach',
    issuer: { parent: 'UBND TỈNH BẮC KẠN', name: ['SỞ NỘI VỤ'], abbreviation: 'SNV', fullName: 'Sở Nội vụ tỉnh Bắc Kạn' },
    number: 12,
    place: 'Bắc Kạn',
    date: { day: 5, month: 3, year: 2024 },
    subject: 'Tổ chức thực hiện công tác cải cách hành chính năm 2024',
    body: [
      { type: 'heading', level: 1, number: 'I', text: 'Mục đích, yêu cầu' },
      { type: 'paragraph', text: 'Nâng cao hiệu quả công tác cải cách hành chính trên địa bàn tỉnh.' },
      { type: 'item', marker: '-', text: 'Bảo đảm tiến độ;' },
      { type: 'item', marker: '+', text: 'Bảo đảm chất lượng.' },
      { type: 'paragraph', text: [{ text: '1. Sở Tư pháp: ', bold: true }, { text: 'chủ trì thực hiện' }] },
      { type: 'paragraph', text: 'Tổ chức thực hiện nghiêm túc Kế hoạch này' },
    ],
    distribution: { items: ['UBND tỉnh (b/c)', 'Các phòng thuộc Sở'], archive: 'VT, CCHC' },
    signature: { authority: ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], name: 'Nguyễn Văn An' },
  };
}

/** A phụ lục task table with `rows` rows, grouped by lead agency then component, with merges. */
export function taskAppendix(rows: number) {
  const groups = [];
  let made = 0;
  for (let g = 1; made < rows; g++) {
    const sub = [];
    for (let s = 1; s <= 3 && made < rows; s++) {
      const r: Array<Array<string | null>> = [];
      for (let k = 1; k <= 10 && made < rows; k++, made++)
        r.push([k === 1 ? `${s}.1` : null, k === 1 ? `Nội dung thành phần ${s}` : null, `Nhiệm vụ số ${made + 1}: tăng cường kiểm tra, đôn đốc thực hiện`, k % 3 === 1 ? 'UBND cấp huyện' : null, k === 1 ? 'Thường xuyên' : null]);
      sub.push({ index: String(s), title: `Chỉ số thành phần ${s}`, rows: r });
    }
    groups.push({ index: romanish(g), title: `CƠ QUAN CHỦ TRÌ SỐ ${g}`, groups: sub });
  }
  return {
    title: 'Danh mục nhiệm vụ cụ thể',
    table: {
      columns: [
        { header: 'TT', width: 6 }, { header: 'Chỉ số thành phần', width: 17 }, { header: 'Nhiệm vụ, giải pháp', width: 47 },
        { header: 'Cơ quan phối hợp', width: 18 }, { header: 'Thời gian thực hiện', width: 12, align: 'center' as const },
      ],
      groups,
    },
  };
}

function romanish(n: number): string {
  const map: Array<[number, string]> = [[50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of map) while (n >= v) { out += s; n -= v; }
  return out;
}

type Variant = [name: string, model: DocumentModelInput];

/** Models with and without each optional part. */
export function syntheticVariants(): Variant[] {
  const b = baseModel;
  const withAppendix = (m: DocumentModelInput, rows: number): DocumentModelInput => ({
    ...m,
    body: [...m.body, { type: 'paragraph', text: '(Chi tiết tại Phụ lục kèm theo)' }],
    appendices: [taskAppendix(rows)],
  });
  return [
    ['minimal named kind', b()],
    ['no chủ quản', { ...b(), issuer: { name: ['ỦY BAN NHÂN DÂN', 'TỈNH BẮC KẠN'], abbreviation: 'UBND' } }],
    ['3-line issuer', { ...b(), issuer: { parent: 'BỘ NỘI VỤ', name: ['BAN THI ĐUA - KHEN THƯỞNG', 'TRUNG ƯƠNG', 'VĂN PHÒNG'], abbreviation: 'BTĐKT' } }],
    ['one Kính gửi', { ...b(), kind: 'bao-cao', recipients: ['Ủy ban nhân dân tỉnh Bắc Kạn'], distribution: { items: ['Như trên', 'Lãnh đạo Sở'], archive: 'VT, CCHC' } }],
    ['multi Kính gửi công văn', { ...b(), kind: 'cong-van', unit: 'CCHC', subject: 'đôn đốc báo cáo kết quả cải cách hành chính quý I năm 2024', recipients: ['Các sở, ban, ngành', 'UBND các huyện, thành phố', 'UBND các xã, phường, thị trấn'], distribution: { items: ['Như trên', 'Lãnh đạo Sở'], archive: 'VT, CCHC' } }],
    ['draft mode', { ...b(), number: null, date: { year: 2024 } }],
    ['draft month only', { ...b(), number: undefined, date: { month: 2, year: 2024 } }],
    ['urgency mark', { ...b(), kind: 'thong-bao', urgency: 'THƯỢNG KHẨN' }],
    ['công văn with urgency', { ...b(), kind: 'cong-van', unit: 'NV', urgency: 'HỎA TỐC', subject: 'triển khai gấp' }],
    ['chỉ thị signed in person', { ...b(), kind: 'chi-thi', signature: { authority: ['GIÁM ĐỐC'], name: 'Trần Thị Bình' } }],
    ['căn cứ lines', { ...b(), bases: ['Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ;', 'Căn cứ Quyết định số 12/QĐ-UBND.'] }],
    ['40-item Nơi nhận', { ...b(), distribution: { electronic: true, items: Array.from({ length: 40 }, (_, i) => `Đơn vị nhận số ${i + 1}`), archive: 'VT, CCHC, NVA(10)' } }],
    ['small phụ lục', withAppendix(b(), 25)],
    ['two phụ lục', { ...withAppendix(b(), 12), appendices: [taskAppendix(12), { ...taskAppendix(6), title: 'Phụ lục thứ hai' }] }],
    ['body table', { ...b(), body: [...b().body.slice(0, -1), { type: 'table', columns: [{ header: 'Nội dung', width: 3 }, { header: 'Kết quả', width: 1 }], rows: [['Hồ sơ đúng hạn', '98%'], ['Trực tuyến', '47%']] }, { type: 'paragraph', text: 'Đề nghị các đơn vị thực hiện.' }] }],
    ['hostile text', hostile()],
  ];
}

/** NBSP, control characters, decomposed Unicode, U+00D0 and zero-width characters everywhere. */
export function hostile(): DocumentModelInput {
  const m = baseModel();
  const decomposed = 'Nâng cao hiệu quả'.normalize('NFD');
  return {
    ...m,
    issuer: { parent: 'UBND\u00A0TỈNH BẮC KẠN', name: ['SỞ\u0007 NỘI VỤ\u200B'], abbreviation: 'SNV' },
    place: 'Bắc\u00A0Kạn',
    subject: `${decomposed}\u00A0công tác \u00D0ổi mới\u0001 \uFEFFhành chính`,
    body: [
      { type: 'paragraph', text: `${decomposed}\u000B công\u00AD tác\u2003cải cách \u00D0ảng ủy\uFFFF` },
      { type: 'paragraph', text: [{ text: '\u00D0iều 1.\u00A0', bold: true }, { text: `thực hiện ${'\uD800'}nghiêm túc` }] },
    ],
    distribution: { items: ['UBND\u00A0tỉnh', '\u00D0oàn thể\u0008'], archive: 'VT,\u00A0CCHC' },
    signature: { authority: ['KT.\u00A0GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'], name: 'Nguyễn\u00A0Văn \u00D0ức'.normalize('NFD') },
  };
}
