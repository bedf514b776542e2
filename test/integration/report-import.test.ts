import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addDays, todayIso } from '../../shared/dates';
import type { FileContent } from '../../shared/files';
import { planInput, type Plan } from '../../shared/plans';
import type { Round, SubmissionImportFile, Tracking } from '../../shared/reports';
import { useTestBackend } from '../fixtures/backend';
import { VALID_PROFILE } from '../fixtures/profile';

const { call } = useTestBackend('report-import');

async function setup() {
  await call('saveIssuer', VALID_PROFILE);
  await call('loadSampleAgencies', {});
  const [agency] = await call<{ id: number }[]>('listAgencies', { query: 'so tu phap', tier: null, includeInactive: false });
  const plan = await call<Plan>('createBlankPlan', { year: 2024 });
  const task = (content: string) => ({ componentId: null, componentLabel: '', content, lead: { type: 'agency', agencyId: agency!.id }, coordinators: [], deadline: { kind: 'trong-nam', year: 2024 }, expectedOutput: '' });
  await call<Plan>('savePlan', { ...planInput(plan), tasks: [task('Rà soát thủ tục hành chính.'), task('Tuyên truyền pháp luật.')] });
  const round = await call<Round>('saveRound', { planId: plan.id, kind: 'nam', name: 'Năm 2024', periodFrom: '2023-12-15', periodTo: '2024-12-14', dueDate: '2024-12-12' });
  const form = await call<FileContent>('generateReportForm', { roundId: round.id, agencyId: agency!.id });
  return { round, form };
}

async function edit(form: FileContent, change: (workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet) => void): Promise<FileContent> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(form.base64, 'base64') as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Báo cáo')!;
  sheet.getCell('E7').value = 'Hoàn thành đúng hạn';
  sheet.getCell('E8').value = 'Đang thực hiện trong hạn';
  change(workbook, sheet);
  return { fileName: form.fileName, base64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64') };
}

/** A form as the version before tolerant import wrote it: no hidden ids, one checksum over the rows in order. */
function asVersion1(workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet) {
  const metaCell = workbook.getWorksheet('_noivu')!.getCell('A1');
  const { rows: _rows, sheetId: _sheetId, ...meta } = JSON.parse(String(metaCell.value)) as Record<string, unknown>;
  metaCell.value = JSON.stringify({ ...meta, format: 'noivu-bao-cao/1' });
  for (let r = 1; r < 40; r++) sheet.getCell(r, 10).value = null;
}

const check = (roundId: number, files: FileContent[]) => call<SubmissionImportFile[]>('importReportForms', { roundId, files, apply: true, receivedDate: '2024-12-01' });

describe('returned forms: what is tolerated and what is still refused', () => {
  it('still reads a form made before tolerant import, and still refuses one whose locked cells were changed', async () => {
    const { round, form } = await setup();
    const tampered = await check(round.id, [await edit(form, (w, s) => (asVersion1(w, s), (s.getCell('C7').value = 'Nhiệm vụ khác')))]);
    expect(tampered[0]!.applied).toBe(false);
    expect(tampered[0]!.errors).toContain('Các ô đã khóa (mã nhiệm vụ, nội dung nhiệm vụ, vai trò) đã bị sửa, thêm hoặc xóa dòng. Hãy dùng lại biểu mẫu gốc.');
    const [old] = await check(round.id, [await edit(form, asVersion1)]);
    expect(old).toMatchObject({ applied: true, errors: [] });
    expect(old!.rows.map((r) => r.change)).toEqual(['Mới', 'Mới']);
  });

  it('refuses a file where a task row was copied, naming both rows, and records nothing', async () => {
    const { round, form } = await setup();
    const copyRow8 = (_w: ExcelJS.Workbook, s: ExcelJS.Worksheet) => void (s.getRow(9).values = (s.getRow(8).values as ExcelJS.CellValue[]).slice(1));
    const [copied] = await check(round.id, [await edit(form, copyRow8)]);
    expect(copied!.applied).toBe(false);
    expect(copied!.rows[2]!.error).toMatch(/^Nhiệm vụ mã \d+ có hai dòng \(dòng 8 và dòng 9\)/);
    const tracking = await call<Tracking>('getRoundTracking', { roundId: round.id });
    expect(tracking.agencies[0]!.submittedAt).toBeNull();
  });

  it('refuses an added row whose task is not written, with the row and the cause', async () => {
    const { round, form } = await setup();
    const [added] = await check(round.id, [await edit(form, (_w, s) => (s.getCell('E9').value = 'Hoàn thành đúng hạn'))]);
    expect(added!.applied).toBe(false);
    expect(added!.rows[2]).toMatchObject({ row: 9, extra: true, error: 'Nhiệm vụ bổ sung chưa ghi nội dung ở cột "Nhiệm vụ".' });
  });

  it('refuses a received date that has not come yet, at import and when typed in by hand, and records nothing', async () => {
    const { round, form } = await setup();
    const tomorrow = addDays(todayIso(), 1);
    const file = await edit(form, () => undefined);
    await expect(call('importReportForms', { roundId: round.id, files: [file], apply: true, receivedDate: tomorrow })).rejects.toThrow(/^Ngày nhận \d\d\/\d\d\/\d{4} là ngày chưa tới/);
    const tracking = await call<Tracking>('getRoundTracking', { roundId: round.id });
    await expect(call('saveManualSubmission', { roundId: round.id, agencyId: tracking.agencies[0]!.agencyId, receivedDate: tomorrow, entries: [] })).rejects.toThrow(/là ngày chưa tới/);
    expect((await call<Tracking>('getRoundTracking', { roundId: round.id })).agencies[0]!.submittedAt).toBeNull();
    const [today] = await call<SubmissionImportFile[]>('importReportForms', { roundId: round.id, files: [file], apply: true, receivedDate: todayIso() });
    expect(today).toMatchObject({ applied: true, receivedDate: todayIso(), onTime: false });
  });
});
