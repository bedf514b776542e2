import { describe, expect, it } from 'vitest';
import type { Issuer, NumberSeries } from '../../shared/issuers';
import { useTestBackend } from '../fixtures/backend';
import { VALID_PROFILE } from '../fixtures/profile';

const { backend, call } = useTestBackend('issuers');

const SO_NOI_VU = {
  ...VALID_PROFILE,
  label: 'Sở Nội vụ',
  parentName: 'UBND TỈNH THÁI NGUYÊN',
  issuerName: 'SỞ NỘI VỤ',
  issuerFullName: 'Sở Nội vụ tỉnh Thái Nguyên',
  issuerAbbr: 'SNV',
  place: 'Thái Nguyên',
  draftingUnitAbbr: 'CCHC',
  signer: { authority: ['KT. GIÁM ĐỐC'], title: 'PHÓ GIÁM ĐỐC', name: 'Lê Thị Hoa' },
};

const refusal = (p: Promise<unknown>) => p.then(() => ({ code: 'none', message: '' }), (e: Error & { code: string }) => ({ code: e.code, message: e.message }));
const series = (issuerId: number) => call<NumberSeries[]>('listNumberSeries', { issuerId });
const named = (list: NumberSeries[], name: string) => list.find((s) => s.name === name)!;

async function twoIssuers() {
  const ubnd = await call<Issuer>('saveIssuer', VALID_PROFILE);
  const snv = await call<Issuer>('saveIssuer', SO_NOI_VU);
  return { ubnd, snv };
}

/** A number given in a series (the lifecycle does this when a record is issued). */
async function allocate(seriesId: number, number: number, year = new Date().getFullYear()) {
  await backend.database.db
    .insertInto('number_allocations')
    .values({ series_id: seriesId, year, number, record_type: 'document', record_id: 1, allocated_at: new Date().toISOString() })
    .execute();
}

