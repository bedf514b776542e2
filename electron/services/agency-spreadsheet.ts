import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { AGENCY_TIERS, AGENCY_TIER_IDS, AgencyInputSchema, type AgencyFields, type AgencyTier } from '../../shared/agencies';
import { formatVnDate, parseVnDate } from '../../shared/dates';
import type { FileContent } from '../../shared/files';
import { cleanText, compareVietnamese, foldVietnamese } from '../../shared/text';
import { describeIssues } from '../../shared/validation';
import type { Database } from '../db/schema';
import { transactional } from '../db/transaction';
import { saveAgency } from './agencies';
import { ServiceError } from './errors';
import { readTable } from './spreadsheet-read';
import { addTableSheet, newWorkbook, workbookFile } from './spreadsheet-write';

const COLUMNS = [
  { key: 'fullName', header: 'Tên đầy đủ', width: 48 },
  { key: 'shortName', header: 'Tên viết gọn', width: 32 },
  { key: 'abbreviation', header: 'Viết tắt', width: 12 },
  { key: 'tier', header: 'Loại', width: 34 },
  { key: 'protocolOrder', header: 'Thứ tự', width: 9 },
  { key: 'email', header: 'Thư điện tử', width: 28 },
  { key: 'phone', header: 'Điện thoại', width: 16 },
  { key: 'validFrom', header: 'Hiệu lực từ', width: 13 },
  { key: 'validTo', header: 'Hiệu lực đến', width: 13 },
] as const;

type ColumnKey = (typeof COLUMNS)[number]['key'];
const MAX_ROWS = 5000;

export interface ImportRow {
  row: number;
  name: string;
  action: 'create' | 'update' | 'error';
  errors: string[];
}

export interface ImportResult {
  rows: ImportRow[];
  created: number;
  updated: number;
  applied: boolean;
}

function tierFromText(text: string): AgencyTier | null {
  const folded = foldVietnamese(text);
  return AGENCY_TIER_IDS.find((id) => id === text || foldVietnamese(AGENCY_TIERS[id]) === folded) ?? null;
}

/** Reads an import file; validates every row against the contract before anything is written. */
export async function importAgencies(db: Kysely<Database>, file: FileContent, apply: boolean): Promise<ImportResult> {
  const table = (await readTable(file)).filter((r) => r.some((c) => cleanText(c) !== ''));
  const header = (table[0] ?? []).map((h) => foldVietnamese(h));
  const index = new Map<ColumnKey, number>();
  for (const col of COLUMNS) {
    const at = header.indexOf(foldVietnamese(col.header));
    if (at >= 0) index.set(col.key, at);
  }
  const missing = COLUMNS.filter((c) => ['fullName', 'shortName', 'tier'].includes(c.key) && !index.has(c.key)).map((c) => `"${c.header}"`);
  if (missing.length) throw new ServiceError('VALIDATION', `Thiếu cột ${missing.join(', ')} ở dòng tiêu đề. Hãy dùng tệp mẫu.`);
  if (table.length - 1 > MAX_ROWS) throw new ServiceError('VALIDATION', `Tệp có quá nhiều dòng (tối đa ${MAX_ROWS}).`);

  const existing = await db.selectFrom('agencies').select(['id', 'full_name', 'protocol_order']).execute();
  const byName = new Map(existing.map((a) => [foldVietnamese(a.full_name), a.id]));
  const seen = new Map<string, number>();
  const rows: ImportRow[] = [];
  const accepted: AgencyFields[] = [];

  table.slice(1).forEach((cells, i) => {
    const rowNumber = i + 2;
    const get = (key: ColumnKey) => cleanText(cells[index.get(key) ?? -1] ?? '');
    const errors: string[] = [];
    const tier = tierFromText(get('tier'));
    if (!tier) errors.push(`Loại "${get('tier')}" không có trong danh mục (${Object.values(AGENCY_TIERS).join('; ')})`);
    const dates = (['validFrom', 'validTo'] as const).map((key) => {
      const raw = get(key);
      const iso = raw ? parseVnDate(raw) : null;
      if (raw && !iso) errors.push(`${key === 'validFrom' ? 'Hiệu lực từ' : 'Hiệu lực đến'}: "${raw}" không phải ngày dd/mm/yyyy`);
      return iso;
    });
    const orderText = get('protocolOrder');
    const order = orderText === '' ? 1000 : Number(orderText);
    const folded = foldVietnamese(get('fullName'));
    const id = byName.get(folded);
    const parsed = AgencyInputSchema.safeParse({
      ...(id !== undefined ? { id } : {}),
      fullName: get('fullName'),
      shortName: get('shortName'),
      abbreviation: get('abbreviation'),
      tier: tier ?? 'khac',
      parentId: null,
      protocolOrder: order,
      email: get('email'),
      phone: get('phone'),
      validFrom: dates[0] ?? null,
      validTo: dates[1] ?? null,
      replacedById: null,
    });
    if (!parsed.success) errors.push(...describeIssues(parsed.error.issues).map((f) => `${f.label}: ${f.message}`));
    const firstRow = seen.get(folded);
    if (folded && firstRow) errors.push(`Trùng tên đầy đủ với dòng ${firstRow}`);
    if (folded) seen.set(folded, rowNumber);
    if (errors.length === 0 && parsed.success) accepted.push(parsed.data);
    rows.push({ row: rowNumber, name: get('shortName') || get('fullName'), action: errors.length ? 'error' : id !== undefined ? 'update' : 'create', errors });
  });

  const created = rows.filter((r) => r.action === 'create').length;
  const updated = rows.filter((r) => r.action === 'update').length;
  if (!apply) return { rows, created, updated, applied: false };
  if (rows.some((r) => r.action === 'error')) {
    throw new ServiceError('VALIDATION', 'Tệp còn dòng lỗi nên chưa nhập gì. Sửa các dòng lỗi rồi nhập lại.');
  }
  await transactional(db, async (trx) => {
    for (const agency of accepted) {
      // The file's row deliberately replaces the stored one: it is based on whatever is stored now.
      const stored = agency.id === undefined ? undefined : await trx.selectFrom('agencies').select('revision').where('id', '=', agency.id).executeTakeFirst();
      await saveAgency(trx, { ...agency, revision: stored?.revision ?? null, confirmDuplicate: true });
    }
  });
  return { rows, created, updated, applied: true };
}

