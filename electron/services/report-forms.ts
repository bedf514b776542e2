import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { formatVnDate, localDayOf } from '../../shared/dates';
import type { FileContent } from '../../shared/files';
import { TASK_STATUSES, TASK_STATUS_IDS, type SubmissionImportFile, type TaskStatus } from '../../shared/reports';
import { cleanMultiline, cleanText, foldVietnamese } from '../../shared/text';
import type { Database } from '../db/schema';
import { transactional } from '../db/transaction';
import { ServiceError } from './errors';
import { getPlan } from './plans';
import { roundAssignments } from './report-rounds';
import { loadWorkbook } from './spreadsheet-read';
import { newWorkbook } from './spreadsheet-write';

const FORMAT = 'noivu-bao-cao/1';
const META_SHEET = '_noivu';
const FIRST_ROW = 7;
const ROLE_LABEL = { 'chu-tri': 'Chủ trì', 'phoi-hop': 'Phối hợp' } as const;
const STATUS_LABELS = Object.values(TASK_STATUSES);
/** Not a secret: protection only stops cells being changed by mistake; the checksum catches the rest. */
const SHEET_PASSWORD = 'noivu';

interface FormMeta {
  format: string;
  planId: number;
  roundId: number;
  agencyId: number;
  checksum: string;
}

/** A fingerprint of the cells the agency must not change: task numbers, texts and roles. */
function checksum(rows: { taskId: number; task: string; role: string }[]): string {
  return crypto.createHash('sha256').update(JSON.stringify(rows.map((r) => [r.taskId, cleanText(r.task), r.role]))).digest('hex');
}

function slug(s: string): string {
  return foldVietnamese(s).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 50);
}

/** One agency's form for a round: its tasks pre-filled, the answer columns open, the rest locked. */
export async function generateReportForm(db: Kysely<Database>, roundId: number, agencyId: number): Promise<FileContent> {
  const { round, byAgency } = await roundAssignments(db, roundId);
  const assignments = byAgency.get(agencyId);
  if (!assignments) throw new ServiceError('VALIDATION', 'Cơ quan này không có nhiệm vụ nào trong kế hoạch của kỳ báo cáo.');
  const plan = await getPlan(db, round.planId);
  const agency = await db.selectFrom('agencies').select(['full_name', 'short_name']).where('id', '=', agencyId).executeTakeFirstOrThrow();
  const previous = await currentEntries(db, roundId, agencyId);

  const workbook = newWorkbook();
  const guide = workbook.addWorksheet('Hướng dẫn');
  guide.getColumn(1).width = 110;
  [
    'HƯỚNG DẪN ĐIỀN BIỂU MẪU BÁO CÁO',
    '',
    `1. Biểu mẫu này dành riêng cho: ${agency.full_name}; kỳ báo cáo: ${round.name}; hạn gửi: ${formatVnDate(round.dueDate)}.`,
    '2. Mở trang "Báo cáo"; với mỗi nhiệm vụ, chọn "Tình trạng" trong danh sách thả xuống và ghi kết quả, văn bản chứng minh (số, ký hiệu), khó khăn, kiến nghị.',
    '3. Không sửa, thêm hoặc xóa các cột STT, Mã nhiệm vụ, Nhiệm vụ, Vai trò: các ô này đã khóa để Sở Nội vụ đối chiếu tự động.',
    '4. Không đổi tên tệp cũng được; lưu dạng .xlsx và gửi lại qua thư điện tử hoặc USB cho Sở Nội vụ.',
    `5. Tình trạng gồm: ${STATUS_LABELS.join('; ')}.`,
  ].forEach((text, i) => {
    guide.getCell(i + 1, 1).value = text;
    guide.getCell(i + 1, 1).alignment = { wrapText: true };
  });
  guide.getCell(1, 1).font = { bold: true, size: 14 };

  const sheet = workbook.addWorksheet('Báo cáo', { views: [{ state: 'frozen', ySplit: FIRST_ROW - 1 }] });
  sheet.columns = [
    { width: 6 }, { width: 10 }, { width: 60 }, { width: 10 }, { width: 28 }, { width: 45 }, { width: 25 }, { width: 30 }, { width: 30 },
  ];
  sheet.getCell('A1').value = 'BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ';
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = `Kế hoạch: ${plan.title}`;
  sheet.getCell('A3').value = `Kỳ báo cáo: ${round.name} (từ ${formatVnDate(round.periodFrom)} đến ${formatVnDate(round.periodTo)}); hạn gửi: ${formatVnDate(round.dueDate)}`;
  sheet.getCell('A4').value = `Cơ quan báo cáo: ${agency.full_name}`;
  const header = sheet.getRow(FIRST_ROW - 1);
  header.values = ['STT', 'Mã nhiệm vụ', 'Nhiệm vụ', 'Vai trò', 'Tình trạng', 'Kết quả thực hiện', 'Văn bản chứng minh (số, ký hiệu)', 'Khó khăn, vướng mắc', 'Kiến nghị, đề xuất'];
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };

  const locked = assignments.map(({ task, role }) => ({ taskId: task.id, task: task.content, role: ROLE_LABEL[role] }));
  locked.forEach((r, i) => {
    const row = sheet.getRow(FIRST_ROW + i);
    const before = previous.get(r.taskId);
    row.values = [i + 1, r.taskId, r.task, r.role, before ? TASK_STATUSES[before.status as TaskStatus] : '', before?.result ?? '', before?.evidence ?? '', before?.difficulties ?? '', before?.proposals ?? ''];
    row.alignment = { wrapText: true, vertical: 'top' };
    for (let c = 5; c <= 9; c++) row.getCell(c).protection = { locked: false };
    row.getCell(5).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${STATUS_LABELS.join(',')}"`],
      showErrorMessage: true,
      errorTitle: 'Tình trạng không hợp lệ',
      error: 'Chọn một tình trạng trong danh sách.',
    };
  });
  // A low spin count: the password only guards against accidents, and hashing 100,000 rounds per sheet made 150 forms take a minute.
  await sheet.protect(SHEET_PASSWORD, { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, spinCount: 100 });

  const meta = workbook.addWorksheet(META_SHEET, { state: 'veryHidden' });
  const info: FormMeta = { format: FORMAT, planId: plan.id, roundId, agencyId, checksum: checksum(locked) };
  meta.getCell('A1').value = JSON.stringify(info);
  await meta.protect(SHEET_PASSWORD, { spinCount: 100 });

  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: `bao-cao-${slug(agency.short_name)}-${slug(round.name)}.xlsx`, base64: buffer.toString('base64') };
}

