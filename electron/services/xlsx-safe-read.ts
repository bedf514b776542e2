import JSZip from 'jszip';
import yauzl from 'yauzl';
import { ServiceError } from './errors';

/**
 * Opening an .xlsx that came from outside without trusting anything it says about itself.
 *
 * The zip is inflated with yauzl, counting the bytes that actually come out (never the sizes the
 * zip directory declares, which a hostile file sets to whatever it likes), and stops the moment a
 * cap is passed. The sheet XML is then scanned for its row and cell references before any parser
 * builds objects from it. Only a package that passed both checks is handed on, re-packed from the
 * very bytes that were checked, so the parser cannot read anything else.
 */

export interface ReadLimits {
  /** Bytes inflated from all entries together. */
  unpackedBytes: number;
  /** Entries in the zip directory. */
  entries: number;
  /** Highest row number in any sheet (or data rows in a CSV). */
  rows: number;
  /** Highest column number in any sheet (or fields in a CSV row). */
  columns: number;
  /** Cells in all sheets together. */
  cells: number;
}

/**
 * The largest real imports are ~500 agencies and ~5,000 tasks of 9-10 columns; these caps leave
 * room for that twice over and keep the parser's memory in the low hundreds of MB.
 */
export const SPREADSHEET_LIMITS: Readonly<ReadLimits> = Object.freeze({
  unpackedBytes: 60 * 1024 * 1024,
  entries: 1000,
  rows: 10_000,
  columns: 100,
  cells: 300_000,
});

const count = (n: number) => n.toLocaleString('vi-VN');
const refuse = (message: string) => new ServiceError('VALIDATION', message);

/** OLE2 compound file: a legacy .xls, or an .xlsx saved with a password to open (Excel encrypts it into one). */
const COMPOUND_FILE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Inflates every entry of the zip, counting real bytes against `limits`; a name maps to its content. */
export async function unzipCapped(bytes: Buffer, fileName: string, limits: ReadLimits = SPREADSHEET_LIMITS): Promise<Map<string, Buffer>> {
  const damaged = refuse(`Tệp "${fileName}" không phải là tệp Excel (.xlsx) hợp lệ hoặc đã bị hỏng.`);
  if (bytes.subarray(0, COMPOUND_FILE.length).equals(COMPOUND_FILE)) {
    throw refuse(`Tệp "${fileName}" là tệp Excel cũ (.xls) hoặc đã đặt mật khẩu mở. Hãy mở bằng Excel, bỏ mật khẩu nếu có, rồi lưu lại dạng .xlsx.`);
  }
  let zip: yauzl.ZipFile;
  try {
    // validateEntrySizes: an entry that inflates to more (or less) than its header says is an error.
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true, decodeStrings: true, strictFileNames: false });
  } catch {
    throw damaged;
  }
  const parts = new Map<string, Buffer>();
  try {
    if (zip.entryCount > limits.entries) {
      throw refuse(`Tệp "${fileName}" có quá nhiều phần bên trong (${count(zip.entryCount)}; tối đa ${count(limits.entries)}): không phải bảng tính thông thường.`);
    }
    let total = 0;
    for await (const entry of zip.eachEntry()) {
      const name = entry.fileName;
      if (name.endsWith('/')) continue;
      if (entry.isEncrypted()) throw refuse(`Tệp "${fileName}" có phần được mã hóa bằng mật khẩu ("${name}"). Hãy lưu lại tệp mà không đặt mật khẩu.`);
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
        throw refuse(`Tệp "${fileName}" dùng kiểu nén không hỗ trợ ở phần "${name}". Hãy mở bằng Excel và lưu lại dạng .xlsx.`);
      }
      if (parts.has(name)) throw refuse(`Tệp "${fileName}" bị hỏng: phần "${name}" xuất hiện hai lần.`);
      const chunks: Buffer[] = [];
      const stream = await zip.openReadStreamPromise(entry);
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          total += chunk.length;
          if (total > limits.unpackedBytes) {
            throw refuse(`Tệp "${fileName}" quá lớn khi giải nén (vượt quá ${count(Math.round(limits.unpackedBytes / 1048576))} MB). Hãy chia nhỏ tệp.`);
          }
          chunks.push(chunk);
        }
      } finally {
        stream.destroy();
      }
      parts.set(name, Buffer.concat(chunks));
    }
  } catch (err) {
    if (err instanceof ServiceError) throw err;
    throw damaged;
  } finally {
    zip.close();
  }
  return parts;
}

/** "AB12" → [28, 12]; a reference without a row part gives row 0. */
function parseCellRef(ref: string): [number, number] {
  const m = /^\$?([A-Z]{1,7})\$?(\d*)$/i.exec(ref);
  if (!m) return [0, 0];
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [col, m[2] ? Number(m[2]) : 0];
}

const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;
// Opening tags of rows and cells (any namespace prefix) with their attributes. Tags cannot occur
// inside text in well-formed XML, so counting them over-counts at worst (in a comment), never under.
const ROW_OR_CELL = /<(?:[\w.-]+:)?(row|c)(?=[\s/>])([^>]*)>/g;
const R_ATTRIBUTE = /(?:^|\s)r\s*=\s*["']([^"']*)["']/;

/**
 * Checks every sheet's row numbers, column numbers and cell count against `limits` by scanning the
 * XML tags, stopping at the first one over a cap; nothing is built from the XML here.
 */
export function checkSheetSizes(parts: ReadonlyMap<string, Buffer>, fileName: string, limits: ReadLimits = SPREADSHEET_LIMITS): void {
  let cells = 0;
  for (const [name, xml] of parts) {
    if (!SHEET_PART.test(name)) continue;
    // Tag names and attributes are ASCII: latin1 keeps one byte per character and never fails.
    const text = xml.toString('latin1');
    let row = 0;
    let col = 0;
    ROW_OR_CELL.lastIndex = 0;
    for (let m = ROW_OR_CELL.exec(text); m; m = ROW_OR_CELL.exec(text)) {
      const ref = R_ATTRIBUTE.exec(m[2]!)?.[1];
      if (m[1] === 'row') {
        row = ref && /^\d+$/.test(ref) ? Number(ref) : row + 1;
        col = 0;
      } else {
        const [refCol, refRow] = ref ? parseCellRef(ref) : [0, 0];
        col = refCol || col + 1;
        if (refRow > row) row = refRow;
        cells += 1;
        if (col > limits.columns) throw refuse(`Tệp "${fileName}" có trang tính vượt quá ${count(limits.columns)} cột. Hãy xóa các cột thừa hoặc chia nhỏ tệp.`);
        if (cells > limits.cells) throw refuse(`Tệp "${fileName}" có quá nhiều ô (tối đa ${count(limits.cells)} ô). Hãy chia nhỏ tệp.`);
      }
      if (row > limits.rows) throw refuse(`Tệp "${fileName}" có trang tính vượt quá ${count(limits.rows)} dòng. Hãy chia nhỏ tệp.`);
    }
  }
}

/**
 * The .xlsx after both checks, re-packed without compression from the inflated parts: what the
 * spreadsheet parser then reads is exactly what was counted.
 */
export async function checkedXlsx(bytes: Buffer, fileName: string, limits: ReadLimits = SPREADSHEET_LIMITS): Promise<Buffer> {
  const parts = await unzipCapped(bytes, fileName, limits);
  checkSheetSizes(parts, fileName, limits);
  const zip = new JSZip();
  for (const [name, content] of parts) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}
