import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '../../electron/db/connection';
import { createDispatcher, type Dispatch } from '../../electron/services/dispatch';
import { createHandlers } from '../../electron/services/handlers';
import { importReportForms } from '../../electron/services/report-import';
import { addDays, formatVnDate, todayIso } from '../../shared/dates';
import type { Draft } from '../../shared/drafts';
import type { FileContent } from '../../shared/files';
import { planInput, type Plan } from '../../shared/plans';
import type { AcceptedExtra, Round, RoundAnswer, SubmissionImportFile, Tracking } from '../../shared/reports';
import { checkNd30 } from '../documents/nd30-checker';
import { VALID_PROFILE } from '../fixtures/profile';

const AGENCIES = 150;
const TASKS = 300;
let database: AppDatabase;
let dispatch: Dispatch;
const agencyIds: number[] = [];
let plan: Plan;
let round: Round;
let otherRound: Round;
let forms: Map<number, FileContent>;
/** Every narrative answer of every file that was recorded, to find again in the .docx and the .xlsx. */
const written = new Set<string>();
const acceptedExtras: string[] = [];
const droppedExtras: string[] = [];

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

const load = async (file: FileContent) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  return workbook;
};

/** The answers an agency writes for one task: each text unique, so each can be found in the outputs. */
const narrative = (taskId: string, tag: string) => ({
  evidence: `Số ${taskId}/${tag}-VB`,
  difficulties: `Khó khăn ${tag} về nhiệm vụ mã ${taskId}: thiếu nhân lực`,
  proposals: `Kiến nghị ${tag} cho nhiệm vụ mã ${taskId}: bổ sung kinh phí`,
});

interface Edits {
  rename?: string;
  reverse?: boolean;
  addRows?: string[];
  tamper?: (sheet: ExcelJS.Worksheet) => void;
}

