import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '../../electron/db/connection';
import { createDispatcher, type Dispatch } from '../../electron/services/dispatch';
import { createHandlers } from '../../electron/services/handlers';
import type { Draft } from '../../shared/drafts';
import type { FileContent } from '../../shared/files';
import { planInput, type Plan } from '../../shared/plans';
import type { Round, SubmissionImportFile, Tracking } from '../../shared/reports';
import { checkNd30 } from '../documents/nd30-checker';
import { VALID_PROFILE } from '../fixtures/profile';

const AGENCIES = 150;
const TASKS = 300;
let database: AppDatabase;
let dispatch: Dispatch;
let agencyIds: number[] = [];
let plan: Plan;
let round: Round;
let otherRound: Round;
let forms: Map<number, FileContent>;

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await dispatch(name, input);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.data as T;
}

const time = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
  const start = performance.now();
  const result = await work();
  console.log(`${label}: ${Math.round(performance.now() - start)} ms`);
  return result;
};

/** Fills a returned form as an agency would; `edit` may also tamper with it. */
async function fill(form: FileContent, status: string, edit?: (sheet: ExcelJS.Worksheet) => void): Promise<FileContent> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(form.base64, 'base64') as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Báo cáo')!;
  for (let r = 7; sheet.getCell(r, 2).value; r++) {
    sheet.getCell(r, 5).value = status;
    sheet.getCell(r, 6).value = 'Đã ban hành kế hoạch triển khai và tổ chức thực hiện.';
    sheet.getCell(r, 7).value = 'Số 15/KH-SNV';
  }
  edit?.(sheet);
  return { fileName: form.fileName, base64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64') };
}

beforeAll(async () => {
  database = openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'noivu-reporting-')), 'noivu.sqlite'));
  dispatch = createDispatcher(createHandlers({ database, version: 'test', transport: 'web' }));
  await call('saveIssuer', VALID_PROFILE);
  for (let i = 0; i < AGENCIES; i++) {
    const a = await call<{ id: number }>('saveAgency', {
      agency: { fullName: `Ủy ban nhân dân xã Số ${i + 1}`, shortName: `UBND xã Số ${i + 1}`, abbreviation: '', tier: 'ubnd-xa', parentId: null, protocolOrder: i, email: '', phone: '', validFrom: null, validTo: null, replacedById: null },
      confirmDuplicate: true,
    });
    agencyIds.push(a.id);
  }
  plan = await call<Plan>('createBlankPlan', { year: 2024 });
  const tasks = Array.from({ length: TASKS }, (_, i) => ({
    componentId: null,
    componentLabel: `Nội dung ${1 + (i % 8)}`,
    content: `Nhiệm vụ số ${i + 1}: thực hiện giải pháp nâng cao chỉ số.`,
    lead: { type: 'agency', agencyId: agencyIds[i % AGENCIES]! },
    coordinators: i % 3 === 0 ? [{ type: 'agency', agencyId: agencyIds[(i + 7) % AGENCIES]! }] : [],
    deadline: { kind: 'trong-nam', year: 2024 },
    expectedOutput: '',
  }));
  plan = await call<Plan>('savePlan', { ...planInput(plan), tasks });
  round = await call<Round>('saveRound', { planId: plan.id, kind: 'nam', name: 'Năm 2024', periodFrom: '2023-12-15', periodTo: '2024-12-14', dueDate: '2024-12-12' });
  otherRound = await call<Round>('saveRound', { planId: plan.id, kind: '6-thang', name: '6 tháng 2024', periodFrom: '2023-12-15', periodTo: '2024-06-14', dueDate: '2024-06-20' });
}, 120_000);

afterAll(() => database?.close());

