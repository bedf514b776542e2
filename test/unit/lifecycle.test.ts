import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../shared/drafts';
import type { Plan } from '../../shared/plans';
import type { Issuer } from '../../shared/issuers';
import type { NumberProposal, RecordHistory } from '../../shared/record';
import { VALID_PROFILE } from '../fixtures/profile';
import { useTestBackend } from '../fixtures/backend';

const { backend, call } = useTestBackend('lifecycle');
const db = () => backend.database.db;

async function setup() {
  await call('saveIssuer', VALID_PROFILE);
  await call('loadSampleAgencies', {});
  const agencies = await call<{ id: number; shortName: string }[]>('listAgencies', { query: '', tier: null, includeInactive: false });
  return (name: string) => ({ type: 'agency' as const, agencyId: agencies.find((a) => a.shortName === name)!.id });
}

const saveFields = (d: Draft) => ({ id: d.id, revision: d.revision, title: d.title, draftYear: d.draftYear, content: d.content });

/** A công văn ready to issue, sent to agencies of the sample book (their names feed the model). */
async function congVan(title: string, unit: string, recipients: { type: 'agency'; agencyId: number }[] = []): Promise<Draft> {
  const d = await call<Draft>('createDraft', { kind: 'cong-van', year: 2026, template: null });
  if (d.content.kind !== 'cong-van') throw new Error('công văn expected');
  const content = {
    ...d.content,
    unit,
    recipients,
    body: [{ type: 'paragraph', text: 'Đề nghị các cơ quan, đơn vị thực hiện.' }],
    distribution: { lines: [...recipients.map((r) => ({ ...r, note: '' })), { type: 'text', text: 'Lưu trữ lịch sử', note: '' }], options: d.content.distribution.options },
  };
  return call<Draft>('saveDraft', { ...saveFields(d), title, content });
}

const issue = (d: { id: number; revision: number }, number: number, date: string, keepNumber = false) =>
  call<{ copyId: number }>('issueRecord', { recordType: 'document', id: d.id, revision: d.revision, number, date, keepNumber });