/** The entries of the submission that counts now for an agency in a round. */
export async function currentEntries(db: Kysely<Database>, roundId: number, agencyId: number) {
  const rows = await db
    .selectFrom('report_entries as e')
    .innerJoin('report_submissions as s', 's.id', 'e.submission_id')
    .selectAll('e')
    .where('s.round_id', '=', roundId)
    .where('s.agency_id', '=', agencyId)
    .where('s.current', '=', 1)
    .execute();
  return new Map(rows.map((r) => [r.task_id, r]));
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return String(v);
}

const statusByLabel = new Map<string, TaskStatus>(TASK_STATUS_IDS.map((id) => [foldVietnamese(TASK_STATUSES[id]), id]));

export interface ParsedEntry {
  taskId: number;
  role: 'chu-tri' | 'phoi-hop';
  status: TaskStatus;
  result: string;
  evidence: string;
  difficulties: string;
  proposals: string;
}

/**
 * Reads returned forms, checks each against the round (right plan and round, known agency and
 * tasks, locked cells untouched, valid statuses) and, when `apply`, records every file that has no
 * problem — each file all or nothing. A second file from an agency replaces its first, which stays
 * in the history.
 */
export async function importReportForms(
  db: Kysely<Database>,
  input: { roundId: number; files: FileContent[]; apply: boolean; receivedAt?: string },
): Promise<SubmissionImportFile[]> {
  const { round, byAgency } = await roundAssignments(db, input.roundId);
  const results: SubmissionImportFile[] = [];
  const receivedAt = input.receivedAt ?? new Date().toISOString();
  const onTime = localDayOf(receivedAt) <= round.dueDate;

  for (const file of input.files) {
    const report: SubmissionImportFile = { fileName: file.fileName, agency: null, errors: [], rows: [], onTime: null, replaces: false, applied: false };
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
    } catch {
      report.errors.push('Tệp không phải biểu mẫu báo cáo do NoiVu Desk tạo (thiếu phần nhận diện).');
      continue;
    }
    if (meta.format !== FORMAT) report.errors.push('Biểu mẫu thuộc phiên bản khác, không đọc được.');
    if (meta.planId !== round.planId) report.errors.push('Biểu mẫu thuộc kế hoạch khác.');
    else if (meta.roundId !== round.id) report.errors.push('Biểu mẫu thuộc kỳ báo cáo khác.');
    const agency = await db.selectFrom('agencies').select(['id', 'short_name']).where('id', '=', meta.agencyId).executeTakeFirst();
    report.agency = agency?.short_name ?? null;
    const assigned = byAgency.get(meta.agencyId);
    if (!agency || !assigned) report.errors.push('Cơ quan trong biểu mẫu không có nhiệm vụ trong kỳ báo cáo này.');
    const sheet = workbook.getWorksheet('Báo cáo');
    if (!sheet) {
      report.errors.push('Thiếu trang "Báo cáo".');
      continue;
    }
    const locked: { taskId: number; task: string; role: string }[] = [];
    const entries: ParsedEntry[] = [];
    const before = agency ? await currentEntries(db, round.id, agency.id) : new Map();
    for (let r = FIRST_ROW; r < FIRST_ROW + 2000; r++) {
      const row = sheet.getRow(r);
      const taskText = cellText(row.getCell(3));
      const taskId = Number(cellText(row.getCell(2)));
      if (!cellText(row.getCell(1)) && !taskText) break;
      const role = cellText(row.getCell(4));
      locked.push({ taskId, task: taskText, role });
      const statusText = cleanText(cellText(row.getCell(5)));
      const status = statusByLabel.get(foldVietnamese(statusText));
      const assignment = assigned?.find((a) => a.task.id === taskId);
      const line = { row: r, taskId: Number.isInteger(taskId) ? taskId : null, task: cleanText(taskText).slice(0, 120), status: statusText, change: '', error: null as string | null };
      report.rows.push(line);
      if (!assignment) line.error = `Nhiệm vụ mã "${cellText(row.getCell(2))}" không thuộc cơ quan này trong kế hoạch.`;
      else if (!statusText) line.error = 'Chưa chọn tình trạng.';
      else if (!status) line.error = `Tình trạng "${statusText}" không có trong danh sách.`;
      if (line.error || !assignment || !status) continue;
      const old = before.get(taskId);
      line.change = old ? (old.status === status ? 'Giữ nguyên tình trạng' : `${TASK_STATUSES[old.status as TaskStatus]} → ${TASK_STATUSES[status]}`) : 'Mới';
      entries.push({
        taskId,
        role: assignment.role,
        status,
        result: cleanMultiline(cellText(row.getCell(6))),
        evidence: cleanText(cellText(row.getCell(7))),
        difficulties: cleanMultiline(cellText(row.getCell(8))),
        proposals: cleanMultiline(cellText(row.getCell(9))),
      });
    }
    if (checksum(locked) !== meta.checksum) report.errors.push('Các ô đã khóa (mã nhiệm vụ, nội dung nhiệm vụ, vai trò) đã bị sửa, thêm hoặc xóa dòng. Hãy dùng lại biểu mẫu gốc.');
    report.onTime = onTime;
    report.replaces = before.size > 0;
    if (!input.apply || report.errors.length || report.rows.some((r) => r.error) || !agency) continue;
    await recordSubmission(db, round.id, agency.id, entries, { receivedAt, onTime, source: file.fileName });
    report.applied = true;
  }
  return results;
}

/** Stores one submission as the one that counts; earlier ones of the same agency stay as history. */
export async function recordSubmission(
  db: Kysely<Database>,
  roundId: number,
  agencyId: number,
  entries: ParsedEntry[],
  meta: { receivedAt: string; onTime: boolean; source: string },
): Promise<void> {
  await transactional(db, async (trx) => {
    await trx.updateTable('report_submissions').set({ current: 0 }).where('round_id', '=', roundId).where('agency_id', '=', agencyId).execute();
    const { id } = await trx
      .insertInto('report_submissions')
      .values({ round_id: roundId, agency_id: agencyId, received_at: meta.receivedAt, on_time: meta.onTime ? 1 : 0, source: meta.source, current: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (entries.length) await trx.insertInto('report_entries').values(entries.map(({ taskId, ...e }) => ({ submission_id: id, task_id: taskId, ...e }))).execute();
  });
}
