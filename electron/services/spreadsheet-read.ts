import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse as parseCsv } from 'csv-parse/sync';
import { formatVnDate } from '../../shared/dates';
import type { FileContent } from '../../shared/files';
import { ServiceError } from './errors';

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return formatVnDate(value.toISOString().slice(0, 10));
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

/** Larger than any real import once unpacked; a "zip bomb" is refused before anything is unpacked. */
const MAX_UNPACKED = 60 * 1024 * 1024;

/** Opens an .xlsx after checking, from the zip directory alone, how big it would be unpacked. */
export async function loadWorkbook(file: FileContent): Promise<ExcelJS.Workbook> {
  const bytes = Buffer.from(file.base64, 'base64');
  let unpacked = 0;
  try {
    const zip = await JSZip.loadAsync(bytes);
    zip.forEach((_path, entry) => {
      unpacked += (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    });
  } catch {
    throw new ServiceError('VALIDATION', `Tệp "${file.fileName}" không phải là tệp Excel (.xlsx) hợp lệ hoặc đã bị hỏng.`);
  }
  if (unpacked > MAX_UNPACKED) {
    throw new ServiceError('VALIDATION', `Tệp "${file.fileName}" quá lớn khi giải nén (${Math.round(unpacked / 1048576)} MB; tối đa ${MAX_UNPACKED / 1048576} MB). Hãy chia nhỏ tệp.`);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ServiceError('VALIDATION', `Tệp "${file.fileName}" không phải là tệp Excel (.xlsx) hợp lệ.`);
  }
  return workbook;
}

/** The first sheet of an .xlsx, or a .csv (comma or semicolon, UTF-8 with or without BOM), as rows of text. */
export async function readTable(file: FileContent): Promise<string[][]> {
  const bytes = Buffer.from(file.base64, 'base64');
  const name = file.fileName.toLowerCase();
  if (name.endsWith('.csv')) {
    const text = bytes.toString('utf8');
    const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
    const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
    try {
      return parseCsv(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
    } catch (err) {
      const line = (err as { lines?: unknown }).lines;
      throw new ServiceError('VALIDATION', `Tệp CSV không đọc được${typeof line === 'number' ? ` (quanh dòng ${line})` : ''}: kiểm tra dấu ngoặc kép và dấu phân cách (dấu phẩy hoặc chấm phẩy), rồi lưu lại dạng CSV UTF-8.`);
    }
  }
  if (name.endsWith('.xlsx')) {
    const workbook = await loadWorkbook(file);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new ServiceError('VALIDATION', 'Tệp Excel không có trang tính nào.');
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      rows.push(values.map((v) => cellText(v as ExcelJS.CellValue)));
    });
    return rows;
  }
  throw new ServiceError('VALIDATION', 'Chỉ nhận tệp .xlsx hoặc .csv.');
}
