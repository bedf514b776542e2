import type { Kysely } from 'kysely';
import { formatVnDate } from '../../shared/dates';
import type { FileContent } from '../../shared/files';
import { padNd30 } from '../../shared/nd30';
import { REGISTER_KIND_LABELS, type RegisterFilter } from '../../shared/register';
import type { Database } from '../db/schema';
import { registerRows, type RegisterRow } from './register';
import { addTableSheet, newWorkbook, workbookFile, type SheetColumn } from './spreadsheet-write';

/** The columns of the sổ đăng ký văn bản đi (Nghị định 30/2020, Phụ lục IV). */
const COLUMNS: readonly SheetColumn[] = [
  { header: 'Số, ký hiệu văn bản', key: 'code', width: 22 },
  { header: 'Ngày tháng văn bản', key: 'date', width: 14 },
  { header: 'Tên loại và trích yếu nội dung văn bản', key: 'title', width: 60 },
  { header: 'Người ký', key: 'signer', width: 22 },
  { header: 'Nơi nhận văn bản', key: 'recipients', width: 40 },
  { header: 'Đơn vị, người nhận bản lưu', key: 'archive', width: 22 },
  { header: 'Số lượng bản', key: 'copies', width: 10 },
  { header: 'Ghi chú', key: 'note', width: 50 },
];

/** The Nơi nhận block as stored with an issued copy, split into recipient lines and the Lưu line. */
export function splitDistribution(text: string): { recipients: string[]; archive: string } {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^Nơi nhận:?$/i.test(l) && !/^Gửi bản điện tử:?$/i.test(l))
    .map((l) => l.replace(/^-\s*/, ''));
  const archiveLine = lines.find((l) => /^Lưu\s*:/i.test(l));
  return {
    recipients: lines.filter((l) => l !== archiveLine),
    archive: archiveLine ? archiveLine.replace(/^Lưu\s*:\s*/i, '').replace(/[.;]$/, '') : '',
  };
}

/**
 * Số lượng bản: one copy per Nơi nhận line, "Như trên" standing for each Kính gửi recipient (one when
 * unknown), plus one per unit of the Lưu line ("Lưu: VT, NV (Vân)." → 2: Văn thư and the drafting unit).
 * Null when the issue recorded no Nơi nhận (issued before the register kept it).
 */
export function copyCount(text: string, kinhGuiCount: number | null): number | null {
  const { recipients, archive } = splitDistribution(text);
  if (recipients.length === 0 && !archive) return null;
  const sent = recipients.reduce((n, line) => n + (/^Như trên\b/i.test(line) ? Math.max(1, kinhGuiCount ?? 1) : 1), 0);
  const kept = archive.replace(/\([^)]*\)/g, '').split(',').filter((u) => u.trim()).length;
  return sent + kept;
}

function reference(number: number | null, code: string): string {
  return number === null ? code : `${padNd30(number)}${code ? `/${code}` : ''}`;
}

interface WithdrawnCopy {
  record_type: string;
  record_id: number;
  number: number;
  code: string;
  issued_date: string;
  withdraw_reason: string | null;
}

/** "Đính chính; bản số 1250/UBND-NV ngày 05/03/2026 thu hồi: <lý do>", one line per withdrawn issue. */
function notes(row: RegisterRow, withdrawn: readonly WithdrawnCopy[]): string {
  const lines = withdrawn.map((c) => `Đính chính; bản số ${reference(c.number, c.code)} ngày ${formatVnDate(c.issued_date)} thu hồi: ${c.withdraw_reason ?? ''}`);
  return [...(row.status === 'withdrawn' ? ['Đang đính chính, chưa ban hành lại.'] : []), ...lines].join('\n');
}

async function titleLines(db: Kysely<Database>, filter: RegisterFilter, rows: readonly RegisterRow[]): Promise<string[]> {
  const issuerIds = new Set(rows.map((r) => r.issuerId));
  const issuerId = filter.issuerId ?? (issuerIds.size === 1 ? [...issuerIds][0] : null);
  const issuer = issuerId ? await db.selectFrom('issuers').select('label').where('id', '=', issuerId).executeTakeFirst() : undefined;
  return ['SỔ ĐĂNG KÝ VĂN BẢN ĐI', `${issuer?.label ?? 'Tất cả cơ quan ban hành'} — ${filter.year ? `Năm ${filter.year}` : 'Tất cả các năm'}`];
}

/**
 * The register as the outgoing-document book: every record with an issue (Đang đính chính included,
 * its number stays taken), in the order numbers were given (date, then number), drafts never.
 */
export async function exportRegisterXlsx(db: Kysely<Database>, filter: RegisterFilter): Promise<FileContent> {
  const rows = (await registerRows(db, filter, 'book')).filter((r) => r.status !== 'draft');
  const withdrawn = await db
    .selectFrom('issued_copies')
    .select(['record_type', 'record_id', 'number', 'code', 'issued_date', 'withdraw_reason'])
    .where('withdrawn_at', 'is not', null)
    .orderBy('id')
    .execute();
  const byRecord = new Map<string, WithdrawnCopy[]>();
  for (const c of withdrawn) byRecord.set(`${c.record_type}:${c.record_id}`, [...(byRecord.get(`${c.record_type}:${c.record_id}`) ?? []), c]);
  const workbook = newWorkbook();
  const sheet = addTableSheet(workbook, 'Sổ văn bản đi', COLUMNS, await titleLines(db, filter, rows));
  for (const row of rows) {
    const { recipients, archive } = splitDistribution(row.recipientsText);
    const kindTitle = `${REGISTER_KIND_LABELS[row.kind]} ${row.kind === 'cong-van' ? 'V/v ' : ''}${row.title}`;
    sheet.addRow({
      code: reference(row.number, row.code),
      date: formatVnDate(row.issuedDate),
      title: kindTitle,
      signer: row.signerName,
      recipients: recipients.join('\n'),
      archive: archive || row.draftingUnit,
      copies: copyCount(row.recipientsText, row.kinhGuiCount),
      note: notes(row, byRecord.get(`${row.recordType}:${row.id}`) ?? []),
    }).alignment = { wrapText: true, vertical: 'top' };
  }
  return workbookFile(workbook, `so-dang-ky-van-ban-di${filter.year ? `-${filter.year}` : ''}.xlsx`);
}
