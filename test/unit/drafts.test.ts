import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it, vi } from 'vitest';
import type { DesktopPort } from '../../electron/services/files';
import type { Draft } from '../../shared/drafts';
import { checkNd30 } from '../documents/nd30-checker';
import { VALID_PROFILE } from '../fixtures/profile';
import { useTestBackend } from '../fixtures/backend';


const opened: string[] = [];
let nextSavePath: string | null = null;
const desktop: DesktopPort = {
  chooseSavePath: async () => nextSavePath,
  chooseFolder: async () => null,
  chooseOpenFile: async () => null,
  openPath: async (file) => void opened.push(file),
};

const { backend, call } = useTestBackend('drafts', { transport: 'electron', desktop });

async function documentXml(base64: string): Promise<string> {
  return (await JSZip.loadAsync(Buffer.from(base64, 'base64'))).file('word/document.xml')!.async('string');
}

async function setup() {
  await call('saveIssuer', VALID_PROFILE);
  await call('loadSampleAgencies', {});
  const agencies = await call<{ id: number; shortName: string }[]>('listAgencies', { query: '', tier: null, includeInactive: false });
  return (name: string) => ({ type: 'agency' as const, agencyId: agencies.find((a) => a.shortName === name)!.id });
}

const saveFields = (d: Draft) => ({ id: d.id, revision: d.revision, title: d.title, draftYear: d.draftYear, content: d.content });

/** A công văn complete enough to issue (a body and a Nơi nhận line). */
async function readyCongVan(unit = ''): Promise<Draft> {
  const d = await call<Draft>('createDraft', { kind: 'cong-van', year: 2024, template: null });
  if (d.content.kind !== 'cong-van') throw new Error('công văn expected');
  const content = { ...d.content, ...(unit ? { unit } : {}), body: [{ type: 'paragraph', text: 'Đề nghị các cơ quan thực hiện.' }], distribution: { lines: [{ type: 'text', text: 'Các sở, ban, ngành', note: '' }], options: d.content.distribution.options } };
  return call<Draft>('saveDraft', { ...saveFields(d), title: 'tăng cường kỷ luật hành chính', content });
}

describe('Công văn', () => {
  it('starts from the reminder template and exports an ND30 letter with Kính gửi and "Như trên"', async () => {
    const agency = await setup();
    const draft = await call<Draft>('createDraft', {
      kind: 'cong-van',
      year: 2024,
      template: { template: 'don-doc-bao-cao', recipients: [agency('Sở Tư pháp'), agency('Sở Y tế')], subject: 'báo cáo kết quả thực hiện Kế hoạch năm 2024', deadline: '2024-12-12' },
    });
    expect(draft.title).toBe('đôn đốc báo cáo kết quả thực hiện Kế hoạch năm 2024');
    const file = await call<{ fileName: string; base64: string }>('exportRecordDocx', { recordType: 'document', id: draft.id });
    expect(await checkNd30(Buffer.from(file.base64, 'base64'))).toEqual([]);
    const xml = await documentXml(file.base64);
    for (const text of ['V/v đôn đốc báo cáo kết quả', 'Kính gửi:', '- Sở Tư pháp tỉnh Bắc Kạn;', '- Sở Y tế tỉnh Bắc Kạn.', '- Như trên;', 'trước ngày 12/12/2024', 'Số:', '/UBND-NV']) {
      expect(xml).toContain(text);
    }
  });

  it('numbers every công văn in one series per year, whatever the drafting unit', async () => {
    await setup();
    const a = await readyCongVan();
    const b = await readyCongVan();
    const cc = await readyCongVan('CCHC');
    const c = cc;
    await call('issueRecord', { recordType: 'document', id: a.id, revision: a.revision, number: 123, date: '2024-06-10' });
    await expect(call('issueRecord', { recordType: 'document', id: b.id, revision: b.revision, number: 123, date: '2024-09-01' })).rejects.toThrow('Số 123 năm 2024 của sổ "Công văn" đã cấp cho Công văn số 123/UBND-NV');
    await expect(call('issueRecord', { recordType: 'document', id: c.id, revision: cc.revision, number: 123, date: '2024-09-01' })).rejects.toThrow(/đã cấp cho Công văn số 123\/UBND-NV/);
    await call('issueRecord', { recordType: 'document', id: b.id, revision: b.revision, number: 123, date: '2025-01-05' });
    await expect(call('saveDraft', saveFields(a))).rejects.toThrow(/đã ban hành nên chỉ xem được/);
  });
});

