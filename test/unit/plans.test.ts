import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { IndexDefinition } from '../../shared/indices';
import type { Plan } from '../../shared/plans';
import { checkNd30 } from '../documents/nd30-checker';
import { VALID_PROFILE } from '../fixtures/profile';
import { useTestBackend } from '../fixtures/backend';

const { call } = useTestBackend('plans');

/** PAPI 2021 and 2022 for a province: dimension 1 and two of its parts fall, dimension 8 rises. */
async function enterPapi(): Promise<IndexDefinition> {
  const papi = (await call<IndexDefinition[]>('listIndices', {})).find((i) => i.code === 'PAPI')!;
  const byCode = (code: string) => papi.components.find((c) => c.code === code)!.id;
  const year = (y: number, total: number, rank: number, scores: Record<string, [number, number | null]>) =>
    call('saveIndexYearResults', {
      indexId: papi.id,
      year: y,
      overall: { score: total, rank, rankOf: 63, band: '' },
      components: Object.entries(scores).map(([code, [score, r]]) => ({ componentId: byCode(code), score, rank: r, band: '' })),
    });
  await year(2021, 42.72, 32, { '1': [5.1, 30], '1.1': [0.8, null], '1.2': [1.5, null], '8': [2.4, 50] });
  await year(2022, 42.153, 34, { '1': [4.86, 33], '1.1': [0.66, null], '1.2': [1.52, null], '8': [2.58, 48] });
  return papi;
}

describe('indices', () => {
  it('ships the confirmed structures, marking what is unconfirmed', async () => {
    const indices = await call<IndexDefinition[]>('listIndices', {});
    expect(indices.map((i) => i.code)).toEqual(['PAPI', 'SIPAS', 'PAR INDEX', 'PCI']);
    const papi = indices[0]!;
    expect(papi.components.filter((c) => c.parentId === null)).toHaveLength(8);
    expect(papi.components.find((c) => c.code === '1.4')?.maxScore).toBe(2.5);
    expect(papi.components.find((c) => c.code === '7.1')?.confirmed).toBe(false);
    expect(indices[3]!.components.reduce((s, c) => s + (c.weight ?? 0), 0)).toBe(100);
  });

  it('refuses a score above the maximum and a component outside the year', async () => {
    const papi = await enterPapi();
    const c11 = papi.components.find((c) => c.code === '1.1')!;
    await expect(call('saveIndexYearResults', { indexId: papi.id, year: 2022, overall: { score: null, rank: null, rankOf: null, band: '' }, components: [{ componentId: c11.id, score: 3, rank: null, band: '' }] })).rejects.toThrow(/lớn hơn điểm tối đa 2.5/);
    await expect(call('saveIndexYearResults', { indexId: papi.id, year: 2016, overall: { score: null, rank: null, rankOf: null, band: '' }, components: [{ componentId: c11.id, score: 1, rank: null, band: '' }] })).rejects.toThrow(/không có trong cấu trúc năm 2016/);
    const results = await call<{ components: unknown[] }>('getIndexResults', { indexId: papi.id });
    expect(results.components).toHaveLength(8);
  });
});

