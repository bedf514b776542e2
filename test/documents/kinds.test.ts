// Quyết định, Tờ trình, Giấy mời: what the model refuses, what the engine prints, and that the
// checker catches each of their format faults.
import { describe, expect, it } from 'vitest';
import { renderDocument } from '../../electron/documents/index.js';
import { parseDocumentModel, type DocumentModelInput } from '../../shared/document/model.js';
import { distributionLines, lineLabel } from '../../shared/recipients.js';
import { readDocx, type Para } from './docx-xml.js';
import { loadExample } from './fixtures.js';
import { mutateDocx } from './mutate.js';
import { checkNd30 } from './nd30-checker.js';

const QD = 'quyet-dinh-thanh-lap-doan-kiem-tra-2025-so-noi-vu';
const QD_ISSUING = 'quyet-dinh-ban-hanh-ke-hoach-tuyen-truyen-2025-so-noi-vu';
const TTR = 'to-trinh-ke-hoach-kiem-tra-cchc-2025-so-noi-vu';
const GM = 'giay-moi-hoi-nghi-chi-so-cchc-2025-so-noi-vu';

const errorsOf = (m: unknown) => {
  const r = parseDocumentModel(m);
  return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
};
const paragraphs = async (buffer: Buffer) => (await readDocx(buffer)).sections.map((s) => s.blocks.filter((b): b is Para => b.kind === 'p'));
const expectViolation = (errors: string[], n: number) => expect(errors.some((e) => e.startsWith(`[${n}]`)), errors.join('\n')).toBe(true);

describe('the model of the new kinds', () => {
  it('accepts every example', () => {
    for (const name of [QD, QD_ISSUING, TTR, GM]) expect(errorsOf(loadExample(name)), name).toEqual([]);
  });

  it('a Quyết định needs its authority, articles from Điều 1 and "Như Điều n" naming an existing article', () => {
    const qd = loadExample(QD) as DocumentModelInput & Record<string, unknown>;
    expect(errorsOf({ ...qd, decidingAuthority: undefined }).join('\n')).toMatch(/^decidingAuthority: Thẩm quyền ban hành/m);
    const gap = qd.body.map((b) => (b.type === 'paragraph' && typeof b.text === 'string' ? { ...b, text: b.text.replace(/^Điều 2\./, 'Điều 4.') } : b));
    expect(errorsOf({ ...qd, body: gap }).join('\n')).toMatch(/Điều 1, Điều 4, Điều 3/);
    expect(errorsOf({ ...qd, body: [{ type: 'paragraph', text: 'Thành lập Đoàn kiểm tra.' }] }).join('\n')).toMatch(/cần ít nhất "Điều 1\."/);
    expect(errorsOf({ ...qd, distribution: { ...qd.distribution, items: ['Như Điều 5', 'Giám đốc Sở'] } }).join('\n')).toMatch(/không có Điều 5/);
    expect(errorsOf({ ...qd, distribution: { ...qd.distribution, items: ['Giám đốc Sở'] } }).join('\n')).toMatch(/bắt đầu bằng "Như Điều n"/);
    expect(errorsOf({ ...qd, recipients: ['UBND tỉnh'] }).join('\n')).toMatch(/^recipients: Kính gửi: quyết định không có/m);
  });

  it('a Tờ trình needs Kính gửi; a Giấy mời needs time and place; their fields belong to their kind', () => {
    const tt = loadExample(TTR) as DocumentModelInput & Record<string, unknown>;
    expect(errorsOf({ ...tt, recipients: undefined, distribution: { ...tt.distribution, items: ['Giám đốc Sở'] } }).join('\n')).toMatch(/^recipients: Kính gửi: tờ trình cần/m);
    const gm = loadExample(GM) as DocumentModelInput & Record<string, unknown>;
    expect(errorsOf({ ...gm, meeting: undefined }).join('\n')).toMatch(/^meeting: Cuộc họp: giấy mời cần/m);
    expect(errorsOf({ ...gm, meeting: { ...(gm.meeting as object), place: ' ' } }).join('\n')).toMatch(/^meeting\.place: Địa điểm: không được để trống/m);
    expect(errorsOf({ ...tt, meeting: gm.meeting }).join('\n')).toMatch(/^meeting: Cuộc họp: chỉ dùng cho giấy mời/m);
    expect(errorsOf({ ...tt, decidingAuthority: 'GIÁM ĐỐC SỞ NỘI VỤ' }).join('\n')).toMatch(/chỉ dùng cho quyết định/);
    const qdi = loadExample(QD_ISSUING) as DocumentModelInput & Record<string, unknown>;
    expect(errorsOf({ ...tt, attachment: qdi.attachment }).join('\n')).toMatch(/^attachment: .*chỉ quyết định/m);
  });

  it('Ô 12 takes an upper-case typist code and a count', () => {
    const tt = loadExample(TTR) as DocumentModelInput;
    expect(errorsOf({ ...tt, distribution: { ...tt.distribution, copies: { code: 'hn', count: 5 } } }).join('\n')).toMatch(/Ký hiệu người đánh máy: chữ in hoa/);
    expect(errorsOf({ ...tt, distribution: { ...tt.distribution, copies: { code: 'HN', count: 0 } } }).join('\n')).toMatch(/Số lượng bản phát hành: không được nhỏ hơn 1/);
  });
});