describe('Chỉ thị', () => {
  it('numbers the assignments itself and prints each addressee in bold', async () => {
    const agency = await setup();
    const draft = await call<Draft>('createDraft', { kind: 'chi-thi', year: 2024, template: null });
    const content = {
      ...draft.content,
      preamble: [{ type: 'paragraph', text: 'Năm 2023, công tác cải cách hành chính được quan tâm.' }],
      assignments: [
        { addressee: { type: 'text', text: 'Giám đốc các sở, Thủ trưởng các ban, ngành' }, text: '', items: [{ type: 'item', marker: '-', text: 'Quyết liệt hơn trong chỉ đạo.' }] },
        { addressee: agency('Sở Tư pháp'), text: 'Nâng cao chất lượng thẩm định văn bản.', items: [] },
      ],
      closing: 'Chủ tịch UBND tỉnh yêu cầu các cơ quan thực hiện nghiêm túc Chỉ thị này.',
      distribution: { lines: [{ type: 'text', text: 'Vụ CCHC - Bộ Nội vụ', note: '' }], options: { electronic: true, withKinhGui: false, drafter: 'Vân' } },
    };
    await call('saveDraft', { ...saveFields(draft), title: 'Về việc nâng cao sự hài lòng của người dân', content });
    const file = await call<{ base64: string }>('exportRecordDocx', { recordType: 'document', id: draft.id });
    expect(await checkNd30(Buffer.from(file.base64, 'base64'))).toEqual([]);
    const xml = await documentXml(file.base64);
    expect(xml).toMatch(/<w:b\/>.*?1\. Giám đốc các sở, Thủ trưởng các ban, ngành:/s);
    expect(xml).toContain('2. Sở Tư pháp:');
    expect(xml).toContain('thực hiện nghiêm túc Chỉ thị này./.');
    expect(xml).toContain('- Lưu: VT, NV (Vân).');
  });
});

describe('register and files', () => {
  it('lists every kind, searches without diacritics, filters by kind and status', async () => {
    await setup();
    const cv = await call<Draft>('createDraft', { kind: 'cong-van', year: 2024, template: null });
    await call('saveDraft', { ...saveFields(cv), title: 'triển khai Kế hoạch cải cách hành chính' });
    await call('createDraft', { kind: 'chi-thi', year: 2024, template: null });
    await call('createBlankPlan', { year: 2024 });
    const all = await call<{ kind: string }[]>('listRegister', { query: '', kind: null, year: null, issuerId: null, status: null });
    expect(all.map((e) => e.kind).sort()).toEqual(['chi-thi', 'cong-van', 'ke-hoach']);
    expect(await call<{ id: number }[]>('listRegister', { query: 'cai cach hanh chinh', kind: null, year: 2024, issuerId: null, status: 'draft' })).toHaveLength(1);
    expect(await call('listRegister', { query: '', kind: 'cong-van', year: null, issuerId: null, status: 'issued' })).toEqual([]);
  });

  it('saves an export where the user chose, atomically, and refuses a file held open elsewhere', async () => {
    await setup();
    const target = path.join(backend.dir, 'cong-van.docx');
    fs.writeFileSync(target, 'bản cũ');
    nextSavePath = target;
    const file = { fileName: 'cong-van.docx', base64: Buffer.from('bản mới').toString('base64') };

    const rename = vi.spyOn(fs, 'renameSync').mockImplementationOnce(() => {
      throw Object.assign(new Error('resource busy or locked'), { code: 'EBUSY' });
    });
    await expect(call('saveExportedFile', { file })).rejects.toThrow(/đang được mở trong chương trình khác/);
    expect(fs.readFileSync(target, 'utf8')).toBe('bản cũ');
    expect(fs.readdirSync(backend.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    rename.mockRestore();

    expect(await call('saveExportedFile', { file })).toEqual({ saved: true, path: target });
    expect(fs.readFileSync(target, 'utf8')).toBe('bản mới');
    await call('openSavedFile', { path: target });
    expect(opened).toEqual([target]);
    await expect(call('openSavedFile', { path: '/etc/passwd' })).rejects.toThrow(/Chỉ mở được tệp vừa lưu/);
    nextSavePath = null;
    expect(await call('saveExportedFile', { file })).toEqual({ saved: false, path: null });
  });
});

describe('history and file names', () => {
  it('records who issued a document and when', async () => {
    await setup();
    const d = await readyCongVan();
    await call('issueRecord', { recordType: 'document', id: d.id, revision: d.revision, number: 7, date: '2024-04-02' });
    const events = await backend.database.db.selectFrom('document_events').selectAll().where('document_id', '=', d.id).orderBy('id').execute();
    expect(events.map((e) => e.action)).toEqual(['tạo', 'ban hành']);
    expect(events[1]!.detail).toMatch(/^Số 07\/UBND-NV, ngày 02\/04\/2024 — người thực hiện: .+@.+$/);
    expect(Date.parse(events[1]!.at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('keeps every file written into a chosen folder inside that folder', async () => {
    const { safeChild } = await import('../../electron/services/files');
    expect(safeChild(backend.dir, 'bao-cao.xlsx')).toBe(path.join(backend.dir, 'bao-cao.xlsx'));
    expect(path.dirname(safeChild(backend.dir, '../../etc/passwd'))).toBe(backend.dir);
    expect(path.dirname(safeChild(backend.dir, '..\\..\\Windows\\win.ini'))).toBe(backend.dir);
    expect(() => safeChild(backend.dir, '..')).toThrow(/không hợp lệ/);
  });
});