const exported = async (id: number) => Buffer.from((await call<{ base64: string }>('exportRecordDocx', { recordType: 'document', id })).base64, 'base64');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('numbers', () => {
  it('proposes the next number of the series and year, lists the gaps, and shows the ký hiệu that will print', async () => {
    await setup();
    const a = await congVan('a', 'NV');
    const b = await congVan('b', 'NCPC');
    const c = await congVan('c', 'NV');
    await issue(a, 3, '2026-01-10');
    await issue(b, 7, '2026-02-10');
    const p = await call<NumberProposal>('proposeIssueNumber', { recordType: 'document', id: c.id, year: 2026 });
    expect(p).toMatchObject({ seriesName: 'Công văn', year: 2026, next: 8, gaps: [1, 2, 4, 5, 6], gapCount: 5, code: 'UBND-NV', ownNumber: null });
    expect((await call<NumberProposal>('proposeIssueNumber', { recordType: 'document', id: c.id, year: 2025 })).next).toBe(1);
  });

  it('refuses a number of the same series and year for another drafting unit, naming the holder, and changes nothing', async () => {
    await setup();
    const nv = await congVan('tăng cường kỷ luật', 'NV');
    const ncpc = await congVan('cải cách hành chính', 'NCPC');
    await issue(nv, 1250, '2026-03-05');
    await expect(issue(ncpc, 1250, '2026-04-01')).rejects.toThrow(
      'Số 1250 năm 2026 của sổ "Công văn" đã cấp cho Công văn số 1250/UBND-NV ngày 05/03/2026 "V/v tăng cường kỷ luật". Hãy chọn số khác (số còn trống gần nhất: 1251).',
    );
    expect(await call<Draft>('getDraft', { id: ncpc.id })).toMatchObject({ status: 'draft', number: null, revision: ncpc.revision });
    expect(await db().selectFrom('issued_copies').select('record_id').execute()).toEqual([{ record_id: nv.id }]);
    expect(await db().selectFrom('number_allocations').select('record_id').execute()).toEqual([{ record_id: nv.id }]);
  });

  it('is guarded by the database itself: a second allocation of a number is refused', async () => {
    await setup();
    const nv = await congVan('a', 'NV');
    await issue(nv, 5, '2026-03-05');
    const held = await db().selectFrom('number_allocations').selectAll().executeTakeFirstOrThrow();
    expect(() =>
      backend.database.sqlite
        .prepare('INSERT INTO number_allocations (series_id, year, number, record_type, record_id, allocated_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(held.series_id, held.year, held.number, 'document', nv.id + 1, new Date().toISOString()),
    ).toThrow(/UNIQUE constraint failed|PRIMARY KEY/);
  });
});

describe('frozen copies', () => {
  it('stores the model, the bytes and their hash; export returns those bytes whatever changes afterwards', async () => {
    const agency = await setup();
    const d = await congVan('tăng cường kỷ luật', 'NV', [agency('Sở Tư pháp'), agency('Sở Y tế')]);
    const { copyId } = await issue(d, 1250, '2026-03-05');
    const stored = await db().selectFrom('issued_copies').selectAll().where('id', '=', copyId).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ number: 1250, code: 'UBND-NV', year: 2026, issued_date: '2026-03-05', signer_name: 'Phạm Duy Hưng', drafting_unit: 'NV', legacy: 0, withdrawn_at: null });
    expect(stored.recipients_text).toContain('Sở Tư pháp');
    expect(JSON.parse(stored.model_json!)).toMatchObject({ number: 1250, date: { year: 2026, month: 3, day: 5 }, code: 'UBND-NV' });
    expect(sha(stored.docx!)).toBe(stored.sha256);
    const before = await exported(d.id);
    expect(before.equals(stored.docx!)).toBe(true);

    // every input the model is built from
    const profile = (await call<Issuer[]>('listIssuers', {})).find((i) => i.isDefault)!;
    await call('saveIssuer', {
      id: profile.id,
      ...VALID_PROFILE,
      issuerName: 'Sở Nội vụ\nTỉnh Bắc Kạn',
      issuerFullName: 'Sở Nội vụ tỉnh Bắc Kạn',
      issuerAbbr: 'SNV',
      place: 'Chợ Mới',
      draftingUnitAbbr: 'VP',
      signer: { authority: ['KT. GIÁM ĐỐC'], title: 'PHÓ GIÁM ĐỐC', name: 'Nguyễn Văn Khác' },
      revision: profile.revision,
    });
    await call('saveSignerProfile', { label: 'Giám đốc', signer: { authority: [], title: 'GIÁM ĐỐC', name: 'Trần Thị Mới' } });
    await db().updateTable('agencies').set({ full_name: 'Sở Tư pháp (đổi tên)', short_name: 'STP mới' }).execute();
    await db().updateTable('agency_groups').set({ name: 'Nhóm đổi tên' }).execute();
    await call('saveRecipientList', { name: 'Danh sách mới', kind: 'noi-nhan', lines: [{ type: 'text', text: 'Văn phòng', note: '' }] });
    // the record's own fields cannot change: it is read-only while issued
    await expect(call('saveDraft', { ...saveFields(await call<Draft>('getDraft', { id: d.id })), title: 'đổi trích yếu' })).rejects.toMatchObject({ code: 'CONFLICT' });

    const after = await exported(d.id);
    expect(after.equals(before)).toBe(true);
    expect(sha(after)).toBe(stored.sha256);
    // …while a fresh rendering would now differ: the test would catch an export that renders again
    const { buildDraftModel } = await import('../../electron/services/drafts');
    expect((await buildDraftModel(db(), d.id, { number: 1250, date: '2026-03-05' })).place).toBe('Chợ Mới');
  });

  it('freezes a legacy copy (issued before copies were kept) at its first export', async () => {
    await setup();
    const d = await congVan('bản cũ', 'NV');
    await issue(d, 9, '2026-01-02');
    // as migration 10 leaves an issue made by an older version
    await db().updateTable('issued_copies').set({ legacy: 1, docx: null, sha256: null, model_json: null }).execute();
    const first = await exported(d.id);
    const frozen = await db().selectFrom('issued_copies').selectAll().executeTakeFirstOrThrow();
    expect(frozen.sha256).toBe(sha(first));
    expect(JSON.parse(frozen.model_json!)).toMatchObject({ number: 9, code: 'UBND-NV' });
    const profile = (await call<Issuer[]>('listIssuers', {})).find((i) => i.isDefault)!;
    await call('saveIssuer', { id: profile.id, ...VALID_PROFILE, place: 'Chợ Đồn', revision: profile.revision });
    expect((await exported(d.id)).equals(first)).toBe(true);
  });
});

