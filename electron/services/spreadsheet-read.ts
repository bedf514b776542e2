import ExcelJS from 'exceljs';
import { formatVnDate } from '../../shared/dates';
import type { FileContent } from '../../shared/files';
import { readCsv } from './csv-read';
import { ServiceError } from './errors';
import { checkedXlsx, SPREADSHEET_LIMITS, type ReadLimits } from './xlsx-safe-read';

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  // ExcelJS gives a cell's date as midnight UTC of that day, so the UTC day is the day in the cell
  if (value instanceof Date) return formatVnDate(value.toISOString().slice(0, 10));
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

/** Opens an .xlsx from outside once it has passed the caps of `checkedXlsx` (inflated size, entries, rows, columns, cells). */
export async function loadWorkbook(file: FileContent, limits: ReadLimits = SPREADSHEET_LIMITS): Promise<ExcelJS.Workbook> {
  const checked = await checkedXlsx(Buffer.from(file.base64, 'base64'), file.fileName, limits);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(checked as unknown as ArrayBuffer);
  } catch {
    throw new ServiceError('VALIDATION', `Tệp "${file.fileName}" không phải là tệp Excel (.xlsx) hợp lệ.`);
  }
  return workbook;
}

/** The first sheet of an .xlsx, or a .csv (see `readCsv` for delimiters and encodings), as rows of text. */
export async function readTable(file: FileContent, limits: ReadLimits = SPREADSHEET_LIMITS): Promise<string[][]> {
  const bytes = Buffer.from(file.base64, 'base64');
  const name = file.fileName.toLowerCase();
  if (name.endsWith('.csv')) return readCsv(bytes, file.fileName, limits);
  if (name.endsWith('.xlsx')) {
    const workbook = await loadWorkbook(file, limits);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new ServiceError('VALIDATION', `Tệp "${file.fileName}" không có trang tính nào.`);
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      // Array.from, not map: a row with a gap (A and C filled) is a sparse array, and map keeps the holes.
      rows.push(Array.from(values, (v) => cellText(v as ExcelJS.CellValue)));
    });
    return rows;
  }
  throw new ServiceError('VALIDATION', 'Chỉ nhận tệp .xlsx hoặc .csv.');
}
