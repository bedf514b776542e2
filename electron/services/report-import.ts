import type ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { formatVnDate, localDayOf, todayIso } from '../../shared/dates';
import type { FileContent } from '../../shared/files';
import { TASK_STATUSES, TASK_STATUS_IDS, type AcceptedExtra, type SubmissionImportFile, type TaskStatus } from '../../shared/reports';
import { cleanMultiline, cleanText, foldVietnamese } from '../../shared/text';
import type { Database } from '../db/schema';
import { ServiceError } from './errors';
import {
  FIRST_ROW,
  FORMAT,
  FORMAT_V1,
  ID_COLUMN,
  META_SHEET,
  REPORT_SHEET,
  SHEET_MARK,
  cellText,
  checksum,
  currentEntries,
  recordSubmission,
  rowFingerprint,
  type ExtraEntry,
  type FormMeta,
  type ParsedEntry,
} from './report-forms';
import { roundAssignments, type Assignment } from './report-rounds';
import { loadWorkbook } from './spreadsheet-read';

const MAX_ROWS = 5000;

/** A file cannot have been received on a day that has not come yet (a typo in the year, usually). */
export function assertReceivedNotFuture(receivedDate: string): void {
  const today = todayIso();
  if (receivedDate > today) throw new ServiceError('VALIDATION', `Ngày nhận ${formatVnDate(receivedDate)} là ngày chưa tới (hôm nay là ${formatVnDate(today)}).`);
}
const statusByLabel = new Map<string, TaskStatus>(TASK_STATUS_IDS.map((id) => [foldVietnamese(TASK_STATUSES[id]), id]));
const answers = (row: ExcelJS.Row) => ({
  result: cleanMultiline(cellText(row.getCell(6))),
  evidence: cleanText(cellText(row.getCell(7))),
  difficulties: cleanMultiline(cellText(row.getCell(8))),
  proposals: cleanMultiline(cellText(row.getCell(9))),
});

/** The report sheet under any name: by its name, by the mark in its hidden column, or by its id in the workbook. */
function findReportSheet(workbook: ExcelJS.Workbook, meta: FormMeta): ExcelJS.Worksheet | undefined {
  return (
    workbook.getWorksheet(REPORT_SHEET) ??
    workbook.worksheets.find((w) => w.name !== META_SHEET && cellText(w.getCell(1, ID_COLUMN)) === SHEET_MARK) ??
    (meta.sheetId !== undefined ? workbook.worksheets.find((w) => w.id === meta.sheetId && w.name !== META_SHEET) : undefined)
  );
}

/** "Biểu mẫu của UBND xã A, kỳ báo cáo "6 tháng 2024" …": a form of another round names where it belongs. */
async function otherRoundMessage(db: Kysely<Database>, meta: FormMeta, agencyName: string | null): Promise<string> {
  const other = await db
    .selectFrom('report_rounds as r')
    .innerJoin('plans as p', 'p.id', 'r.plan_id')
    .select(['r.name as round', 'p.title as plan'])
    .where('r.id', '=', meta.roundId)
    .executeTakeFirst();
  const whose = agencyName ? ` của ${agencyName}` : '';
  if (!other) return `Biểu mẫu${whose} thuộc một kỳ báo cáo không còn trong dữ liệu.`;
  return `Biểu mẫu${whose} thuộc kỳ báo cáo "${other.round}" của kế hoạch "${other.plan}", không phải kỳ đang nhận. Hãy nhận tệp này ở kỳ báo cáo đó.`;
}

interface FileInput {
  roundId: number;
  files: FileContent[];
  apply: boolean;
  /** ISO date the files count as received; default today, local time. */
  receivedDate?: string;
  /** Tests only: an exact timestamp. */
  receivedAt?: string;
  acceptExtras?: AcceptedExtra[];
}

/**
 * Reads returned forms, checks each against the round (right plan and round, known agency and
 * tasks, locked cells untouched, valid statuses) and, when `apply`, records every file that has no
 * problem — each file all or nothing. Tolerant of what Excel users do: a renamed sheet, rows
 * moved (matched by their hidden ids) and rows added (listed as "nhiệm vụ bổ sung", kept only
 * when accepted). A second file from an agency replaces its first, which stays in the history.
 */