describe('issuing bodies', () => {
  it('makes the first one the default and lists the default first', async () => {
    const { ubnd, snv } = await twoIssuers();
    expect(ubnd).toMatchObject({ isDefault: true, label: 'Ủy ban nhân dân tỉnh Bắc Kạn', revision: 1, place: 'Bắc Kạn' });
    expect(snv).toMatchObject({ isDefault: false, label: 'Sở Nội vụ', issuerAbbr: 'SNV', place: 'Thái Nguyên', signer: { name: 'Lê Thị Hoa' } });
    expect((await call<Issuer[]>('listIssuers', {})).map((i) => i.label)).toEqual(['Ủy ban nhân dân tỉnh Bắc Kạn', 'Sở Nội vụ']);
    const after = await call<Issuer[]>('setDefaultIssuer', { id: snv.id });
    expect(after.map((i) => [i.label, i.isDefault])).toEqual([['Sở Nội vụ', true], ['Ủy ban nhân dân tỉnh Bắc Kạn', false]]);
  });

  it('seeds a new issuer with one series per kind', async () => {
    const { snv } = await twoIssuers();
    const list = await series(snv.id);
    expect(list.map((s) => [s.name, s.kinds])).toEqual([
      ['Báo cáo', ['bao-cao']], ['Chỉ thị', ['chi-thi']], ['Công văn', ['cong-van']], ['Giấy mời', ['giay-moi']], ['Kế hoạch', ['ke-hoach']],
      ['Quyết định', ['quyet-dinh']], ['Thông báo', ['thong-bao']], ['Tờ trình', ['to-trinh']],
    ]);
  });

  it('refuses a second issuer with the same label', async () => {
    await twoIssuers();
    const r = await refusal(call('saveIssuer', { ...SO_NOI_VU, label: 'sở nội vụ', issuerAbbr: 'SNVX' }));
    expect(r).toMatchObject({ code: 'DUPLICATE' });
    expect(r.message).toContain('Đã có cơ quan ban hành mang tên gọi "Sở Nội vụ"');
    expect(await call<Issuer[]>('listIssuers', {})).toHaveLength(2);
  });

  it('updates with the revision it was based on and refuses a stale save', async () => {
    const { snv } = await twoIssuers();
    const saved = await call<Issuer>('saveIssuer', { ...SO_NOI_VU, id: snv.id, revision: snv.revision, place: 'Bắc Kạn' });
    expect(saved).toMatchObject({ place: 'Bắc Kạn', revision: 2 });
    const stale = await refusal(call('saveIssuer', { ...SO_NOI_VU, id: snv.id, revision: snv.revision, place: 'Cao Bằng' }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toContain('Cơ quan ban hành "Sở Nội vụ" vừa được thay đổi');
    expect((await call<Issuer[]>('listIssuers', {})).find((i) => i.id === snv.id)).toMatchObject({ place: 'Bắc Kạn', revision: 2 });
  });

  it('refuses to delete the only issuer, and the default before another is made default', async () => {
    const ubnd = await call<Issuer>('saveIssuer', VALID_PROFILE);
    const only = await refusal(call('deleteIssuer', { id: ubnd.id, revision: ubnd.revision }));
    expect(only.message).toContain('đây là cơ quan ban hành duy nhất');
    const snv = await call<Issuer>('saveIssuer', SO_NOI_VU);
    const dflt = await refusal(call('deleteIssuer', { id: ubnd.id, revision: ubnd.revision }));
    expect(dflt.message).toContain('đang là cơ quan ban hành mặc định');
    await call('setDefaultIssuer', { id: snv.id });
    await call('deleteIssuer', { id: ubnd.id, revision: ubnd.revision });
    expect((await call<Issuer[]>('listIssuers', {})).map((i) => i.label)).toEqual(['Sở Nội vụ']);
  });

  it('refuses to delete an issuer a record or a number names, and keeps its signer profiles as shared ones', async () => {
    const { snv } = await twoIssuers();
    const draft = await call<{ id: number }>('createDraft', { kind: 'cong-van', year: 2026, template: null, issuerId: snv.id });
    const used = await refusal(call('deleteIssuer', { id: snv.id, revision: snv.revision }));
    expect(used.code).toBe('CONFLICT');
    expect(used.message).toBe('Không xóa được "Sở Nội vụ" vì đang được dùng: 1 văn bản. Không có gì bị thay đổi.');
    await call('deleteDraft', { id: draft.id });

    await allocate(named(await series(snv.id), 'Công văn').id, 7);
    expect((await refusal(call('deleteIssuer', { id: snv.id, revision: snv.revision }))).message).toContain('1 số đã cấp');
    await backend.database.db.deleteFrom('number_allocations').execute();

    const signer = await call<{ id: number }>('saveSignerProfile', { label: 'Giám đốc Sở', signer: SO_NOI_VU.signer, issuerId: snv.id });
    await call('deleteIssuer', { id: snv.id, revision: snv.revision });
    expect((await call<{ id: number; issuerId: number | null }[]>('listSignerProfiles', {})).find((s) => s.id === signer.id)).toMatchObject({ issuerId: null });
  });

  it('refuses a stale delete', async () => {
    const { snv } = await twoIssuers();
    await call('saveIssuer', { ...SO_NOI_VU, id: snv.id, revision: snv.revision, place: 'Bắc Kạn' });
    expect((await refusal(call('deleteIssuer', { id: snv.id, revision: snv.revision }))).code).toBe('CONFLICT');
    expect(await call<Issuer[]>('listIssuers', {})).toHaveLength(2);
  });
});

describe('number series', () => {
  it('merges kinds into one series: a kind chosen here leaves its former series', async () => {
    const { snv } = await twoIssuers();
    const cv = named(await series(snv.id), 'Công văn');
    const after = await call<NumberSeries[]>('saveNumberSeries', { id: cv.id, revision: cv.revision, issuerId: snv.id, name: 'Công văn và thông báo', kinds: ['cong-van', 'thong-bao'] });
    expect(named(after, 'Công văn và thông báo')).toMatchObject({ kinds: ['thong-bao', 'cong-van'], revision: 2 });
    expect(named(after, 'Thông báo').kinds).toEqual([]);
  });

  it('creates a series that takes kinds from others', async () => {
    const { snv } = await twoIssuers();
    const after = await call<NumberSeries[]>('saveNumberSeries', { issuerId: snv.id, name: 'Văn bản hành chính', kinds: ['bao-cao', 'ke-hoach'] });
    expect(named(after, 'Văn bản hành chính').kinds).toEqual(['ke-hoach', 'bao-cao']);
    expect(named(after, 'Báo cáo').kinds).toEqual([]);
  });

  it('refuses a series with no kind', async () => {
    const { snv } = await twoIssuers();
    const r = await refusal(call('saveNumberSeries', { issuerId: snv.id, name: 'Sổ trống', kinds: [] }));
    expect(r.code).toBe('VALIDATION');
    expect(r.message).toContain('Sổ phải đánh số ít nhất một loại văn bản');
    expect(await series(snv.id)).toHaveLength(8);
  });

  it('refuses a change that leaves a kind without a series, naming the kinds', async () => {
    const { snv } = await twoIssuers();
    const cv = named(await series(snv.id), 'Công văn');
    const r = await refusal(call('saveNumberSeries', { id: cv.id, revision: cv.revision, issuerId: snv.id, name: 'Công văn', kinds: ['thong-bao'] }));
    expect(r.code).toBe('VALIDATION');
    expect(r.message).toContain('Loại văn bản chưa có sổ nào đánh số: Công văn.');
    expect(named(await series(snv.id), 'Công văn')).toMatchObject({ kinds: ['cong-van'], revision: 1 });
  });

  it('refuses a second series of the same name for an issuer, not for another issuer', async () => {
    const { ubnd, snv } = await twoIssuers();
    const r = await refusal(call('saveNumberSeries', { issuerId: snv.id, name: 'Công văn', kinds: ['cong-van'] }));
    expect(r).toMatchObject({ code: 'DUPLICATE', message: 'Cơ quan này đã có sổ "Công văn": hãy đặt tên khác.' });
    const cv = named(await series(ubnd.id), 'Công văn');
    await call('saveNumberSeries', { id: cv.id, revision: cv.revision, issuerId: ubnd.id, name: 'Công văn', kinds: ['cong-van'] });
  });

  it("refuses to touch another issuer's series", async () => {
    const { ubnd, snv } = await twoIssuers();
    const theirs = named(await series(ubnd.id), 'Công văn');
    const r = await refusal(call('saveNumberSeries', { id: theirs.id, revision: theirs.revision, issuerId: snv.id, name: 'Của tôi', kinds: ['cong-van'] }));
    expect(r).toMatchObject({ code: 'NOT_FOUND' });
    expect(named(await series(ubnd.id), 'Công văn').revision).toBe(1);
  });

  it('refuses a stale rename', async () => {
    const { snv } = await twoIssuers();
    const cv = named(await series(snv.id), 'Công văn');
    await call('saveNumberSeries', { id: cv.id, revision: cv.revision, issuerId: snv.id, name: 'Sổ công văn', kinds: ['cong-van'] });
    const stale = await refusal(call('saveNumberSeries', { id: cv.id, revision: cv.revision, issuerId: snv.id, name: 'Sổ CV', kinds: ['cong-van'] }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toContain('Sổ "Sổ công văn" vừa được thay đổi');
  });

  it('counts the numbers given this year, and refuses to delete a series that gave numbers', async () => {
    const { snv } = await twoIssuers();
    const cv = named(await series(snv.id), 'Công văn');
    await allocate(cv.id, 1);
    await allocate(cv.id, 2);
    await allocate(cv.id, 9, 2001);
    expect(named(await series(snv.id), 'Công văn').usedNumbers).toBe(2);
    // move the kind away first, so only the numbers stand in the way
    await call('saveNumberSeries', { issuerId: snv.id, name: 'Sổ mới', kinds: ['cong-van'] });
    const r = await refusal(call('deleteNumberSeries', { id: cv.id, revision: cv.revision }));
    expect(r).toMatchObject({ code: 'CONFLICT' });
    expect(r.message).toContain('sổ đã cấp 3 số cho văn bản');
    expect(named(await series(snv.id), 'Công văn')).toBeDefined();
  });

  it('deletes an empty series, and refuses one whose kinds would be left without a series', async () => {
    const { snv } = await twoIssuers();
    const tb = named(await series(snv.id), 'Thông báo');
    const r = await refusal(call('deleteNumberSeries', { id: tb.id, revision: tb.revision }));
    expect(r.message).toContain('Loại văn bản chưa có sổ nào đánh số: Thông báo.');
    const cv = named(await series(snv.id), 'Công văn');
    const merged = await call<NumberSeries[]>('saveNumberSeries', { id: cv.id, revision: cv.revision, issuerId: snv.id, name: 'Công văn', kinds: ['cong-van', 'thong-bao'] });
    const emptied = named(merged, 'Thông báo');
    const stale = await refusal(call('deleteNumberSeries', { id: emptied.id, revision: emptied.revision + 1 }));
    expect(stale.code).toBe('CONFLICT');
    const after = await call<NumberSeries[]>('deleteNumberSeries', { id: emptied.id, revision: emptied.revision });
    expect(after.map((s) => s.name)).not.toContain('Thông báo');
  });
});

describe('records choose their issuer', () => {
  it('gives new plans and drafts the default issuer, or the one asked for, with its signer', async () => {
    const { ubnd, snv } = await twoIssuers();
    const plan = await call<{ id: number; issuerId: number; signer: { name: string } }>('createBlankPlan', { year: 2026 });
    expect(plan).toMatchObject({ issuerId: ubnd.id, signer: { name: 'Phạm Duy Hưng' } });
    const forSo = await call<{ issuerId: number; signer: { name: string } }>('createBlankPlan', { year: 2026, issuerId: snv.id });
    expect(forSo).toMatchObject({ issuerId: snv.id, signer: { name: 'Lê Thị Hoa' } });
    const cv = await call<{ id: number; issuerId: number; content: { unit: string; signer: { name: string } } }>('createDraft', { kind: 'cong-van', year: 2026, template: null, issuerId: snv.id });
    expect(cv).toMatchObject({ issuerId: snv.id, content: { unit: 'CCHC', signer: { name: 'Lê Thị Hoa' } } });
    expect(await call('duplicateDraft', { id: cv.id })).toMatchObject({ issuerId: snv.id });
    expect(await call('duplicatePlan', { id: plan.id })).toMatchObject({ issuerId: ubnd.id });
    const unknown = await refusal(call('createDraft', { kind: 'chi-thi', year: 2026, template: null, issuerId: 999 }));
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('Không tìm thấy cơ quan ban hành số 999') });
  });

  it('changes the issuer of a draft, keeps it when the save does not name one, and refuses it once issued', async () => {
    const { ubnd, snv } = await twoIssuers();
    const d = await call<{ id: number; revision: number; title: string; draftYear: number; content: unknown }>('createDraft', { kind: 'chi-thi', year: 2026, template: null });
    const fields = { id: d.id, title: d.title, draftYear: d.draftYear, content: d.content };
    const moved = await call<{ revision: number; issuerId: number }>('saveDraft', { ...fields, revision: d.revision, issuerId: snv.id });
    expect(moved.issuerId).toBe(snv.id);
    const kept = await call<{ revision: number; issuerId: number }>('saveDraft', { ...fields, revision: moved.revision });
    expect(kept.issuerId).toBe(snv.id);
    await backend.database.db.updateTable('documents').set({ status: 'issued', number: 3, issued_date: '2026-03-05' }).where('id', '=', d.id).execute();
    const refused = await refusal(call('saveDraft', { ...fields, revision: kept.revision, issuerId: ubnd.id }));
    expect(refused.code).toBe('CONFLICT');
    expect((await call<{ issuerId: number }>('getDraft', { id: d.id })).issuerId).toBe(snv.id);
  });

  it('gives signer profiles an issuer, or none (shared)', async () => {
    const { snv } = await twoIssuers();
    const shared = await call<{ issuerId: number | null }>('saveSignerProfile', { label: 'Chủ tịch ký', signer: VALID_PROFILE.signer });
    expect(shared.issuerId).toBeNull();
    const own = await call<{ id: number; revision: number; issuerId: number | null }>('saveSignerProfile', { label: 'Giám đốc Sở', signer: SO_NOI_VU.signer, issuerId: snv.id });
    expect(own.issuerId).toBe(snv.id);
    // an update that does not name the issuer keeps it
    expect(await call('saveSignerProfile', { id: own.id, revision: own.revision, label: 'Giám đốc Sở ký', signer: SO_NOI_VU.signer })).toMatchObject({ issuerId: snv.id });
  });
});
