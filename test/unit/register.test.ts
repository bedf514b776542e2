import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { copyCount, splitDistribution } from '../../electron/services/register-export';
import type { Draft } from '../../shared/drafts';
import type { RegisterEntry, RegisterFilter } from '../../shared/register';
import { foldVietnamese } from '../../shared/text';
import { VALID_PROFILE } from '../fixtures/profile';
import { useTestBackend } from '../fixtures/backend';

const { backend, call } = useTestBackend('register');

const ALL: RegisterFilter = { query: '', kind: null, year: null, issuerId: null, status: null };
const list = (filter: Partial<RegisterFilter>) => call<RegisterEntry[]>('listRegister', { ...ALL, ...filter });
const saveFields = (d: Draft) => ({ id: d.id, revision: d.revision, title: d.title, draftYear: d.draftYear, content: d.content });

interface Issue {
  number: number;
  code: string;
  date: string;
  signer?: string;
  recipients?: string;
  kinhGui?: string[];
  withdrawn?: { at: string; reason: string };
}

/** An issue as the lifecycle stores it (allocation, frozen copy, record state), written directly in SQL. */
function issue(recordType: 'plan' | 'document', id: number, kind: string, i: Issue): void {
  const { sqlite } = backend.database;
  const table = recordType === 'plan' ? 'plans' : 'documents';
  const record = sqlite.prepare(`SELECT coalesce(issuer_id, 1) AS issuer_id, title FROM ${table} WHERE id = ?`).get(id) as { issuer_id: number; title: string };
  const series = (sqlite.prepare('SELECT series_id FROM number_series_kinds WHERE issuer_id = ? AND kind = ?').get(record.issuer_id, kind) as { series_id: number }).series_id;
  const year = Number(i.date.slice(0, 4));
  sqlite.prepare('INSERT OR IGNORE INTO number_allocations (series_id, year, number, record_type, record_id, allocated_at) VALUES (?, ?, ?, ?, ?, ?)').run(series, year, i.number, recordType, id, i.date);
  sqlite
    .prepare(
      `INSERT INTO issued_copies (record_type, record_id, kind, issuer_id, series_id, year, number, code, issued_date, title, signer_name, recipients_text,
                                  drafting_unit, model_json, docx, sha256, issued_by, issued_at, withdrawn_at, withdrawn_by, withdraw_reason)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'NV', ?, x'00', 'ab', 'Văn thư', ?, ?, ?, ?)`,
    )
    .run(recordType, id, kind, record.issuer_id, series, year, i.number, i.code, i.date, record.title, i.signer ?? '', i.recipients ?? '',
      JSON.stringify({ recipients: i.kinhGui ?? [] }), i.date, i.withdrawn?.at ?? null, i.withdrawn ? 'Văn thư' : null, i.withdrawn?.reason ?? null);
  if (i.withdrawn) sqlite.prepare(`UPDATE ${table} SET status = 'draft' WHERE id = ?`).run(id);
  else sqlite.prepare(`UPDATE ${table} SET status = 'issued', number = ?, issued_date = ?, code = ? WHERE id = ?`).run(i.number, i.date, i.code, id);
}

async function congVan(title: string, year = 2026): Promise<Draft> {
  const d = await call<Draft>('createDraft', { kind: 'cong-van', year, template: null });
  return call<Draft>('saveDraft', { ...saveFields(d), title });
}

/** The fixture of most tests: issued công văn 1250/UBND-NV, a plan 01/KH-UBND, a draft, a withdrawn công văn. */
async function setup() {
  await call('saveIssuer', VALID_PROFILE);
  const nv = await congVan('rà soát, sắp xếp biên chế năm 2026');
  issue('document', nv.id, 'cong-van', { number: 1250, code: 'UBND-NV', date: '2026-03-05', signer: 'Phạm Duy Hưng', recipients: 'Nơi nhận:\n- Như trên;\n- TT Tỉnh ủy (b/c);\n- Lưu: VT, NV (Vân).', kinhGui: ['Sở Tư pháp', 'Sở Y tế'] });
  const plan = await call<{ id: number }>('createBlankPlan', { year: 2026 });
  backend.database.sqlite.prepare("UPDATE plans SET title = 'Kế hoạch cải cách hành chính năm 2026', search_key = ? WHERE id = ?").run(foldVietnamese('Kế hoạch cải cách hành chính năm 2026'), plan.id);
  issue('plan', plan.id, 'ke-hoach', { number: 1, code: 'KH-UBND', date: '2026-01-10', signer: 'Phạm Duy Hưng' });
  const draft = await congVan('tăng cường kỷ luật hành chính');
  const corrected = await congVan('đôn đốc báo cáo biên chế');
  issue('document', corrected.id, 'cong-van', { number: 7, code: 'UBND-NV', date: '2026-02-01', withdrawn: { at: '2026-02-03T08:00:00Z', reason: 'sai tên cơ quan nhận' } });
  return { nv, plan, draft, corrected };
}