export async function importReportForms(db: Kysely<Database>, input: FileInput): Promise<SubmissionImportFile[]> {
  const { round, byAgency } = await roundAssignments(db, input.roundId);
  const receivedDate = (input.receivedAt ? localDayOf(input.receivedAt) : undefined) ?? input.receivedDate ?? todayIso();
  assertReceivedNotFuture(receivedDate);
  const receivedAt = input.receivedAt ?? `${receivedDate}T00:00:00.000Z`;
  const onTime = receivedDate <= round.dueDate;
  const accepted = new Set((input.acceptExtras ?? []).map((e) => `${e.fileName}\u0000${e.row}`));
  const results: SubmissionImportFile[] = [];

  for (const file of input.files) {
    const report: SubmissionImportFile = { fileName: file.fileName, agency: null, errors: [], rows: [], onTime: null, replaces: false, applied: false, receivedDate };
    results.push(report);
    let workbook: ExcelJS.Workbook;
    try {
      workbook = await loadWorkbook(file);
    } catch (err) {
      report.errors.push((err as Error).message);
      continue;
    }
    let meta: FormMeta | undefined;
    try {
      meta = JSON.parse(cellText(workbook.getWorksheet(META_SHEET)!.getCell('A1'))) as FormMeta;
      if (typeof meta !== 'object' || meta === null) throw new Error();
    } catch {
      report.errors.push('Tệp không phải biểu mẫu báo cáo do NoiVu Desk tạo (thiếu phần nhận diện).');
      continue;
    }
    const agency = Number.isInteger(meta.agencyId) ? await db.selectFrom('agencies').select(['id', 'short_name']).where('id', '=', meta.agencyId).executeTakeFirst() : undefined;
    report.agency = agency?.short_name ?? null;
    const v1 = meta.format === FORMAT_V1;
    if (!v1 && meta.format !== FORMAT) report.errors.push('Biểu mẫu thuộc phiên bản khác, không đọc được.');
    if (meta.roundId !== round.id) {
      report.errors.push(await otherRoundMessage(db, meta, report.agency));
      continue;
    }
    const assigned = agency ? byAgency.get(agency.id) : undefined;
    if (!agency || !assigned) report.errors.push('Cơ quan trong biểu mẫu không có nhiệm vụ trong kỳ báo cáo này.');
    const sheet = findReportSheet(workbook, meta);
    if (!sheet) {
      report.errors.push('Không tìm thấy trang "Báo cáo" (trang đã bị xóa).');
      continue;
    }
    const before = agency ? await currentEntries(db, round.id, agency.id) : new Map();
    const parsed = readRows(sheet, meta, assigned ?? [], v1, before, report);
    if (v1 && checksum(parsed.locked) !== meta.checksum) report.errors.push('Các ô đã khóa (mã nhiệm vụ, nội dung nhiệm vụ, vai trò) đã bị sửa, thêm hoặc xóa dòng. Hãy dùng lại biểu mẫu gốc.');
    if (!v1 && assigned) {
      const missing = assigned.filter((a) => !parsed.seen.has(a.task.id)).map((a) => a.task.id);
      if (missing.length) report.errors.push(`Thiếu dòng của nhiệm vụ mã ${missing.join(', ')}: không được xóa dòng nhiệm vụ trong biểu mẫu.`);
    }
    report.onTime = onTime;
    report.replaces = before.size > 0;
    for (const line of report.rows) if (line.extra && !line.error) line.change = accepted.has(`${file.fileName}\u0000${line.row}`) ? 'Nhiệm vụ bổ sung: nhận' : 'Nhiệm vụ bổ sung: bỏ qua';
    if (!input.apply || report.errors.length || report.rows.some((r) => r.error) || !agency) continue;
    const extras = parsed.extras.filter((e) => accepted.has(`${file.fileName}\u0000${e.row}`)).map(({ row: _row, ...e }) => e);
    await recordSubmission(db, round.id, agency.id, parsed.entries, { receivedAt, onTime, source: file.fileName }, extras);
    report.applied = true;
  }
  return results;
}

