import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { articleBlocks } from '../../electron/services/draft-kind-models';
import { printedForKind } from '../../shared/draft-distribution';
import type { Draft } from '../../shared/drafts';
import type { Plan } from '../../shared/plans';
import type { RegisterEntry } from '../../shared/register';
import { checkNd30 } from '../documents/nd30-checker';
import { useTestBackend } from '../fixtures/backend';
import { SO_NOI_VU } from '../fixtures/profile';

const { call } = useTestBackend('new-kind-drafts');

const paragraph = (text: string) => ({ type: 'paragraph' as const, text });
const saveFields = (d: Draft) => ({ id: d.id, revision: d.revision, title: d.title, draftYear: d.draftYear, content: d.content });
const exported = async (id: number) => Buffer.from((await call<{ base64: string }>('exportRecordDocx', { recordType: 'document', id })).base64, 'base64');
const textOf = async (docx: Buffer) => {
  const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
  return xml.split('</w:p>').map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).filter(Boolean);
};
async function footerText(docx: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  const parts = await Promise.all(Object.keys(zip.files).filter((n) => /^word\/footer\d*\.xml$/.test(n)).map((n) => zip.file(n)!.async('string')));
  return parts.map((xml) => [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).join('\n');
}
async function edit(d: Draft, patch: Record<string, unknown>, title = d.title): Promise<Draft> {
  return call<Draft>('saveDraft', { ...saveFields(d), title, content: { ...d.content, ...patch } });
}
async function exportError(id: number): Promise<string> {
  return exported(id).then(
    () => 'exported',
    (err: Error) => err.message,
  );
}
const distribution = { lines: [{ type: 'text', text: 'Giám đốc Sở', note: '' }], options: { electronic: false, withKinhGui: false, drafter: '' }, copies: null };

describe('Quyết định', () => {
  it('starts from a plan as "ban hành Kế hoạch", prints the authority, căn cứ, articles and "Như Điều n", with the plan attached', async () => {
    await call('saveIssuer', SO_NOI_VU);
    const plan = await call<Plan>('savePlan', {
      title: 'Tuyên truyền cải cách hành chính năm 2025', indexId: null, indexYear: null, draftYear: 2025, body: [{ type: 'heading', level: 1, number: 'I', text: 'MỤC ĐÍCH, YÊU CẦU' }, paragraph('Nâng cao nhận thức của cán bộ, công chức.')],
      grouping: 'lead', appendixTitle: 'PHÂN CÔNG NHIỆM VỤ', distribution: { lines: [], options: { electronic: false, withKinhGui: false, drafter: '' } }, signer: SO_NOI_VU.signer, tasks: [],
    });
    const d = await call<Draft>('createDraft', { kind: 'quyet-dinh', year: 2025, template: { template: 'ban-hanh-ke-hoach', planId: plan.id } });
    expect(d.title).toBe('Ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2025');
    if (d.content.kind !== 'quyet-dinh') throw new Error('quyết định expected');
    expect(d.content.decidingAuthority).toBe('GIÁM ĐỐC SỞ NỘI VỤ');
    expect(d.content.attachment).toMatchObject({ name: 'Kế hoạch', subject: 'Tuyên truyền cải cách hành chính năm 2025' });
    const ready = await edit(d, { bases: ['Căn cứ Quyết định số 12/2024/QĐ-UBND của Ủy ban nhân dân tỉnh', 'Theo đề nghị của Trưởng phòng Cải cách hành chính'], distribution });

    const docx = await exported(ready.id);
    expect(await checkNd30(docx)).toEqual([]);
    const lines = await textOf(docx);
    for (const line of ['GIÁM ĐỐC SỞ NỘI VỤ', 'QUYẾT ĐỊNH:', '- Như Điều 3;', '- Giám đốc Sở;', 'Căn cứ Quyết định số 12/2024/QĐ-UBND của Ủy ban nhân dân tỉnh;', 'Theo đề nghị của Trưởng phòng Cải cách hành chính.'])
      expect(lines).toContain(line);
    expect(lines.some((l) => l.startsWith('Điều 1. Ban hành kèm theo Quyết định này Kế hoạch tuyên truyền'))).toBe(true);
    expect(lines.some((l) => l.startsWith('(Ban hành kèm theo Quyết định số'))).toBe(true);
    expect(lines).toContain('Nâng cao nhận thức của cán bộ, công chức./.');

    // the user names the executing article
    const second = await edit(ready, { executingArticle: 2 });
    expect(await textOf(await exported(second.id))).toContain('- Như Điều 2;');
  });

  it('prints the phụ lục of the Kế hoạch it issues after it, "Kèm theo" the Quyết định; a plan deleted since is refused by name', async () => {
    await call('saveIssuer', SO_NOI_VU);
    const task = (content: string) => ({ componentId: null, componentLabel: '', content, lead: { type: 'text', text: 'Văn phòng Sở' }, coordinators: [], deadline: { kind: 'trong-nam', year: 2025 }, expectedOutput: '' });
    const plan = await call<Plan>('savePlan', {
      title: 'Tuyên truyền cải cách hành chính năm 2025', indexId: null, indexYear: null, draftYear: 2025,
      body: [paragraph('Nâng cao nhận thức của cán bộ, công chức (chi tiết tại Phụ lục kèm theo).')],
      grouping: 'lead', appendixTitle: 'PHÂN CÔNG NHIỆM VỤ', distribution: { lines: [], options: { electronic: false, withKinhGui: false, drafter: '' } }, signer: SO_NOI_VU.signer,
      tasks: [task('Cập nhật chuyên mục cải cách hành chính trên Trang thông tin điện tử'), task('Tổ chức hội nghị tập huấn')],
    });
    const d = await call<Draft>('createDraft', { kind: 'quyet-dinh', year: 2025, template: { template: 'ban-hanh-ke-hoach', planId: plan.id } });
    const ready = await edit(d, { bases: ['Căn cứ Quyết định số 12/2024/QĐ-UBND của Ủy ban nhân dân tỉnh'], distribution });
    const docx = await exported(ready.id);
    expect(await checkNd30(docx)).toEqual([]);
    const lines = await textOf(docx);
    const at = (t: string) => lines.findIndex((l) => l.startsWith(t));
    expect(at('Phụ lục')).toBeGreaterThan(at('(Ban hành kèm theo Quyết định số'));
    expect(lines[at('Phụ lục') + 2]).toMatch(/^\(Kèm theo Quyết định số .*\/QĐ-SNV/);
    expect(lines.some((l) => l.includes('Tổ chức hội nghị tập huấn'))).toBe(true);

    await call('deletePlan', { id: plan.id });
    expect(await exportError(ready.id)).toMatch(/Văn bản ban hành kèm theo: không còn kế hoạch số \d+/);
  });

  it('refuses to render with a message naming the field: no article, an empty article, an article that does not exist, an attachment without its name', async () => {
    await call('saveIssuer', SO_NOI_VU);
    const d = await call<Draft>('createDraft', { kind: 'quyet-dinh', year: 2025, template: null });
    expect(await exportError(d.id)).toMatch(/Các điều: quyết định cần ít nhất Điều 1/);
    const one = await edit(d, { articles: [[paragraph('Thành lập Đoàn kiểm tra.')], []], executingArticle: 3, distribution });
    const message = await exportError(one.id);
    expect(message).toMatch(/Điều 2: chưa có nội dung/);
    expect(message).toMatch(/Điều thi hành \(Nơi nhận "Như Điều 3"\): quyết định chỉ có 2 điều/);
    const noAuthority = await edit(one, { decidingAuthority: ' ', articles: [[paragraph('Thành lập Đoàn kiểm tra.')]], executingArticle: null, attachment: { name: '', subject: 'Quy chế', body: [paragraph('Điều khoản.')] } });
    const m2 = await exportError(noAuthority.id);
    expect(m2).toMatch(/Thẩm quyền ban hành: chưa ghi/);
    expect(m2).toMatch(/Văn bản ban hành kèm theo: chưa ghi tên loại/);
  });

  it('issues in its own series (QĐ-SNV), appears in the register as a Quyết định, and is withdrawn keeping its frozen copy', async () => {
    await call('saveIssuer', SO_NOI_VU);
    const d = await call<Draft>('createDraft', { kind: 'quyet-dinh', year: 2025, template: null });
    const ready = await edit(d, { articles: [[paragraph('Thành lập Đoàn kiểm tra.')], [paragraph('Quyết định này có hiệu lực kể từ ngày ký.')]], distribution }, 'Thành lập Đoàn kiểm tra công tác cải cách hành chính năm 2025');
    await call('issueRecord', { recordType: 'document', id: ready.id, revision: ready.revision, number: 7, date: '2025-03-05', keepNumber: false });
    const issued = await call<Draft>('getDraft', { id: ready.id });
    expect([issued.status, issued.number, issued.code]).toEqual(['issued', 7, 'QĐ-SNV']);
    const register = await call<RegisterEntry[]>('listRegister', { query: 'doan kiem tra', kind: 'quyet-dinh', year: null, issuerId: null, status: null });
    expect(register.map((e) => [e.kind, e.number, e.code])).toEqual([['quyet-dinh', 7, 'QĐ-SNV']]);
    const frozen = await exported(ready.id);

    // withdrawn for correction: a draft again, the issued copy kept in the history with the same bytes
    await call('withdrawRecord', { recordType: 'document', id: ready.id, revision: issued.revision, reason: 'Sai thành phần Đoàn kiểm tra' });
    expect((await call<Draft>('getDraft', { id: ready.id })).status).toBe('draft');
    const history = await call<{ copies: { id: number; withdrawnAt: string | null }[]; events: { action: string }[] }>('getRecordHistory', { recordType: 'document', id: ready.id });
    expect(history.copies).toHaveLength(1);
    expect(history.copies[0]!.withdrawnAt).not.toBeNull();
    const copy = Buffer.from((await call<{ base64: string }>('exportIssuedCopyDocx', { copyId: history.copies[0]!.id })).base64, 'base64');
    expect(copy.equals(frozen)).toBe(true);
  });
});

describe('Tờ trình', () => {
  it('starts addressed to Ủy ban nhân dân tỉnh, prints Kính gửi and "Như trên", and refuses without a recipient', async () => {
    await call('saveIssuer', SO_NOI_VU);
    const d = await call<Draft>('createDraft', { kind: 'to-trinh', year: 2025, template: null });
    if (d.content.kind !== 'to-trinh') throw new Error('tờ trình expected');
    expect(d.content.recipients).toEqual(['Ủy ban nhân dân tỉnh']);
    const ready = await edit(d, { body: [paragraph('Sở Nội vụ kính trình Ủy ban nhân dân tỉnh xem xét, phê duyệt.')], distribution: { ...distribution, copies: { code: 'PL', count: 30 } } }, 'Đề nghị phê duyệt Kế hoạch kiểm tra');
    const docx = await exported(ready.id);
    expect(await checkNd30(docx)).toEqual([]);
    const lines = await textOf(docx);
    for (const line of ['TỜ TRÌNH', 'Kính gửi: Ủy ban nhân dân tỉnh', '- Như trên;', '- Lưu: VT, CCHC, PL.(30).']) expect(lines).toContain(line);
    const none = await edit(ready, { recipients: [] });
    expect(await exportError(none.id)).toMatch(/Kính gửi: tờ trình cần cơ quan nhận/);
  });
});

describe('Giấy mời', () => {
  it('prints the meeting and the issuer contacts (Ô 13), and refuses without time or place', async () => {
    await call('saveIssuer', { ...SO_NOI_VU, contact: { address: 'Tổ 1, phường Đức Xuân, thành phố Bắc Kạn', phone: '0209.3870.123', email: 'snv@backan.gov.vn', website: '' } });
    const d = await call<Draft>('createDraft', { kind: 'giay-moi', year: 2025, template: null });
    expect(await exportError(d.id)).toMatch(/Thời gian: chưa ghi thời gian họp.*Địa điểm: chưa ghi nơi họp/);
    const ready = await edit(
      d,
      {
        invitation: 'Sở Nội vụ trân trọng kính mời đại diện lãnh đạo các sở, ban, ngành tham dự Hội nghị',
        time: '08 giờ 00 phút, ngày 25 tháng 3 năm 2025',
        place: 'Hội trường tầng 3, Sở Nội vụ',
        chair: 'Đồng chí Giám đốc Sở Nội vụ',
        participants: ['Lãnh đạo các sở, ban, ngành', 'Lãnh đạo Ủy ban nhân dân các huyện'],
        body: [paragraph('Đề nghị đại biểu tham dự đúng thành phần, thời gian.')],
        distribution,
      },
      'Dự Hội nghị triển khai Chỉ số cải cách hành chính năm 2025',
    );
    const docx = await exported(ready.id);
    expect(await checkNd30(docx)).toEqual([]);
    const lines = await textOf(docx);
    expect(lines).toContain('GIẤY MỜI');
    expect(lines).toContain('Thời gian: 08 giờ 00 phút, ngày 25 tháng 3 năm 2025.');
    expect(lines).toContain('- Như thành phần mời;');
    expect(await footerText(docx)).toContain('Địa chỉ: Tổ 1, phường Đức Xuân, thành phố Bắc Kạn; Điện thoại: 0209.3870.123; E-mail: snv@backan.gov.vn');
  });
});

describe('Ô 13 on a Công văn', () => {
  it('prints the issuer contacts at the foot of a công văn only when some are filled', async () => {
    const issuer = await call<{ id: number; revision: number }>('saveIssuer', SO_NOI_VU);
    const d = await call<Draft>('createDraft', { kind: 'cong-van', year: 2025, template: null });
    const ready = await edit(d, { body: [paragraph('Đề nghị các cơ quan thực hiện.')], distribution }, 'tăng cường kỷ luật hành chính');
    expect(await footerText(await exported(ready.id))).not.toContain('Địa chỉ');
    await call('saveIssuer', { ...SO_NOI_VU, id: issuer.id, revision: issuer.revision, contact: { address: 'Tổ 1, phường Đức Xuân', phone: '', email: '', website: 'sonoivu.backan.gov.vn' } });
    const docx = await exported(ready.id);
    expect(await checkNd30(docx)).toEqual([]);
    expect(await footerText(docx)).toContain('Địa chỉ: Tổ 1, phường Đức Xuân; Website: sonoivu.backan.gov.vn');
  });
});

describe('refusals when saving or starting a draft', () => {
  it('refuses an Ô 12 typist code that is not upper-case letters, naming the field', async () => {
    await call('saveIssuer', SO_NOI_VU);
    const d = await call<Draft>('createDraft', { kind: 'to-trinh', year: 2025, template: null });
    const refused = await edit(d, { distribution: { ...distribution, copies: { code: 'P1', count: 30 } } }).then(
      () => 'saved',
      (err: Error) => err.message,
    );
    expect(refused).toMatch(/Ký hiệu người đánh máy.*chữ in hoa, tối đa 6 chữ/);
    expect((await edit(d, { distribution: { ...distribution, copies: { code: 'PL', count: 30 } } })).content.distribution.copies).toEqual({ code: 'PL', count: 30 });
  });

  it('refuses a template of another kind', async () => {
    await call('saveIssuer', SO_NOI_VU);
    const refused = await call('createDraft', { kind: 'cong-van', year: 2025, template: { template: 'ban-hanh-ke-hoach', planId: 1 } }).then(
      () => 'created',
      (err: Error) => err.message,
    );
    expect(refused).toBe('Mẫu: mẫu này không dùng cho công văn.');
  });
});

describe('articleBlocks', () => {
  it('prefixes "Điều n." to an article\'s first paragraph, and puts it on its own line before a list', () => {
    expect(articleBlocks([[{ type: 'paragraph', text: [{ text: 'Giao ', italic: true }, { text: 'Sở', bold: true }] }]])).toEqual([
      { type: 'paragraph', text: [{ text: 'Điều 1. Giao ', italic: true }, { text: 'Sở', bold: true }] },
    ]);
    expect(articleBlocks([[paragraph('Một.')], [{ type: 'item', marker: '-', text: 'Hai' }]])).toEqual([
      { type: 'paragraph', text: 'Điều 1. Một.' },
      { type: 'paragraph', text: 'Điều 2.' },
      { type: 'item', marker: '-', text: 'Hai' },
    ]);
  });
});

describe('printedForKind (the Nơi nhận preview of the editor)', () => {
  const printed = ['Nơi nhận:', '- Như trên;', '- Sở Tư pháp;', '- Lưu: VT, CCHC.'];
  const base = { distribution: { lines: [], options: { electronic: false, withKinhGui: false, drafter: '' }, copies: null }, signer: { authority: ['KT. GIÁM ĐỐC'], title: 'PHÓ GIÁM ĐỐC', name: 'A' } };
  it('puts "Như Điều n" of the executing article first in a Quyết định, and Ô 12 at the end of the Lưu line', () => {
    const qd = { ...base, kind: 'quyet-dinh' as const, decidingAuthority: 'GIÁM ĐỐC SỞ NỘI VỤ', bases: [], articles: [[], [], []], executingArticle: 2, attachment: null };
    expect(printedForKind(printed, qd)).toEqual(['Nơi nhận:', '- Như Điều 2;', '- Sở Tư pháp;', '- Lưu: VT, CCHC.']);
    expect(printedForKind(printed, { ...qd, executingArticle: null, distribution: { ...qd.distribution, copies: { code: 'PL', count: 300 } } })).toEqual(['Nơi nhận:', '- Như Điều 3;', '- Sở Tư pháp;', '- Lưu: VT, CCHC, PL.(300).']);
  });
  it('leaves a Công văn\'s items to its options', () => {
    const cv = { ...base, kind: 'cong-van' as const, unit: 'NV', recipients: [], body: [] };
    expect(printedForKind(printed, cv)).toEqual(printed);
  });
});