/** Fills a returned form as an agency would, with narrative answers; `edits` do what Excel users do. */
async function fill(form: FileContent, status: string, tag: string, edits: Edits = {}): Promise<{ file: FileContent; texts: string[] }> {
  const workbook = await load(form);
  const sheet = workbook.getWorksheet('Báo cáo')!;
  const texts: string[] = [];
  let last = 7;
  for (let r = 7; sheet.getCell(r, 2).value; r++) {
    const n = narrative(String(sheet.getCell(r, 2).value), tag);
    sheet.getCell(r, 5).value = status;
    sheet.getCell(r, 6).value = 'Đã ban hành kế hoạch triển khai và tổ chức thực hiện.';
    sheet.getCell(r, 7).value = n.evidence;
    sheet.getCell(r, 8).value = n.difficulties;
    sheet.getCell(r, 9).value = n.proposals;
    texts.push(n.evidence, n.difficulties, n.proposals);
    last = r;
  }
  if (edits.reverse) {
    const rows = Array.from({ length: last - 6 }, (_, i) => (sheet.getRow(7 + i).values as unknown[]).slice(1));
    rows.reverse().forEach((values, i) => values.forEach((v, c) => (sheet.getCell(7 + i, c + 1).value = v as ExcelJS.CellValue)));
  }
  edits.addRows?.forEach((content, i) => {
    const row = sheet.getRow(last + 1 + i);
    row.getCell(3).value = content;
    row.getCell(5).value = 'Hoàn thành đúng hạn';
    row.getCell(6).value = `Kết quả của ${content}`;
    row.getCell(8).value = `Khó khăn khi ${content}`;
  });
  edits.tamper?.(sheet);
  if (edits.rename) sheet.name = edits.rename;
  return { file: { fileName: form.fileName, base64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64') }, texts };
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
  const deadlines = [{ kind: 'trong-nam', year: 2024 }, { kind: 'quy', quarter: 2, year: 2024 }, { kind: 'ngay', date: '2024-09-30' }, { kind: 'thuong-xuyen' }];
  const tasks = Array.from({ length: TASKS }, (_, i) => ({
    componentId: null,
    componentLabel: `Nội dung ${1 + (i % 8)}`,
    content: `Nhiệm vụ số ${i + 1}: thực hiện giải pháp nâng cao chỉ số.`,
    lead: { type: 'agency', agencyId: agencyIds[i % AGENCIES]! },
    coordinators: i % 3 === 0 ? [{ type: 'agency', agencyId: agencyIds[(i + 7) % AGENCIES]! }] : [],
    deadline: deadlines[i % deadlines.length],
    expectedOutput: '',
  }));
  plan = await call<Plan>('savePlan', {
    ...planInput(plan),
    title: 'Kế hoạch cải cách hành chính năm 2024',
    tasks,
    distribution: { lines: [{ type: 'text', text: 'Các cơ quan, đơn vị tại Phụ lục', note: '' }], options: plan.distribution.options },
  });
  await call('issueRecord', { recordType: 'plan', id: plan.id, revision: plan.revision, number: 12, date: '2024-01-15', keepNumber: false });
  round = await call<Round>('saveRound', { planId: plan.id, kind: 'nam', name: 'Năm 2024', periodFrom: '2023-12-15', periodTo: '2024-12-14', dueDate: '2024-12-12' });
  otherRound = await call<Round>('saveRound', { planId: plan.id, kind: '6-thang', name: '6 tháng 2024', periodFrom: '2023-12-15', periodTo: '2024-06-14', dueDate: '2024-06-20' });
}, 180_000);

afterAll(() => database?.close());

describe(`reporting loop with ${AGENCIES} agencies and ${TASKS} tasks`, () => {
  it('generates one form per agency, with its tasks locked, their ids hidden and the status as a drop-down', async () => {
    const tracking = await call<Tracking>('getRoundTracking', { roundId: round.id });
    expect(tracking.agencies).toHaveLength(AGENCIES);
    expect(tracking.totalTasks).toBe(TASKS);
    forms = new Map();
    await time(`forms out: ${AGENCIES} forms generated`, async () => {
      for (const a of tracking.agencies) forms.set(a.agencyId, await call<FileContent>('generateReportForm', { roundId: round.id, agencyId: a.agencyId }));
    });
    const workbook = await load(forms.get(agencyIds[0]!)!);
    const sheet = workbook.getWorksheet('Báo cáo')!;
    expect(sheet.getCell('C7').value).toBe('Nhiệm vụ số 1: thực hiện giải pháp nâng cao chỉ số.');
    expect(sheet.getCell('J7').value).toBe(`nv:${plan.tasks[0]!.id}`);
    expect(sheet.getColumn(10).hidden).toBe(true);
    expect(sheet.getCell('E7').dataValidation?.type).toBe('list');
    expect(sheet.getCell('C7').protection?.locked).not.toBe(false);
    expect(sheet.getCell('E7').protection?.locked).toBe(false);
    expect(workbook.getWorksheet('_noivu')?.state).toBe('veryHidden');
    expect(workbook.getWorksheet('Hướng dẫn')).toBeDefined();
    const zip = await call<FileContent>('zipFiles', { files: [...forms.values()].slice(0, 3), fileName: 'bieu-mau.zip' });
    expect(Object.keys((await JSZip.loadAsync(Buffer.from(zip.base64, 'base64'))).files)).toHaveLength(3);
  });

  it('imports a realistic mix of returned files: renamed sheets, moved and added rows accepted; everything else refused per file', async () => {
    const form = (i: number) => forms.get(agencyIds[i]!)!;
    const tag = (i: number) => `X${i + 1}`;
    const valid = await Promise.all(
      agencyIds.slice(0, 100).map((_, i) =>
        fill(form(i), i % 4 === 0 ? 'Đang thực hiện trong hạn' : 'Hoàn thành đúng hạn', tag(i), {
          rename: i < 30 ? `BC xa ${i + 1}` : undefined,
          reverse: i >= 30 && i < 60,
          addRows: i >= 60 && i < 70 ? [`Tập huấn bổ sung của xã ${i + 1}`] : undefined,
        }),
      ),
    );
    const late = await Promise.all(agencyIds.slice(100, 120).map((_, k) => fill(form(100 + k), 'Hoàn thành quá hạn', tag(100 + k))));
    const tampered = await Promise.all(agencyIds.slice(120, 125).map((_, k) => fill(form(120 + k), 'Hoàn thành đúng hạn', tag(120 + k), { tamper: (s) => (s.getCell('C7').value = 'Nhiệm vụ đã bị sửa') })));
    const badStatus = await fill(form(125), 'Xong rồi', tag(125));
    const wrongRound = await Promise.all(
      agencyIds.slice(126, 130).map(async (id, k) => fill(await call<FileContent>('generateReportForm', { roundId: otherRound.id, agencyId: id }), 'Hoàn thành đúng hạn', tag(126 + k))),
    );
    const deletedRow = await fill(form(130), 'Hoàn thành đúng hạn', tag(130), { tamper: (s) => s.spliceRows(7, 1) });
    const notAForm = { fileName: 'thu-moi.xlsx', base64: Buffer.from('không phải excel').toString('base64') };

    // The specialist accepts the added rows of five agencies and drops those of the other five.
    const accept: AcceptedExtra[] = valid.slice(60, 65).map((v, k) => ({ fileName: v.file.fileName, row: 7 + (v.texts.length / 3) }));
    const files = [...valid, ...tampered, badStatus, ...wrongRound, deletedRow].map((f) => f.file);
    const onTime = await time(`files in: check and record ${files.length + 1} returned files`, () => importAt([...files, notAForm], '2024-12-10T08:00:00.000Z', accept));
    expect(onTime.filter((f) => f.applied)).toHaveLength(100);
    for (const v of valid) v.texts.forEach((t) => written.add(t));
    // renamed sheets were found, reversed rows matched by their hidden ids
    expect(onTime.slice(0, 60).every((f) => f.applied && f.rows.every((r) => !r.error && !r.extra))).toBe(true);
    const added = onTime.slice(60, 70);
    expect(added.every((f) => f.applied && f.rows.filter((r) => r.extra).length === 1)).toBe(true);
    expect(added.slice(0, 5).every((f) => f.rows.find((r) => r.extra)!.change === 'Nhiệm vụ bổ sung: nhận')).toBe(true);
    expect(added.slice(5).every((f) => f.rows.find((r) => r.extra)!.change === 'Nhiệm vụ bổ sung: bỏ qua')).toBe(true);
    for (let i = 60; i < 70; i++) (i < 65 ? acceptedExtras : droppedExtras).push(`Tập huấn bổ sung của xã ${i + 1}`);
    // everything else that is wrong still refuses the whole file, with the row and the cause
    expect(onTime.slice(100, 105).every((f) => !f.applied && f.rows[0]!.error!.includes('Ô đã khóa'))).toBe(true);
    expect(onTime[105]!.applied).toBe(false);
    expect(onTime[105]!.rows.every((r) => r.error === 'Tình trạng "Xong rồi" không có trong danh sách.')).toBe(true);
    for (const [k, f] of onTime.slice(106, 110).entries()) {
      expect(f.applied).toBe(false);
      expect(f.errors).toEqual([`Biểu mẫu của UBND xã Số ${127 + k} thuộc kỳ báo cáo "6 tháng 2024" của kế hoạch "Kế hoạch cải cách hành chính năm 2024", không phải kỳ đang nhận. Hãy nhận tệp này ở kỳ báo cáo đó.`]);
    }
    expect(onTime[110]!.applied).toBe(false);
    expect(onTime[110]!.errors.join()).toMatch(/^Thiếu dòng của nhiệm vụ mã \d+: không được xóa dòng/);
    expect(onTime[111]!.errors[0]).toMatch(/không phải là tệp Excel/);

    // late files, received on a date the specialist sets (through the contract, as the screen sends it)
    const lateResult = await call<SubmissionImportFile[]>('importReportForms', { roundId: round.id, files: late.map((l) => l.file), apply: true, receivedDate: '2024-12-15' });
    expect(lateResult.every((f) => f.applied && f.onTime === false && f.receivedDate === '2024-12-15')).toBe(true);
    for (const l of late) l.texts.forEach((t) => written.add(t));

    // a second submission from an agency replaces its first, which stays in the history
    const again = await fill(form(0), 'Hoàn thành quá hạn', tag(0));
    const replaced = await importAt([again.file], '2024-12-11T08:00:00.000Z');
    expect(replaced[0]).toMatchObject({ applied: true, replaces: true });
    expect(replaced[0]!.rows[0]!.change).toBe('Đang thực hiện trong hạn → Hoàn thành quá hạn');
    const history = await database.db.selectFrom('report_submissions').select(['current']).where('agency_id', '=', agencyIds[0]!).where('round_id', '=', round.id).execute();
    expect(history.map((h) => h.current).sort()).toEqual([0, 1]);

    const tracking = await call<Tracking>('getRoundTracking', { roundId: round.id });
    const submitted = tracking.agencies.filter((a) => a.submittedAt);
    expect(submitted).toHaveLength(120);
    expect(submitted.filter((a) => a.onTime)).toHaveLength(100);
    expect(tracking.agencies.find((a) => a.agencyId === agencyIds[100])!.submittedAt!.slice(0, 10)).toBe('2024-12-15');
    expect(tracking.agencies.filter((a) => !a.submittedAt)).toHaveLength(30);
    expect(tracking.reportedTasks).toBe(240);
    // on-time categories: every task in one, per agency and overall
    expect(Object.values(tracking.onTimeCounts).reduce((a, b) => a + b, 0)).toBe(TASKS);
    for (const a of tracking.agencies) expect(Object.values(a.onTimeCounts).reduce((x, y) => x + y, 0)).toBe(a.tasks);
    expect(tracking.onTimeCounts['qua-han']).toBeGreaterThan(0);

    const answers = await call<RoundAnswer[]>('getRoundAnswers', { roundId: round.id });
    const seen = new Set(answers.flatMap((a) => [a.evidence, a.difficulties, a.proposals]));
    for (const t of written) expect(seen.has(t), t).toBe(true);
    // each answer sits on the task it was written for, also in the files whose rows were moved
    for (const a of answers.filter((x) => x.taskId !== null)) expect(a.evidence.startsWith(`Số ${a.taskId}/`), `${a.agency} ${a.taskId}`).toBe(true);
    expect(answers.filter((a) => a.agency === 'UBND xã Số 31' && a.taskId !== null).length).toBeGreaterThan(1);
    expect(answers.filter((a) => a.role === 'bo-sung').map((a) => a.task).sort()).toEqual([...acceptedExtras].sort());
  }, 180_000);

  it('builds the consolidated report (every narrative answer in the .docx and the .xlsx) and the reminder, both in ND30 format', async () => {
    await call('saveReportTexts', { id: round.id, revision: round.revision, texts: { results: 'Các cơ quan đã tích cực triển khai.', shortcomings: '', nextTasks: '', proposals: '' } });
    const report = await time('report: consolidated Báo cáo .docx', () => call<FileContent>('exportRoundReportDocx', { roundId: round.id }));
    const buffer = Buffer.from(report.base64, 'base64');
    fs.mkdirSync(path.resolve('test-results'), { recursive: true });
    fs.writeFileSync(path.resolve('test-results', 'round-report-150.docx'), buffer);
    expect(await checkNd30(buffer)).toEqual([]);
    const xml = await (await JSZip.loadAsync(buffer)).file('word/document.xml')!.async('string');
    expect(xml).toContain('120/150 cơ quan, đơn vị đã gửi báo cáo (100 đúng hạn, 20 quá hạn)');
    expect(xml).toContain('Kế hoạch số 12/KH-UBND ngày 15/01/2024');
    expect(xml).toContain('Kết quả thực hiện kế hoạch cải cách hành chính năm 2024');
    expect(xml).not.toMatch(/năm 2024 \(năm 2024\)/i);
    expect(xml).toContain('TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ');
    expect(xml).toContain('NHIỆM VỤ BỔ SUNG DO CÁC CƠ QUAN, ĐƠN VỊ BÁO CÁO');
    const missingInDocx = [...written].filter((t) => !xml.includes(t));
    expect(missingInDocx).toEqual([]);
    for (const t of acceptedExtras) expect(xml).toContain(t);
    for (const t of droppedExtras) expect(xml).not.toContain(t);
    // difficulties summarised per agency in the body, each agency once
    expect(xml.split('UBND xã Số 2: Khó khăn X2').length - 1).toBe(1);

    const sheet = await time('report: .xlsx', () => call<FileContent>('exportRoundReportXlsx', { roundId: round.id }));
    const workbook = await load(sheet);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Kết quả nhiệm vụ', 'Tình hình gửi báo cáo', 'Ý kiến các cơ quan', 'Tiến độ theo cơ quan']);
    expect(workbook.worksheets[1]!.rowCount).toBe(AGENCIES + 1);
    const cells = new Set<string>();
    workbook.getWorksheet('Ý kiến các cơ quan')!.eachRow((row) => row.eachCell((c) => void cells.add(String(c.value))));
    expect([...written].filter((t) => !cells.has(t))).toEqual([]);
    for (const t of acceptedExtras) expect(cells.has(t)).toBe(true);

    await expect(call('createReminderForRound', { roundId: round.id, deadline: todayIso() })).rejects.toThrow(/phải sau hôm nay/);
    const reminder = await time('reminder: công văn đôn đốc', () => call<Draft>('createReminderForRound', { roundId: round.id }));
    expect(reminder.content.kind === 'cong-van' && reminder.content.recipients.length).toBe(30);
    expect(reminder.title).toBe('đôn đốc báo cáo kết quả thực hiện kế hoạch cải cách hành chính năm 2024');
    const letter = await call<FileContent>('exportRecordDocx', { recordType: 'document', id: reminder.id });
    fs.writeFileSync(path.resolve('test-results', 'round-reminder-150.docx'), Buffer.from(letter.base64, 'base64'));
    expect(await checkNd30(Buffer.from(letter.base64, 'base64'))).toEqual([]);
    const letterXml = await (await JSZip.loadAsync(Buffer.from(letter.base64, 'base64'))).file('word/document.xml')!.async('string');
    expect(letterXml).toContain(`trước ngày ${formatVnDate(addDays(todayIso(), 7))}`);
    expect(letterXml).toContain('Kế hoạch số 12/KH-UBND ngày 15/01/2024');
    expect(letterXml).toContain('hạn gửi ngày 12/12/2024');
    expect(letterXml).toContain('Ủy ban nhân dân xã Số 150');
    expect(letterXml).not.toContain('Ủy ban nhân dân xã Số 1;');
    expect(letterXml).not.toMatch(/năm 2024 \(năm 2024\)/i);
  }, 180_000);
});

async function importAt(files: FileContent[], receivedAt: string, acceptExtras?: AcceptedExtra[]): Promise<SubmissionImportFile[]> {
  return importReportForms(database.db, { roundId: round.id, files, apply: true, receivedAt, acceptExtras });
}