describe(`reporting loop with ${AGENCIES} agencies and ${TASKS} tasks`, () => {
  it('generates one form per agency, with its tasks locked and the status as a drop-down', async () => {
    const tracking = await call<Tracking>('getRoundTracking', { roundId: round.id });
    expect(tracking.agencies).toHaveLength(AGENCIES);
    expect(tracking.totalTasks).toBe(TASKS);
    forms = new Map();
    await time(`generate ${AGENCIES} forms`, async () => {
      for (const a of tracking.agencies) forms.set(a.agencyId, await call<FileContent>('generateReportForm', { roundId: round.id, agencyId: a.agencyId }));
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(forms.get(agencyIds[0]!)!.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Báo cáo')!;
    expect(sheet.getCell('C7').value).toBe('Nhiệm vụ số 1: thực hiện giải pháp nâng cao chỉ số.');
    expect(sheet.getCell('E7').dataValidation?.type).toBe('list');
    expect(sheet.getCell('C7').protection?.locked).not.toBe(false);
    expect(sheet.getCell('E7').protection?.locked).toBe(false);
    expect(workbook.getWorksheet('_noivu')?.state).toBe('veryHidden');
    expect(workbook.getWorksheet('Hướng dẫn')).toBeDefined();
    const zip = await call<FileContent>('zipFiles', { files: [...forms.values()].slice(0, 3), fileName: 'bieu-mau.zip' });
    expect(Object.keys((await JSZip.loadAsync(Buffer.from(zip.base64, 'base64'))).files)).toHaveLength(3);
  });

  it('imports a realistic mix of returned files with the expected results, each file all or nothing', async () => {
    const valid = await Promise.all(agencyIds.slice(0, 100).map((id, i) => fill(forms.get(id)!, i % 4 === 0 ? 'Đang thực hiện trong hạn' : 'Hoàn thành đúng hạn')));
    const late = await Promise.all(agencyIds.slice(100, 120).map((id) => fill(forms.get(id)!, 'Hoàn thành quá hạn')));
    const tampered = await Promise.all(agencyIds.slice(120, 125).map((id) => fill(forms.get(id)!, 'Hoàn thành đúng hạn', (s) => (s.getCell('C7').value = 'Nhiệm vụ đã bị sửa'))));
    const badStatus = await fill(forms.get(agencyIds[125]!)!, 'Xong rồi');
    const wrongRound = await Promise.all(
      agencyIds.slice(126, 130).map(async (id) => fill(await call<FileContent>('generateReportForm', { roundId: otherRound.id, agencyId: id }), 'Hoàn thành đúng hạn')),
    );
    const notAForm = { fileName: 'thu-moi.xlsx', base64: Buffer.from('không phải excel').toString('base64') };

    const onTime = await time('check and import 100 on-time forms', () =>
      importAt([...valid, ...tampered, badStatus, ...wrongRound, notAForm], '2024-12-10T08:00:00.000Z'),
    );
    expect(onTime.filter((f) => f.applied)).toHaveLength(100);
    expect(onTime.slice(100, 105).every((f) => !f.applied && f.errors.some((e) => e.includes('ô đã khóa')))).toBe(true);
    expect(onTime[105]!.applied).toBe(false);
    expect(onTime[105]!.rows.every((r) => r.error === 'Tình trạng "Xong rồi" không có trong danh sách.')).toBe(true);
    expect(onTime.slice(106, 110).every((f) => f.errors.includes('Biểu mẫu thuộc kỳ báo cáo khác.'))).toBe(true);
    expect(onTime[110]!.errors[0]).toMatch(/không phải là tệp Excel/);
    const lateResult = await importAt(late, '2024-12-15T08:00:00.000Z');
    expect(lateResult.every((f) => f.applied && f.onTime === false)).toBe(true);

    // a second submission from an agency replaces its first, which stays in the history
    const again = await importAt([await fill(forms.get(agencyIds[0]!)!, 'Hoàn thành quá hạn')], '2024-12-11T08:00:00.000Z');
    expect(again[0]).toMatchObject({ applied: true, replaces: true });
    expect(again[0]!.rows[0]!.change).toBe('Đang thực hiện trong hạn → Hoàn thành quá hạn');
    const history = await database.db.selectFrom('report_submissions').select(['current']).where('agency_id', '=', agencyIds[0]!).where('round_id', '=', round.id).execute();
    expect(history.map((h) => h.current).sort()).toEqual([0, 1]);

    const tracking = await call<Tracking>('getRoundTracking', { roundId: round.id });
    const submitted = tracking.agencies.filter((a) => a.submittedAt);
    expect(submitted).toHaveLength(120);
    expect(submitted.filter((a) => a.onTime)).toHaveLength(100);
    expect(tracking.agencies.filter((a) => !a.submittedAt)).toHaveLength(30);
    expect(tracking.reportedTasks).toBe(240);
  });

  it('builds the consolidated report and the reminder to exactly the missing agencies, both in ND30 format', async () => {
    await call('saveReportTexts', { id: round.id, revision: round.revision, texts: { results: 'Các cơ quan đã tích cực triển khai.', shortcomings: '', nextTasks: '', proposals: '' } });
    const report = await time('consolidated report .docx', () => call<FileContent>('exportRoundReportDocx', { roundId: round.id }));
    const buffer = Buffer.from(report.base64, 'base64');
    expect(await checkNd30(buffer)).toEqual([]);
    const xml = await (await JSZip.loadAsync(buffer)).file('word/document.xml')!.async('string');
    expect(xml).toContain('120/150 cơ quan, đơn vị đã gửi báo cáo (100 đúng hạn, 20 quá hạn)');
    expect(xml).toContain('TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ');
    const sheet = await call<FileContent>('exportRoundReportXlsx', { roundId: round.id });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(sheet.base64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Kết quả nhiệm vụ', 'Tình hình gửi báo cáo']);
    expect(workbook.worksheets[1]!.rowCount).toBe(AGENCIES + 1);

    const reminder = await call<Draft>('createReminderForRound', { roundId: round.id });
    expect(reminder.content.kind === 'cong-van' && reminder.content.recipients.length).toBe(30);
    const letter = await call<FileContent>('exportRecordDocx', { recordType: 'document', id: reminder.id });
    expect(await checkNd30(Buffer.from(letter.base64, 'base64'))).toEqual([]);
    const letterXml = await (await JSZip.loadAsync(Buffer.from(letter.base64, 'base64'))).file('word/document.xml')!.async('string');
    expect(letterXml).toContain('trước ngày 12/12/2024');
    expect(letterXml).toContain('Ủy ban nhân dân xã Số 150');
    expect(letterXml).not.toContain('Ủy ban nhân dân xã Số 1;');
  });
});

async function importAt(files: FileContent[], receivedAt: string): Promise<SubmissionImportFile[]> {
  const { importReportForms } = await import('../../electron/services/report-forms');
  return importReportForms(database.db, { roundId: round.id, files, apply: true, receivedAt });
}