describe('plans', () => {
  it('starts a plan from the components that fell, exports an ND30 .docx and the task sheet', async () => {
    await call('saveIssuer', VALID_PROFILE);
    await call('loadSampleAgencies', {});
    const papi = await enterPapi();
    const plan = await call<Plan>('createPlanFromDeclines', { indexId: papi.id, year: 2022 });
    // 1.1 fell; dimension 1 fell but its part 1.1 is listed; 1.2 and 8 rose
    expect(plan.tasks.map((t) => papi.components.find((c) => c.id === t.componentId)?.code)).toEqual(['1.1']);
    expect(plan.tasks[0]!.content).toContain('năm 2022 đạt 0,66/2,5 điểm, năm 2021 đạt 0,8');
    expect(JSON.stringify(plan.body)).toContain('đạt 42,153/80 điểm, giảm 0,567 điểm so với năm 2021; xếp thứ 34/63, giảm 02 bậc');

    await expect(call('exportRecordDocx', { recordType: 'plan', id: plan.id })).rejects.toThrow(/Nhiệm vụ 1: chưa chọn cơ quan chủ trì/);

    const agencies = await call<{ id: number; shortName: string }[]>('listAgencies', { query: '', tier: null, includeInactive: false });
    const agency = (name: string) => agencies.find((a) => a.shortName === name)!.id;
    const [first] = plan.tasks;
    const tasks = [
      { ...first!, content: `${first!.content}\nTổ chức tuyên truyền tại các thôn, tổ dân phố.`, lead: { type: 'agency', agencyId: agency('Sở Nội vụ') }, coordinators: [{ type: 'agency', agencyId: agency('Sở Tư pháp') }, { type: 'text', text: 'UBND cấp huyện' }] },
      { componentId: papi.components.find((c) => c.code === '8.1')!.id, componentLabel: '', content: 'Nâng cấp Cổng thông tin điện tử.', lead: { type: 'agency', agencyId: agency('Sở Thông tin và Truyền thông') }, coordinators: [], deadline: { kind: 'quy', quarter: 2, year: 2023 }, expectedOutput: 'Cổng mới' },
    ];
    const samples = await call<{ lines: unknown[] }[]>('listRecipientLists', {});
    const saved = await call<Plan>('savePlan', { ...planFields(plan), tasks, distribution: { lines: samples[0]!.lines, options: { electronic: true, withKinhGui: false, drafter: '' } } });
    expect(saved.tasks[0]!.id).toBe(first!.id);
    expect(saved.revision).toBe(plan.revision + 1);

    const docx = await call<{ fileName: string; base64: string }>('exportRecordDocx', { recordType: 'plan', id: plan.id });
    expect(docx.fileName).toMatch(/^ke-hoach-khac-phuc.*\.docx$/);
    const buffer = Buffer.from(docx.base64, 'base64');
    expect(await checkNd30(buffer)).toEqual([]);
    const xml = await (await import('jszip')).default.loadAsync(buffer).then((z) => z.file('word/document.xml')!.async('string'));
    expect(xml).toContain('SỞ NỘI VỤ CHỦ TRÌ THỰC HIỆN');
    expect(xml).toContain('Quý II năm 2023');
    expect(xml).toContain('Sở Tư pháp; UBND cấp huyện');

    const sheet = await call<{ base64: string }>('exportPlanTasksXlsx', { id: plan.id });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(sheet.base64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.getRow(3).getCell(4).value).toBe('Sở Thông tin và Truyền thông');
  });

  it('becomes read-only once issued, refuses a number already used that year, and copies for next year', async () => {
    await call('saveIssuer', VALID_PROFILE);
    const a = await call<Plan>('savePlan', {
      ...newPlan('Kế hoạch A'),
      tasks: [{ componentId: null, componentLabel: 'Khác', content: 'Việc A', lead: { type: 'text', text: 'Sở Nội vụ' }, coordinators: [], deadline: { kind: 'ngay', date: '2024-06-30' }, expectedOutput: '' }],
    });
    const b = await call<Plan>('savePlan', newPlan('Kế hoạch B'));
    await call('issueRecord', { recordType: 'plan', id: a.id, revision: a.revision, number: 12, date: '2024-03-05' });
    const issued = await call<Plan>('getPlan', { id: a.id });
    expect(issued).toMatchObject({ status: 'issued', number: 12, issuedDate: '2024-03-05' });
    await expect(call('savePlan', { ...planFields(issued), id: a.id })).rejects.toThrow(/đã ban hành nên chỉ xem được/);
    await expect(call('issueRecord', { recordType: 'plan', id: b.id, revision: b.revision, number: 12, date: '2024-11-01' })).rejects.toThrow(/Số 12 năm 2024 của sổ "Kế hoạch" đã cấp cho Kế hoạch số 12\/KH-UBND ngày 05\/03\/2024 "Kế hoạch A"/);
    await call('issueRecord', { recordType: 'plan', id: b.id, revision: b.revision, number: 12, date: '2025-01-02' });

    const docx = Buffer.from((await call<{ base64: string }>('exportRecordDocx', { recordType: 'plan', id: a.id })).base64, 'base64');
    const xml = await (await import('jszip')).default.loadAsync(docx).then((z) => z.file('word/document.xml')!.async('string'));
    expect(xml).toContain('Số: 12/KH-UBND');
    expect(xml).toContain('Bắc Kạn, ngày 05 tháng 3 năm 2024');

    // a copy confirmed on a preview of an older revision is refused, and nothing is created
    const before = (await call<unknown[]>('listPlans', {})).length;
    await expect(call('duplicatePlan', { id: a.id, revision: issued.revision - 1 })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('vừa được thay đổi ở cửa sổ khác sau khi xem trước') });
    expect(await call<unknown[]>('listPlans', {})).toHaveLength(before);
    const copy = await call<Plan>('duplicatePlan', { id: a.id, revision: issued.revision });
    expect(copy).toMatchObject({ status: 'draft', number: null, draftYear: 2025 });
    expect(copy.tasks[0]!.deadline).toEqual({ kind: 'ngay', date: '2025-06-30' });
    await call('withdrawRecord', { recordType: 'plan', id: a.id, revision: issued.revision, reason: 'Sửa nhiệm vụ' });
    const reopened = await call<Plan>('getPlan', { id: a.id });
    expect(reopened.status).toBe('draft');
    await expect(call('savePlan', { ...planFields(issued), title: 'Kế hoạch A (bản cũ)' })).rejects.toThrow(/vừa được thay đổi ở cửa sổ khác/);
    await call('savePlan', { ...planFields(reopened), title: 'Kế hoạch A (sửa)' });
  });
});