/** The rows of a report sheet, matched to the agency's tasks; problems go on the report's rows. */
function readRows(sheet: ExcelJS.Worksheet, meta: FormMeta, assigned: Assignment[], v1: boolean, before: Map<number, { status: string }>, report: SubmissionImportFile) {
  const locked: { taskId: number; task: string; role: string }[] = [];
  const entries: ParsedEntry[] = [];
  const extras: (ExtraEntry & { row: number })[] = [];
  const seen = new Map<number, number>();
  const last = Math.min(sheet.rowCount, FIRST_ROW + MAX_ROWS);
  for (let r = FIRST_ROW; r <= last; r++) {
    const row = sheet.getRow(r);
    const cells = Array.from({ length: ID_COLUMN }, (_, i) => cellText(row.getCell(i + 1)).trim());
    if (v1 && !cells[0] && !cells[2]) break;
    if (cells.every((c) => !c)) continue;
    const taskText = cellText(row.getCell(3));
    const hidden = /^nv:(\d+)$/.exec(cells[ID_COLUMN - 1]!);
    const visibleId = Number(cells[1]);
    const statusText = cleanText(cells[4]!);
    const status = statusByLabel.get(foldVietnamese(statusText));
    const line = { row: r, taskId: null as number | null, task: cleanText(taskText).slice(0, 120), status: statusText, change: '', error: null as string | null, extra: false };
    report.rows.push(line);

    if (!v1 && !hidden) {
      // A row the agency added.
      line.extra = true;
      if (Number.isInteger(visibleId) && assigned.some((a) => a.task.id === visibleId)) line.error = `Dòng chép thêm của nhiệm vụ mã ${visibleId}: hãy xóa dòng này.`;
      else if (!cleanText(taskText)) line.error = 'Nhiệm vụ bổ sung chưa ghi nội dung ở cột "Nhiệm vụ".';
      else if (!statusText) line.error = 'Nhiệm vụ bổ sung chưa chọn tình trạng.';
      else if (!status) line.error = `Tình trạng "${statusText}" không có trong danh sách.`;
      if (!line.error && status) extras.push({ row: r, content: cleanMultiline(taskText), status, ...answers(row) });
      continue;
    }

    const taskId = v1 ? visibleId : Number(hidden![1]);
    const role = cellText(row.getCell(4));
    locked.push({ taskId, task: taskText, role });
    line.taskId = Number.isInteger(taskId) ? taskId : null;
    const assignment = assigned.find((a) => a.task.id === taskId);
    const fingerprint = meta.rows?.[String(taskId)];
    if (!assignment) line.error = `Nhiệm vụ mã "${v1 ? cells[1] : taskId}" không thuộc cơ quan này trong kế hoạch.`;
    else if (seen.has(taskId)) line.error = `Nhiệm vụ mã ${taskId} có hai dòng (dòng ${seen.get(taskId)} và dòng ${r}): hãy xóa dòng chép thêm.`;
    else if (!v1 && (fingerprint !== rowFingerprint({ taskId, task: taskText, role }) || visibleId !== taskId)) line.error = 'Ô đã khóa (mã nhiệm vụ, nội dung nhiệm vụ, vai trò) đã bị sửa. Hãy dùng lại biểu mẫu gốc.';
    else if (!statusText) line.error = 'Chưa chọn tình trạng.';
    else if (!status) line.error = `Tình trạng "${statusText}" không có trong danh sách.`;
    if (Number.isInteger(taskId) && !seen.has(taskId)) seen.set(taskId, r);
    if (line.error || !assignment || !status) continue;
    const old = before.get(taskId);
    line.change = old ? (old.status === status ? 'Giữ nguyên tình trạng' : `${TASK_STATUSES[old.status as TaskStatus]} → ${TASK_STATUSES[status]}`) : 'Mới';
    entries.push({ taskId, role: assignment.role, status, ...answers(row) });
  }
  return { locked, entries, extras, seen };
}