describe('listRegister', () => {
  it('finds a document by its number, by number and ký hiệu (also padded), and by words without diacritics', async () => {
    const { nv, plan } = await setup();
    const ids = async (query: string) => (await list({ query })).map((e) => `${e.kind}:${e.id}`);
    expect(await ids('1250')).toEqual([`cong-van:${nv.id}`]);
    expect(await ids('1250/UBND')).toEqual([`cong-van:${nv.id}`]);
    expect(await ids('1250/ubnd-nv')).toEqual([`cong-van:${nv.id}`]);
    expect(await ids('1250/UBND-NCPC')).toEqual([]);
    expect(await ids('01/KH')).toEqual([`ke-hoach:${plan.id}`]);
    expect(await ids('1/KH-UBND')).toEqual([`ke-hoach:${plan.id}`]);
    expect(await ids('ra soat bien che')).toEqual([`cong-van:${nv.id}`]);
    expect(await ids('RÀ SOÁT')).toEqual([`cong-van:${nv.id}`]);
    // word prefixes only: "oat" is inside "soát", not the start of a word
    expect(await ids('oat')).toEqual([]);
  });

  it('returns the columns of the register with the issue, issuer, signer, status and history counts', async () => {
    const { nv, corrected, draft } = await setup();
    const all = await list({});
    const byId = (id: number) => all.find((e) => e.kind === 'cong-van' && e.id === id)!;
    expect(byId(nv.id)).toMatchObject({ number: 1250, code: 'UBND-NV', issuedDate: '2026-03-05', status: 'issued', year: 2026, issuerId: 1, signerName: 'Phạm Duy Hưng', issuedCount: 1, withdrawnCount: 0 });
    expect(byId(nv.id).issuerLabel).toBe('Ủy ban nhân dân tỉnh Bắc Kạn');
    expect(byId(corrected.id)).toMatchObject({ status: 'withdrawn', number: 7, code: 'UBND-NV', issuedCount: 1, withdrawnCount: 1 });
    expect(byId(draft.id)).toMatchObject({ status: 'draft', number: null, code: '', issuedDate: null, issuedCount: 0, signerName: 'Phạm Duy Hưng' });
    // issued first, newest date first; then drafts by their last edit
    expect(all.map((e) => [e.status, e.number])).toEqual([['issued', 1250], ['issued', 1], ['withdrawn', 7], ['draft', null]]);
  });

  it('filters by status (withdrawn included), kind, year and issuer', async () => {
    const { corrected, draft, plan } = await setup();
    expect((await list({ status: 'withdrawn' })).map((e) => e.id)).toEqual([corrected.id]);
    expect((await list({ status: 'draft' })).map((e) => e.id)).toEqual([draft.id]);
    expect((await list({ status: 'issued' })).map((e) => e.number)).toEqual([1250, 1]);
    expect((await list({ kind: 'ke-hoach' })).map((e) => e.id)).toEqual([plan.id]);
    expect(await list({ year: 2025 })).toEqual([]);
    expect(await list({ year: 2026 })).toHaveLength(4);
    const now = new Date().toISOString();
    backend.database.sqlite
      .prepare("INSERT INTO issuers (id, label, issuer_name, issuer_abbr, place, signer_json, search_key, created_at, updated_at) VALUES (2, 'Sở Nội vụ', 'Sở Nội vụ', 'SNV', 'Bắc Kạn', '{}', 'so noi vu', ?, ?)")
      .run(now, now);
    backend.database.sqlite.prepare('UPDATE documents SET issuer_id = 2 WHERE id = ?').run(draft.id);
    expect((await list({ issuerId: 2 })).map((e) => [e.id, e.issuerLabel])).toEqual([[draft.id, 'Sở Nội vụ']]);
    expect(await list({ issuerId: 2, status: 'issued' })).toEqual([]);
  });

  it('refuses a filter it does not know, with a message naming the field', async () => {
    await expect(list({ status: 'deleted' as never })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('Trạng thái') });
    await expect(list({ query: 'x'.repeat(201) })).rejects.toMatchObject({ code: 'VALIDATION', message: 'Từ khóa: dài quá 200 ký tự' });
    await expect(list({ issuerId: 0 })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/^Cơ quan ban hành: /) });
  });

  it('searches 2,000 records in SQL on the folded search_key column, not on titles folded in JavaScript', async () => {
    await call('saveIssuer', VALID_PROFILE);
    const { sqlite } = backend.database;
    const insert = sqlite.prepare("INSERT INTO documents (kind, title, draft_year, content_json, search_key, created_at, updated_at, issuer_id) VALUES ('cong-van', ?, 2026, ?, ?, ?, ?, 1)");
    const content = JSON.stringify({ signer: { name: 'Người ký' } });
    sqlite.transaction(() => {
      for (let n = 1; n <= 2000; n++) {
        const title = n % 100 === 0 ? `rà soát đội ngũ số ${n}` : `báo cáo công tác số ${n}`;
        insert.run(title, content, foldVietnamese(title), `2026-01-01T00:00:${String(n % 60).padStart(2, '0')}Z`, '2026-01-01T00:00:00Z');
      }
    })();
    expect(await list({ query: 'ra soat doi ngu' })).toHaveLength(20);
    expect(await list({})).toHaveLength(2000);
    // the title says "rà soát" but the folded column does not: only a search on the column misses it
    sqlite.prepare("UPDATE documents SET search_key = 'khong lien quan' WHERE title = 'rà soát đội ngũ số 100'").run();
    expect(await list({ query: 'ra soat doi ngu' })).toHaveLength(19);
  });
});

