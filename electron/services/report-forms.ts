import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { formatVnDate } from '../../shared/dates';
import type { FileContent } from '../../shared/files';
import { TASK_STATUSES, type TaskStatus } from '../../shared/reports';
import { cleanText, foldVietnamese } from '../../shared/text';
import type { Database } from '../db/schema';
import { transactional } from '../db/transaction';
import { ServiceError } from './errors';
import { getPlan } from './plans';
import { roundAssignments } from './report-rounds';
import { newWorkbook } from './spreadsheet-write';

/** v1 forms (before tolerant import) are still read: ids from column B, one checksum over all rows in order. */
export const FORMAT_V1 = 'noivu-bao-cao/1';
export const FORMAT = 'noivu-bao-cao/2';
/** Hidden column J: the sheet's identity in J1, each task row's id ("nv:<id>") beside it, so renamed sheets and moved rows are still recognised. */
export const ID_COLUMN = 10;
export const SHEET_MARK = 'noivu-bao-cao';
export const REPORT_SHEET = 'Báo cáo';
const EXTRA_ROWS = 20;
export const META_SHEET = '_noivu';
export const FIRST_ROW = 7;
const ROLE_LABEL = { 'chu-tri': 'Chủ trì', 'phoi-hop': 'Phối hợp' } as const;
const STATUS_LABELS = Object.values(TASK_STATUSES);
/** Not a secret: protection only stops cells being changed by mistake; the checksum catches the rest. */
const SHEET_PASSWORD = 'noivu';

export interface FormMeta {
  format: string;
  planId: number;
  roundId: number;
  agencyId: number;
  /** v1: all locked cells in order. */
  checksum: string;
  /** v2: the report sheet's id in the workbook, and a fingerprint of each task's locked cells. */
  sheetId?: number;
  rows?: Record<string, string>;
}

/** A fingerprint of the cells the agency must not change: task numbers, texts and roles. */
export function checksum(rows: { taskId: number; task: string; role: string }[]): string {
  return crypto.createHash('sha256').update(JSON.stringify(rows.map((r) => [r.taskId, cleanText(r.task), r.role]))).digest('hex');
}

export function rowFingerprint(row: { taskId: number; task: string; role: string }): string {
  return checksum([row]).slice(0, 16);
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
    '3. Không sửa các cột STT, Mã nhiệm vụ, Nhiệm vụ, Vai trò và không xóa dòng: các ô này đã khóa để Sở Nội vụ đối chiếu tự động.',
    '   Nhiệm vụ cơ quan tự thực hiện thêm (ngoài kế hoạch) ghi vào dòng trống cuối bảng: cột "Nhiệm vụ" và các cột trả lời; Sở Nội vụ sẽ xem xét nhận.',
    '4. Không đổi tên tệp cũng được; lưu dạng .xlsx và gửi lại qua thư điện tử hoặc USB cho Sở Nội vụ.',
    `5. Tình trạng gồm: ${STATUS_LABELS.join('; ')}.`,
  ].forEach((text, i) => {
    guide.getCell(i + 1, 1).value = text;
    guide.getCell(i + 1, 1).alignment = { wrapText: true };
  });
  guide.getCell(1, 1).font = { bold: true, size: 14 };

  const sheet = workbook.addWorksheet(REPORT_SHEET, { views: [{ state: 'frozen', ySplit: FIRST_ROW - 1 }] });
  sheet.columns = [
    { width: 6 }, { width: 10 }, { width: 60 }, { width: 10 }, { width: 28 }, { width: 45 }, { width: 25 }, { width: 30 }, { width: 30 }, { width: 12, hidden: true },
  ];
  sheet.getCell(1, ID_COLUMN).value = SHEET_MARK;
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
    row.values = [i + 1, r.taskId, r.task, r.role, before ? TASK_STATUSES[before.status as TaskStatus] : '', before?.result ?? '', before?.evidence ?? '', before?.difficulties ?? '', before?.proposals ?? '', `nv:${r.taskId}`];
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
  // Blank rows under the table, open for tasks the agency adds (read back as "nhiệm vụ bổ sung").
  for (let i = 0; i < EXTRA_ROWS; i++) {
    const row = sheet.getRow(FIRST_ROW + locked.length + i);
    for (const c of [3, 5, 6, 7, 8, 9]) row.getCell(c).protection = { locked: false };
    row.getCell(5).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${STATUS_LABELS.join(',')}"`] };
  }
  // A low spin count: the password only guards against accidents, and hashing 100,000 rounds per sheet made 150 forms take a minute.
  await sheet.protect(SHEET_PASSWORD, { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, spinCount: 100 });

  const meta = workbook.addWorksheet(META_SHEET, { state: 'veryHidden' });
  const info: FormMeta = {
    format: FORMAT,
    planId: plan.id,
    roundId,
    agencyId,
    checksum: checksum(locked),
    sheetId: sheet.id,
    rows: Object.fromEntries(locked.map((r) => [String(r.taskId), rowFingerprint(r)])),
  };
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

export function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return String(v);
}

export interface ParsedEntry {
  taskId: number;
  role: 'chu-tri' | 'phoi-hop';
  status: TaskStatus;
  result: string;
  evidence: string;
  difficulties: string;
  proposals: string;
}

/** A task the agency added to its form, accepted by the specialist. */
export interface ExtraEntry {
  content: string;
  status: TaskStatus;
  result: string;
  evidence: string;
  difficulties: string;
  proposals: string;
}

/** Stores one submission as the one that counts; earlier ones of the same agency stay as history. */
export async function recordSubmission(
  db: Kysely<Database>,
  roundId: number,
  agencyId: number,
  entries: ParsedEntry[],
  meta: { receivedAt: string; onTime: boolean; source: string },
  extras: ExtraEntry[] = [],
): Promise<void> {
  await transactional(db, async (trx) => {
    await trx.updateTable('report_submissions').set({ current: 0 }).where('round_id', '=', roundId).where('agency_id', '=', agencyId).execute();
    const { id } = await trx
      .insertInto('report_submissions')
      .values({ round_id: roundId, agency_id: agencyId, received_at: meta.receivedAt, on_time: meta.onTime ? 1 : 0, source: meta.source, current: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (entries.length) await trx.insertInto('report_entries').values(entries.map(({ taskId, ...e }) => ({ submission_id: id, task_id: taskId, ...e }))).execute();
    if (extras.length) await trx.insertInto('report_extra_tasks').values(extras.map((e, position) => ({ submission_id: id, position, ...e }))).execute();
  });
}