describe('withdrawal and reissue', () => {
  it('needs a reason, keeps the issued copy in the history, and reissues with the same number or a new one', async () => {
    await setup();
    const d = await congVan('tăng cường kỷ luật', 'NV');
    await issue(d, 1250, '2026-03-05');
    const issued = await call<Draft>('getDraft', { id: d.id });
    await expect(call('withdrawRecord', { recordType: 'document', id: d.id, revision: issued.revision, reason: '   ' })).rejects.toThrow(/Lý do thu hồi/);
    expect((await call<Draft>('getDraft', { id: d.id })).status).toBe('issued');

    await call('withdrawRecord', { recordType: 'document', id: d.id, revision: issued.revision, reason: 'Sai tên cơ quan nhận' });
    const draft = await call<Draft>('getDraft', { id: d.id });
    expect(draft.status).toBe('draft');
    let history = await call<RecordHistory>('getRecordHistory', { recordType: 'document', id: d.id });
    expect(history.copies).toHaveLength(1);
    expect(history.copies[0]).toMatchObject({ number: 1250, code: 'UBND-NV', issuedDate: '2026-03-05', withdrawReason: 'Sai tên cơ quan nhận' });
    expect(history.copies[0]!.withdrawnBy).toMatch(/@/);
    expect(history.events.map((e) => e.action)).toEqual(['thu hồi để đính chính', 'ban hành', 'tạo']);
    // the number stays this record's: another one cannot take it
    const other = await congVan('khác', 'NV');
    await expect(issue(other, 1250, '2026-03-06')).rejects.toThrow(/đã cấp cho Công văn số 1250\/UBND-NV/);
    expect((await call<NumberProposal>('proposeIssueNumber', { recordType: 'document', id: d.id, year: 2026 })).ownNumber).toEqual({ number: 1250, year: 2026 });

    const corrected = await call<Draft>('saveDraft', { ...saveFields(draft), title: 'tăng cường kỷ luật, kỷ cương' });
    await issue(corrected, 999, '2026-03-09', true);
    history = await call<RecordHistory>('getRecordHistory', { recordType: 'document', id: d.id });
    expect(history.copies.map((c) => [c.number, c.issuedDate, c.withdrawnAt === null])).toEqual([
      [1250, '2026-03-09', true],
      [1250, '2026-03-05', false],
    ]);
    const old = await call<{ base64: string }>('exportIssuedCopyDocx', { copyId: history.copies[1]!.id });
    expect(sha(Buffer.from(old.base64, 'base64'))).toBe((await db().selectFrom('issued_copies').select('sha256').where('id', '=', history.copies[1]!.id).executeTakeFirstOrThrow()).sha256);

    // a new number instead
    const again = await call<Draft>('getDraft', { id: d.id });
    await call('withdrawRecord', { recordType: 'document', id: d.id, revision: again.revision, reason: 'Cấp số mới' });
    await issue(await call<Draft>('getDraft', { id: d.id }), 1300, '2026-04-01');
    expect(await call<Draft>('getDraft', { id: d.id })).toMatchObject({ status: 'issued', number: 1300, issuedDate: '2026-04-01' });
    expect(await db().selectFrom('number_allocations').select('number').where('record_id', '=', d.id).orderBy('number').execute()).toEqual([{ number: 1250 }, { number: 1300 }]);
  });

  it('keeps the old number only within its own year and only for a record that had one', async () => {
    await setup();
    const d = await congVan('a', 'NV');
    await expect(issue(d, 1, '2026-01-01', true)).rejects.toThrow(/chưa từng ban hành/);
    await issue(d, 4, '2026-01-01');
    const issued = await call<Draft>('getDraft', { id: d.id });
    await call('withdrawRecord', { recordType: 'document', id: d.id, revision: issued.revision, reason: 'Sửa' });
    await expect(issue(await call<Draft>('getDraft', { id: d.id }), 4, '2027-01-05', true)).rejects.toThrow(/năm 2026/);
  });
});