async function agencyWorkbook(fileName: string, fill: (sheet: ExcelJS.Worksheet) => void): Promise<FileContent> {
  const workbook = newWorkbook();
  fill(addTableSheet(workbook, 'Cơ quan', COLUMNS));
  return workbookFile(workbook, fileName);
}

/** An empty import sheet with one example row and the list of kinds. */
export function agencyTemplate(): Promise<FileContent> {
  return agencyWorkbook('mau-nhap-co-quan.xlsx', (sheet) => {
    sheet.addRow({
      fullName: 'Sở Nội vụ tỉnh Bắc Kạn',
      shortName: 'Sở Nội vụ',
      abbreviation: 'SNV',
      tier: AGENCY_TIERS['so-ban-nganh'],
      protocolOrder: 100,
      email: '',
      phone: '',
      validFrom: '',
      validTo: '',
    });
    const kinds = addTableSheet(sheet.workbook, 'Danh mục loại', [{ header: 'Loại cơ quan (ghi đúng một trong các dòng dưới)', key: 'tier', width: 60 }]);
    for (const label of Object.values(AGENCY_TIERS)) kinds.addRow({ tier: label });
    // A drop-down of the kinds on the first 2,000 rows.
    for (let r = 2; r <= 2000; r++) {
      sheet.getCell(`D${r}`).dataValidation = { type: 'list', allowBlank: false, formulae: [`'Danh mục loại'!$A$2:$A$${Object.keys(AGENCY_TIERS).length + 1}`] };
    }
  });
}

export async function exportAgencies(db: Kysely<Database>): Promise<FileContent> {
  const rows = (await db.selectFrom('agencies').selectAll().execute()).sort((a, b) => a.protocol_order - b.protocol_order || compareVietnamese(a.short_name, b.short_name));
  return agencyWorkbook('danh-muc-co-quan.xlsx', (sheet) => {
    for (const a of rows) {
      sheet.addRow({
        fullName: a.full_name,
        shortName: a.short_name,
        abbreviation: a.abbreviation,
        tier: AGENCY_TIERS[a.tier as AgencyTier] ?? a.tier,
        protocolOrder: a.protocol_order,
        email: a.email,
        phone: a.phone,
        validFrom: formatVnDate(a.valid_from),
        validTo: formatVnDate(a.valid_to),
      });
    }
  });
}