describe('the Nơi nhận block', () => {
  it('prints Ô 12 at the end of the Lưu line, and a free note in brackets', () => {
    expect(distributionLines({ items: ['Như trên'], archive: 'VT, CCHC', copies: { code: 'PL', count: 300 } }).at(-1)).toBe('- Lưu: VT, CCHC, PL.(300).');
    expect(distributionLines({ items: ['Như trên'], archive: 'VT, CCHC' }).at(-1)).toBe('- Lưu: VT, CCHC.');
    expect(lineLabel('UBND tỉnh', 'để b/c')).toBe('UBND tỉnh (để b/c)');
    expect(lineLabel('UBND tỉnh', '(b/c)')).toBe('UBND tỉnh (b/c)');
    expect(lineLabel('UBND tỉnh', '')).toBe('UBND tỉnh');
  });
});

describe('what the engine prints', () => {
  it('a Quyết định: authority, căn cứ, "QUYẾT ĐỊNH:", bold article labels, "- Như Điều 3;"', async () => {
    const [main] = await paragraphs(await renderDocument(loadExample(QD)));
    const texts = main!.map((p) => p.text);
    const at = (t: string) => texts.findIndex((x) => x.startsWith(t));
    expect(at('GIÁM ĐỐC SỞ NỘI VỤ TỈNH BẮC KẠN')).toBeGreaterThan(at('Về việc thành lập'));
    expect(at('Theo đề nghị của Trưởng phòng Cải cách hành chính.')).toBeGreaterThan(at('Căn cứ Kế hoạch số 25'));
    expect(at('QUYẾT ĐỊNH:')).toBeGreaterThan(at('Theo đề nghị'));
    const dieu2 = main!.find((p) => p.text.startsWith('Điều 2.'))!;
    expect(dieu2.runs[0]).toMatchObject({ text: 'Điều 2.', props: { b: true } });
    expect(dieu2.runs.slice(1).every((r) => !r.props.b)).toBe(true);
    const doc = await readDocx(await renderDocument(loadExample(QD)));
    expect(doc.document.textContent).toContain('- Như Điều 3;');
  });

  it('a Quyết định that issues a Kế hoạch prints it after, in its own section', async () => {
    const sections = await paragraphs(await renderDocument(loadExample(QD_ISSUING)));
    expect(sections).toHaveLength(2);
    const attached = sections[1]!.map((p) => p.text);
    expect(attached).toContain('KẾ HOẠCH');
    expect(attached).toContain('(Ban hành kèm theo Quyết định số 09/QĐ-SNV ngày 10 tháng 02 năm 2025 của Sở Nội vụ tỉnh Bắc Kạn)');
    expect(attached.filter((t) => t.trim()).at(-1)).toMatch(/\.\/\.$/);
  });

  it('a Giấy mời: time, place, chair and participants before the content; the address at the foot of page 1', async () => {
    const buffer = await renderDocument(loadExample(GM));
    const texts = (await paragraphs(buffer))[0]!.map((p) => p.text);
    const at = (t: string) => texts.findIndex((x) => x.startsWith(t));
    expect(at('Sở Nội vụ trân trọng kính mời')).toBeLessThan(at('Thời gian: 08 giờ 00 phút'));
    expect(at('Địa điểm: Hội trường tầng 3')).toBeLessThan(at('Thành phần:'));
    expect(at('- Lãnh đạo Ủy ban nhân dân các huyện')).toBeLessThan(at('Đề nghị đại biểu nghiên cứu'));
    const footerXml = [...(await readDocx(buffer)).parts].find(([name, root]) => name.startsWith('word/footer') && (root.textContent ?? '').includes('Địa chỉ'));
    expect(footerXml?.[1].textContent).toContain('Địa chỉ: Tổ 1, phường Đức Xuân, thành phố Bắc Kạn; Điện thoại: 0209.3870.123; E-mail: snv@backan.gov.vn; Website: sonoivu.backan.gov.vn');
  });
});

describe('the checker catches faults of the new kinds', () => {
  const broken = async (name: string, edit: (xml: string) => string, part = 'word/document.xml') => checkNd30(await mutateDocx(await renderDocument(loadExample(name)), part, edit));

  it('[40] authority lines at single spacing (accents touch)', async () => {
    expectViolation(await broken(QD, (x) => x.replace(/<w:spacing w:after="0" w:before="0" w:line="288"\/>(<w:jc w:val="center"\/><\/w:pPr><w:r><w:rPr><w:b\/><w:bCs\/><w:i w:val="false"\/><w:iCs w:val="false"\/><w:sz w:val="28"\/><w:szCs w:val="28"\/><\/w:rPr><w:t xml:space="preserve">PHÓ GIÁM ĐỐC)/, '<w:spacing w:after="0" w:before="0" w:line="240"/>$1')), 40);
  });
  it('[41] no "QUYẾT ĐỊNH:" line, or an article label not bold', async () => {
    expectViolation(await broken(QD, (x) => x.replace('>QUYẾT ĐỊNH:<', '>QUYẾT ĐỊNH<')), 41);
    expectViolation(await broken(QD, (x) => x.replace(/<w:b\/><w:bCs\/>((?:(?!<w:r>).)*?<w:t xml:space="preserve">Điều 2\.<)/, '$1')), 41);
  });
  it('[28] "Như Điều n" naming no article', async () => expectViolation(await broken(QD, (x) => x.replace('- Như Điều 3;', '- Như Điều 7;')), 28));
  it('[42] the attached document without "./."', async () => expectViolation(await broken(QD_ISSUING, (x) => x.replace('năm 2025./.', 'năm 2025.')), 42));
  it('[43] a bold address footer', async () => {
    const buffer = await renderDocument(loadExample(GM));
    const part = [...(await readDocx(buffer)).parts].find(([name, root]) => name.startsWith('word/footer') && (root.textContent ?? '').includes('Địa chỉ'))![0];
    expectViolation(await checkNd30(await mutateDocx(buffer, part, (x) => x.replace('<w:b w:val="false"/>', '<w:b/>'))), 43);
  });
});
