import { parse as parseCsv } from 'csv-parse/sync';
import { ServiceError } from './errors';
import { SPREADSHEET_LIMITS, type ReadLimits } from './xlsx-safe-read';

const count = (n: number) => n.toLocaleString('vi-VN');

/**
 * The text of a CSV file. Read: UTF-8 with or without BOM, and UTF-16 LE/BE with its BOM (what
 * Excel's "Unicode Text" writes). Anything that is not valid UTF-8 is refused, not guessed:
 * Windows-1258, Windows-1252 and the TCVN3 (ABC) fonts give different letters to the same bytes
 * 0x80-0xFF and all of them decode without error, so a wrong guess would store names that look
 * plausible but are wrong ("Sở" as "SÆ¡"), which nobody notices until a document goes out. Saving
 * again as "CSV UTF-8" is one step for the user and leaves nothing to chance.
 */
export function decodeCsv(bytes: Uint8Array, fileName: string): string {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  let text: string;
  try {
    // fatal: an invalid sequence throws instead of becoming U+FFFD; the BOM is dropped.
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new ServiceError(
      'VALIDATION',
      encoding === 'utf-8'
        ? `Tệp CSV "${fileName}" không phải mã UTF-8 (có thể đã lưu bằng mã Windows-1258, Windows-1252 hoặc TCVN3), nên chữ tiếng Việt sẽ bị sai. Hãy mở tệp bằng Excel và lưu lại bằng "CSV UTF-8 (Comma delimited)".`
        : `Tệp CSV "${fileName}" ghi mã ${encoding.toUpperCase()} nhưng nội dung bị hỏng. Hãy mở tệp bằng Excel và lưu lại bằng "CSV UTF-8 (Comma delimited)".`,
    );
  }
  if (text.includes('\uFFFD')) {
    // Valid UTF-8, but carrying the marks of an earlier failed conversion: the letters are already lost.
    throw new ServiceError('VALIDATION', `Tệp CSV "${fileName}" có ký tự lỗi mã (\uFFFD) do đã bị chuyển mã sai trước đó; chữ gốc không khôi phục được. Hãy xuất lại tệp từ nguồn và lưu bằng "CSV UTF-8 (Comma delimited)".`);
  }
  return text;
}

/** Rows of a CSV file (comma, semicolon or tab, whichever the first line uses most), within `limits`. */
export function readCsv(bytes: Uint8Array, fileName: string, limits: ReadLimits = SPREADSHEET_LIMITS): string[][] {
  const text = decodeCsv(bytes, fileName);
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const uses = (d: string) => firstLine.split(d).length - 1;
  const delimiter = [';', '\t'].reduce((best, d) => (uses(d) > uses(best) ? d : best), ',');
  let rows: string[][];
  try {
    // `to`: parsing stops one record past the cap, so an oversized file is refused without reading all of it.
    rows = parseCsv(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, to: limits.rows + 1 }) as string[][];
  } catch (err) {
    const line = (err as { lines?: unknown }).lines;
    throw new ServiceError('VALIDATION', `Tệp CSV "${fileName}" không đọc được${typeof line === 'number' ? ` (quanh dòng ${line})` : ''}: kiểm tra dấu ngoặc kép và dấu phân cách (dấu phẩy hoặc chấm phẩy), rồi lưu lại dạng CSV UTF-8.`);
  }
  if (rows.length > limits.rows) throw new ServiceError('VALIDATION', `Tệp CSV "${fileName}" có quá nhiều dòng (tối đa ${count(limits.rows)} dòng). Hãy chia nhỏ tệp.`);
  if (rows.some((r) => r.length > limits.columns)) throw new ServiceError('VALIDATION', `Tệp CSV "${fileName}" có dòng vượt quá ${count(limits.columns)} cột. Kiểm tra dấu phân cách hoặc xóa các cột thừa.`);
  return rows;
}