function newPlan(title: string) {
  return {
    title,
    indexId: null,
    indexYear: null,
    draftYear: 2024,
    body: [{ type: 'paragraph', text: 'Nội dung. (Chi tiết tại Phụ lục kèm theo)' }],
    grouping: 'lead',
    appendixTitle: 'Các nhiệm vụ',
    distribution: { lines: [{ type: 'text', text: 'Các sở, ban, ngành', note: '' }], options: { electronic: false, withKinhGui: false, drafter: '' } },
    signer: VALID_PROFILE.signer,
    tasks: [],
  };
}

function planFields(p: Plan) {
  const tasks = p.tasks.map(({ id, ...t }) => ({ id, ...t }));
  return { id: p.id, revision: p.revision, title: p.title, indexId: p.indexId, indexYear: p.indexYear, draftYear: p.draftYear, body: p.body, grouping: p.grouping, appendixTitle: p.appendixTitle, distribution: p.distribution, signer: p.signer, tasks };
}

describe('index results from a spreadsheet', () => {
  it('maps columns, matches rows by number or name, shows errors, and imports all at once', async () => {
    const papi = await enterPapi();
    const csv = [
      'Nội dung;Điểm 2023;Xếp hạng;Ghi chú',
      'Chỉ số PAPI;43,01;28;',
      '1. Tham gia của người dân ở cấp cơ sở;5,02;25;',
      'Tri thức cong dan;0,91;;',
      '8.1;abc;;',
      'Dòng không liên quan;;;',
    ].join('\n');
    const file = { fileName: 'papi-2023.csv', base64: Buffer.from(csv).toString('base64') };
    const mapping = { component: 0, score: 1, rank: 2, band: null, headerRow: true };
    const check = await call<{ rows: { match: string | null; error: string | null }[]; matched: number; errors: number }>('importIndexResults', { file, indexId: papi.id, year: 2023, mapping, apply: false });
    expect(check.rows.map((r) => r.match)).toEqual(['Tổng', '1. Tham gia của người dân ở cấp cơ sở', '1.1. Tri thức công dân', '8.1. Sử dụng cổng thông tin điện tử của chính quyền địa phương', null]);
    expect(check.rows[3]!.error).toBe('Điểm "abc" không phải là số');
    await expect(call('importIndexResults', { file, indexId: papi.id, year: 2023, mapping, apply: true })).rejects.toThrow(/chưa nhập gì/);

    const fixed = { ...file, base64: Buffer.from(csv.replace('8.1;abc', '8.1;0,52')).toString('base64') };
    const done = await call<{ applied: boolean; matched: number }>('importIndexResults', { file: fixed, indexId: papi.id, year: 2023, mapping, apply: true });
    expect(done).toMatchObject({ applied: true, matched: 4 });
    const results = await call<{ overall: { year: number; score: number; rank: number }[]; components: { year: number; score: number }[] }>('getIndexResults', { indexId: papi.id });
    expect(results.overall.find((o) => o.year === 2023)).toMatchObject({ score: 43.01, rank: 28 });
    expect(results.components.filter((c) => c.year === 2023).map((c) => c.score).sort()).toEqual([0.52, 0.91, 5.02]);
  });
});

describe('paragraph library', () => {
  it('ships common paragraphs and finds them without diacritics', async () => {
    const found = await call<{ title: string }[]>('listSnippets', { query: 'kinh phi' });
    expect(found.map((s) => s.title)).toEqual(['Kinh phí thực hiện']);
    const saved = await call<{ id: number }>('saveSnippet', { title: 'Đoạn của tôi', text: 'Đẩy mạnh chuyển đổi số.' });
    expect((await call<{ id: number }[]>('listSnippets', { query: 'chuyen doi so' })).map((s) => s.id)).toEqual([saved.id]);
    await call('deleteSnippet', { id: saved.id });
    expect(await call('listSnippets', { query: 'chuyen doi so' })).toEqual([]);
  });
});
