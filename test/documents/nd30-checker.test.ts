import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../electron/documents/index.js';
import { baseModel, loadExample, syntheticVariants, taskAppendix } from './fixtures.js';
import { mutateDocx } from './mutate.js';
import { checkNd30 } from './nd30-checker.js';

const EXAMPLES = [
  'chi-thi-04-2024-bac-kan', 'cong-van-ubnd-tp-bac-kan-2023', 'ke-hoach-papi-2022-bac-kan', 'bao-cao-cchc-2023-so-noi-vu',
  'quyet-dinh-thanh-lap-doan-kiem-tra-2025-so-noi-vu', 'quyet-dinh-ban-hanh-ke-hoach-tuyen-truyen-2025-so-noi-vu',
  'to-trinh-ke-hoach-kiem-tra-cchc-2025-so-noi-vu', 'giay-moi-hoi-nghi-chi-so-cchc-2025-so-noi-vu',
];

describe('ND30 checklist (spec §9) on the example documents', () => {
  it.each(EXAMPLES)('%s has no violation', async (name) => {
    expect(await checkNd30(await renderDocument(loadExample(name)))).toEqual([]);
  });
});

describe('ND30 checklist on synthetic models', () => {
  it.each(syntheticVariants())('%s has no violation', async (_name, model) => {
    expect(await checkNd30(await renderDocument(model))).toEqual([]);
  });

  it('a 1,000-row phụ lục renders and passes', async () => {
    const model = { ...baseModel(), body: [...baseModel().body, { type: 'paragraph' as const, text: '(Chi tiết tại Phụ lục kèm theo)' }], appendices: [taskAppendix(1000)] };
    const buffer = await renderDocument(model);
    expect(await checkNd30(buffer)).toEqual([]);
  });
});

describe('the checker fails on broken documents', () => {
  let good: Buffer;
  const broken = async (part: string, edit: (xml: string) => string) => checkNd30(await mutateDocx(good, part, edit));
  const expectViolation = (errors: string[], n: number) => expect(errors.some((e) => e.startsWith(`[${n}]`)), errors.join('\n')).toBe(true);

  it('renders the reference document', async () => {
    good = await renderDocument({ ...loadExample('ke-hoach-papi-2022-bac-kan') });
    expect(await checkNd30(good)).toEqual([]);
  });
  it('[3] wrong left margin', async () => expectViolation(await broken('word/document.xml', (x) => x.replace('w:left="1701"', 'w:left="1500"')), 3));
  it('[1] wrong paper size', async () => expectViolation(await broken('word/document.xml', (x) => x.replace('w:w="11906"', 'w:w="12240"')), 1));
  it('[31] titlePg removed', async () => expectViolation(await broken('word/document.xml', (x) => x.replace('<w:titlePg/>', '')), 31));
  it('[32] phụ lục numbering not restarted', async () => expectViolation(await broken('word/document.xml', (x) => x.replace(/<w:pgNumType w:start="1"\/>/, '<w:pgNumType/>')), 32));
  it('[9] quốc hiệu not bold', async () => expectViolation(await broken('word/document.xml', (x) => x.replace(/<w:b\/><w:bCs\/>(<w:i w:val="false"\/><w:iCs w:val="false"\/><w:sz w:val="26"\/><w:szCs w:val="26"\/><\/w:rPr><w:t xml:space="preserve">CỘNG)/, '$1')), 9));
  it('[10] tiêu ngữ with an en dash', async () => expectViolation(await broken('word/document.xml', (x) => x.replace('Độc lập - Tự do', 'Độc lập – Tự do')), 10));
  it('[8] header table 50/50', async () => expectViolation(await broken('word/document.xml', (x) => x.replace(/w:w="5670"/g, 'w:w="4677"')), 8));
  it('[17] unpadded day', async () => {
    const b = await renderDocument(loadExample('chi-thi-04-2024-bac-kan'));
    expectViolation(await checkNd30(await mutateDocx(b, 'word/document.xml', (x) => x.replace('ngày 05 tháng', 'ngày 5 tháng'))), 17);
  });
  it('[6] coloured run', async () => expectViolation(await broken('word/document.xml', (x) => x.replace('<w:sz w:val="26"/>', '<w:color w:val="FF0000"/><w:sz w:val="26"/>')), 6));
  it('[5] Arial run', async () => expectViolation(await broken('word/document.xml', (x) => x.replace('<w:sz w:val="26"/>', '<w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:sz w:val="26"/>')), 5));
  it('[7] half-point size', async () => expectViolation(await broken('word/document.xml', (x) => x.replace('<w:sz w:val="28"/>', '<w:sz w:val="27"/>')), 7));
  it('[12] tiêu ngữ line too short', async () => expectViolation(await broken('word/document.xml', (x) => x.replace(/w:left="(\d+)" w:right="\1"\/><w:jc w:val="center"\/><\/w:pPr><\/w:p><\/w:tc><\/w:tr>/, 'w:left="2000" w:right="2000"/><w:jc w:val="center"/></w:pPr></w:p></w:tc></w:tr>')), 12));
  it('[20] body not justified', async () => expectViolation(await broken('word/document.xml', (x) => x.replace('<w:jc w:val="both"/>', '<w:jc w:val="left"/>')), 20));
  it('[23] missing ./.', async () => expectViolation(await broken('word/document.xml', (x) => x.replace('giải quyết./.', 'giải quyết.')), 23));
  it('[27] Lưu line without VT', async () => expectViolation(await broken('word/document.xml', (x) => x.replace('- Lưu: VT, ', '- Lưu: ')), 27));
  it('[29] Party-style prefix', async () => expectViolation(await broken('word/document.xml', (x) => x.replace('TM. ỦY BAN', 'T/M ỦY BAN')), 29));
  it('[31] page number in the first-page header', async () => {
    const errors = await checkNd30(await mutateDocx(good, 'word/header2.xml', (x) => x.replace(/<w:p>.*<\/w:p>|<w:p\/>/s, '<w:p><w:r><w:t>1</w:t></w:r></w:p>')));
    expectViolation(errors, 31);
  });
  it('[23] phụ lục content without the closing ./.', async () => {
    expect(await checkNd30(good)).toEqual([]);
    const errors = await broken('word/document.xml', (x) => x.replace(/<w:t( xml:space="preserve")?>\.\/\.<\/w:t>/, '<w:t>.</w:t>'));
    expect(errors.some((e) => e.startsWith('[23]') && e.includes('phụ lục')), errors.join('\n')).toBe(true);
  });
  it('[32] phụ lục pages numbered in roman numerals (page 2 would not show "2")', async () =>
    expectViolation(await broken('word/document.xml', (x) => x.replace(/<w:pgNumType w:start="1"\/>/, '<w:pgNumType w:start="1" w:fmt="upperRoman"/>')), 32));
  it('[33] phụ lục label in capitals', async () => expectViolation(await broken('word/document.xml', (x) => x.replace('>Phụ lục<', '>PHỤ LỤC<')), 33));
  it('[35] decomposed text and Ð', async () => expectViolation(await broken('word/document.xml', (x) => x.replace('Khắc phục', 'Khắc phục'.normalize('NFD')).replace('Phạm Duy Hưng', '\u00D0oàn Hưng')), 35));
  it('[36] spacing in the signature table', async () => expectViolation(await broken('word/document.xml', (x) => x.replace(/(<w:p><w:pPr><w:spacing w:after=")0(" w:before="0" w:line="240"\/><w:jc w:val="left"\/><\/w:pPr><w:r><w:rPr><w:b\/><w:bCs\/><w:i\/>)/, '$1120$2')), 36));
});