describe('state rules', () => {
  it('refuses to issue an issued record again, to withdraw a draft, and caps the listed gaps', async () => {
    await setup();
    const d = await congVan('a', 'NV');
    await issue(d, 30, '2026-01-01');
    const issued = await call<Draft>('getDraft', { id: d.id });
    await expect(issue(issued, 31, '2026-01-02')).rejects.toThrow(/đã ban hành. Muốn sửa thì thu hồi để đính chính trước/);
    expect(await db().selectFrom('issued_copies').select('number').execute()).toEqual([{ number: 30 }]);
    const other = await congVan('b', 'NV');
    await expect(call('withdrawRecord', { recordType: 'document', id: other.id, revision: other.revision, reason: 'x' })).rejects.toThrow(/chưa ban hành nên không có gì để thu hồi/);
    const p = await call<NumberProposal>('proposeIssueNumber', { recordType: 'document', id: other.id, year: 2026 });
    expect(p).toMatchObject({ next: 31, gapCount: 29 });
    expect(p.gaps).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
});

describe('deletion', () => {
  it('deletes a draft never issued, never one with an issued copy (even withdrawn)', async () => {
    await setup();
    const never = await congVan('chưa ban hành', 'NV');
    await call('deleteDraft', { id: never.id, revision: never.revision });
    const d = await congVan('đã ban hành', 'NV');
    await issue(d, 2, '2026-01-01');
    const issued = await call<Draft>('getDraft', { id: d.id });
    await call('withdrawRecord', { recordType: 'document', id: d.id, revision: issued.revision, reason: 'Sửa' });
    const withdrawn = await call<Draft>('getDraft', { id: d.id });
    await expect(call('deleteDraft', { id: d.id, revision: withdrawn.revision })).rejects.toThrow('Công văn "V/v đã ban hành" đã ban hành nên không xóa được, chỉ thu hồi được');
    expect((await call<Draft>('getDraft', { id: d.id })).revision).toBe(withdrawn.revision);

    const plan = await call<Plan>('createBlankPlan', { year: 2026 });
    await db().insertInto('issued_copies').values({ record_type: 'plan', record_id: plan.id, kind: 'ke-hoach', issuer_id: null, series_id: null, year: 2025, number: 1, code: 'KH-UBND', issued_date: '2025-01-01', title: plan.title, legacy: 1, issued_by: '', issued_at: '2025-01-01', withdrawn_at: '2025-02-01', withdrawn_by: 'x', withdraw_reason: 'x' }).execute();
    await expect(call('deletePlan', { id: plan.id, revision: plan.revision })).rejects.toThrow(/không xóa được, chỉ thu hồi được/);
  });
});

describe('draft dates', () => {
  it('prints a draft month without a day, and the full date once issued', async () => {
    await setup();
    const d = await congVan('a', 'NV');
    const withMonth = await call<Draft>('saveDraft', { ...saveFields(d), draftMonth: 6 });
    expect(withMonth.draftMonth).toBe(6);
    const { buildDraftModel } = await import('../../electron/services/drafts');
    expect((await buildDraftModel(db(), d.id)).date).toEqual({ year: 2026, month: 6 });
    await expect(call('saveDraft', { ...saveFields(withMonth), draftMonth: 13 })).rejects.toThrow(/Tháng \(dự kiến\)/);
    await issue(withMonth, 3, '2026-07-09');
    const copy = await db().selectFrom('issued_copies').select('model_json').executeTakeFirstOrThrow();
    expect(JSON.parse(copy.model_json!).date).toEqual({ year: 2026, month: 7, day: 9 });
  });
});