describe('exportRegisterXlsx', () => {
  it('lays out the sổ đăng ký văn bản đi with only issued records, in number order, corrections in Ghi chú', async () => {
    const { nv } = await setup();
    // the withdrawn công văn 7 reissued under the same number
    const corrected = (await list({ status: 'withdrawn' }))[0]!;
    issue('document', corrected.id, 'cong-van', { number: 7, code: 'UBND-NV', date: '2026-02-05', recipients: '- Lưu: VT, NV.' });
    const file = await call<{ fileName: string; base64: string }>('exportRegisterXlsx', { ...ALL, year: 2026 });
    expect(file.fileName).toBe('so-dang-ky-van-ban-di-2026.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(sheet.getCell('A1').value).toBe('SỔ ĐĂNG KÝ VĂN BẢN ĐI');
    expect(sheet.getCell('A2').value).toBe('Ủy ban nhân dân tỉnh Bắc Kạn — Năm 2026');
    expect(values(3)).toEqual(['Số, ký hiệu văn bản', 'Ngày tháng văn bản', 'Tên loại và trích yếu nội dung văn bản', 'Người ký', 'Nơi nhận văn bản', 'Đơn vị, người nhận bản lưu', 'Số lượng bản', 'Ghi chú']);
    expect(sheet.rowCount).toBe(6);
    expect(values(4).slice(0, 3)).toEqual(['01/KH-UBND', '10/01/2026', 'Kế hoạch Kế hoạch cải cách hành chính năm 2026']);
    expect(values(5)[0]).toBe('07/UBND-NV');
    expect(values(5)[7]).toBe('Đính chính; bản số 07/UBND-NV ngày 01/02/2026 thu hồi: sai tên cơ quan nhận');
    expect(values(6)).toEqual([
      '1250/UBND-NV',
      '05/03/2026',
      `Công văn V/v ${nv.title}`,
      'Phạm Duy Hưng',
      'Như trên;\nTT Tỉnh ủy (b/c);',
      'VT, NV (Vân)',
      5,
      '',
    ]);
  });

  it('counts copies: Như trên for each Kính gửi recipient, one per line, one per Lưu unit', () => {
    expect(copyCount('Nơi nhận:\n- Như trên;\n- TT Tỉnh ủy (b/c);\n- Lưu: VT, NV (Vân).', 2)).toBe(5);
    expect(copyCount('- Như trên;\n- Lưu: VT.', null)).toBe(2);
    expect(copyCount('', null)).toBeNull();
    expect(splitDistribution('Nơi nhận:\nGửi bản điện tử:\n- Sở Y tế;\n- Lưu: VT, NV.')).toEqual({ recipients: ['Sở Y tế;'], archive: 'VT, NV' });
  });
});
