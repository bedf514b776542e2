import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDocument } from '../../electron/documents/index';
import { checkedXlsx, SPREADSHEET_LIMITS, type ReadLimits } from '../../electron/services/xlsx-safe-read';
import type { Agency } from '../../shared/agencies';
import type { ApiError } from '../../shared/api';
import type { FileContent } from '../../shared/files';
import { planInput, type Plan } from '../../shared/plans';
import type { Round, SubmissionImportFile } from '../../shared/reports';
import { baseModel } from '../documents/fixtures';
import { useTestBackend } from '../fixtures/backend';
import { tempDir } from './helpers';
import { craftZip, deflatedZeros, type CraftedEntry } from './zip-craft';

/**
 * Spreadsheets and CSV files as an outsider could make them: zips that lie about their sizes,
 * sheets with a million rows, text in legacy encodings. Each is refused with a Vietnamese message
 * naming the file, or read correctly, and a refusal stores nothing.
 */

const { backend, call } = useTestBackend('hostile-sheets');
const SHEET = 'xl/worksheets/sheet1.xml';
const HEADER = ['Tên đầy đủ', 'Tên viết gọn', 'Loại'];
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** The parts of a small, valid agency import made by ExcelJS. */
async function sampleParts(): Promise<Map<string, Buffer>> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Cơ quan');
  sheet.addRow(HEADER);
  sheet.addRow(['Sở Tư pháp tỉnh Bắc Kạn', 'Sở Tư pháp', 'Sở, ban, ngành']);
  const zip = await JSZip.loadAsync(Buffer.from(await workbook.xlsx.writeBuffer()));
  const parts = new Map<string, Buffer>();
  for (const file of Object.values(zip.files)) if (!file.dir) parts.set(file.name, await file.async('nodebuffer'));
  return parts;
}

/** Every part as an honest deflated entry, with `replace` swapping or adding entries by name. */
async function xlsxWith(replace: Record<string, CraftedEntry> = {}, extra: CraftedEntry[] = []): Promise<Buffer> {
  const entries = [...(await sampleParts())].map(([name, content]): CraftedEntry => replace[name] ?? honest(name, content));
  return craftZip([...entries, ...extra]);
}

function honest(name: string, content: Buffer): CraftedEntry {
  return { name, data: zlib.deflateRawSync(content, { level: 1 }), method: 8, declaredSize: content.length, crc: zlib.crc32(content) };
}

/** The sample's sheet with `rowsXml` appended inside <sheetData>. */
async function sheetWithRows(rowsXml: string): Promise<Buffer> {
  const xml = (await sampleParts()).get(SHEET)!.toString('utf8');
  return Buffer.from(xml.replace('</sheetData>', `${rowsXml}</sheetData>`), 'utf8');
}

const refusal = (bytes: Buffer, limits?: ReadLimits) => checkedXlsx(bytes, 'bieu-mau.xlsx', limits).then(() => 'accepted', (err: Error) => err.message);
const file = (fileName: string, bytes: Buffer) => ({ fileName, base64: bytes.toString('base64') });
const agencies = () => call<Agency[]>('listAgencies', { query: '', tier: null, includeInactive: true });

/** Runs importAgencies in a child process (see import-probe.ts) so that exhausted memory is observed, not suffered. */
function probe(bytes: Buffer, fileName: string) {
  const dir = tempDir('hostile-probe');
  dirs.push(dir);
  const target = path.join(dir, fileName);
  fs.writeFileSync(target, bytes);
  const child = spawnSync(process.execPath, ['--max-old-space-size=1024', '--import', 'tsx', path.resolve('test/safety/import-probe.ts'), target, fileName], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, NODE_ENV: 'test' },
  });
  const what = `exit ${child.status}, signal ${child.signal}; stdout: ${child.stdout.trim().slice(0, 500)}; stderr: ${child.stderr.trim().split('\n').slice(0, 6).join(' | ')}`;
  console.log(`${fileName}: ${what}`);
  expect(child.status, what).toBe(0);
  return { what, ...(JSON.parse(child.stdout.trim().split('\n').pop()!) as { result: { ok: boolean; error?: ApiError }; agencies: number; peakMb: number }) };
}

describe('.xlsx packages that lie or overflow', () => {
  it('the sample itself passes, so every refusal below is caused by its one change', async () => {
    expect(await refusal(await xlsxWith())).toBe('accepted');
    const result = await call<{ created: number }>('importAgencies', { file: file('co-quan.xlsx', await xlsxWith()), apply: true });
    expect(result.created).toBe(1);
  });

  it('counts the bytes actually inflated: honest headers over the cap are refused', async () => {
    const zeros = await deflatedZeros(3);
    const bomb = await xlsxWith({ [SHEET]: { name: SHEET, data: zeros, method: 8, declaredSize: 3 * 2 ** 20, crc: zlib.crc32(Buffer.alloc(3 * 2 ** 20)) } });
    expect(await refusal(bomb, { ...SPREADSHEET_LIMITS, unpackedBytes: 2 * 2 ** 20 })).toMatch(/^Tệp "bieu-mau\.xlsx" quá lớn khi giải nén \(vượt quá 2 MB\)/);
  });

  it('refuses an entry that inflates to more than its headers declare, even under the cap', async () => {
    const sheet = await sheetWithRows('');
    const lying = await xlsxWith({ [SHEET]: { ...honest(SHEET, sheet), declaredSize: 100 } });
    expect(await refusal(lying)).toMatch(/^Tệp "bieu-mau\.xlsx" không phải là tệp Excel \(\.xlsx\) hợp lệ hoặc đã bị hỏng/);
  });

  it('a bomb whose headers declare a few KB but inflates to 300 MB: refused naming the file, memory bounded, nothing stored', async () => {
    const bomb = await xlsxWith({ [SHEET]: { name: SHEET, data: await deflatedZeros(300), method: 8, declaredSize: 4096, crc: 0 } });
    expect(bomb.length).toBeLessThan(2 * 2 ** 20);
    const report = probe(bomb, 'bom-nen.xlsx');
    expect(report.result.ok, report.what).toBe(false);
    expect(report.result.error?.code).toBe('VALIDATION');
    expect(report.result.error?.message).toMatch(/^Tệp "bom-nen\.xlsx" /);
    expect(report.agencies).toBe(0);
    // 300 MB never comes into memory: the child stays far below it (loose bound, includes tsx itself).
    expect(report.peakMb, report.what).toBeLessThan(300);
  }, 180_000);

  it('caps the number of entries', async () => {
    const size = (await sampleParts()).size;
    const oneMore = await xlsxWith({}, [honest('xl/media/image1.png', Buffer.from('x'))]);
    expect(await refusal(oneMore, { ...SPREADSHEET_LIMITS, entries: size + 1 })).toBe('accepted');
    expect(await refusal(oneMore, { ...SPREADSHEET_LIMITS, entries: size })).toMatch(new RegExp(`^Tệp "bieu-mau\\.xlsx" có quá nhiều phần bên trong \\(${size + 1}; tối đa ${size}\\)`));
  });

  it('refuses encrypted entries, unknown compression methods and duplicated names cleanly', async () => {
    const sheet = await sheetWithRows('');
    expect(await refusal(await xlsxWith({ [SHEET]: { ...honest(SHEET, sheet), flags: 1 } }))).toMatch(/có phần được mã hóa bằng mật khẩu \("xl\/worksheets\/sheet1\.xml"\)/);
    expect(await refusal(await xlsxWith({ [SHEET]: { ...honest(SHEET, sheet), method: 12 } }))).toMatch(/dùng kiểu nén không hỗ trợ ở phần "xl\/worksheets\/sheet1\.xml"/);
    const twice = await xlsxWith({}, [honest(SHEET, await sheetWithRows('<row r="3"><c r="A3" t="inlineStr"><is><t>Sở giả</t></is></c></row>'))]);
    expect(await refusal(twice)).toMatch(/bị hỏng: phần "xl\/worksheets\/sheet1\.xml" xuất hiện hai lần/);
  });

  it('names a legacy .xls or a password-protected workbook for what it is', async () => {
    const compound = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600)]);
    await expect(call('importAgencies', { file: file('cu.xlsx', compound), apply: false })).rejects.toThrow(/^Tệp "cu\.xlsx" là tệp Excel cũ \(\.xls\) hoặc đã đặt mật khẩu mở/);
  });
});

describe('returned report forms among hostile files', () => {
  it('each hostile file gets its own Vietnamese error naming it; the genuine form is still read in full and recorded', async () => {
    const a = await call<{ id: number }>('saveAgency', {
      agency: { fullName: 'Sở Tư pháp tỉnh Bắc Kạn', shortName: 'Sở Tư pháp', abbreviation: '', tier: 'so-ban-nganh', parentId: null, protocolOrder: 1, email: '', phone: '', validFrom: null, validTo: null, replacedById: null },
      confirmDuplicate: false,
    });
    const plan = await call<Plan>('createBlankPlan', { year: 2024 });
    const task = { componentId: null, componentLabel: 'Nội dung 1', content: 'Rà soát thủ tục hành chính.', lead: { type: 'agency', agencyId: a.id }, coordinators: [], deadline: { kind: 'trong-nam', year: 2024 }, expectedOutput: '' };
    await call('savePlan', { ...planInput(plan), tasks: [task] });
    const round = await call<Round>('saveRound', { planId: plan.id, kind: 'nam', name: 'Năm 2024', periodFrom: '2024-01-01', periodTo: '2024-12-14', dueDate: '2099-12-31' });
    const form = await call<FileContent>('generateReportForm', { roundId: round.id, agencyId: a.id });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(form.base64, 'base64') as unknown as ArrayBuffer);
    workbook.getWorksheet('Báo cáo')!.getCell('E7').value = 'Hoàn thành đúng hạn';
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());

    // the same form, its report sheet swapped for a lying bomb or for one numbered past the row cap
    const zip = await JSZip.loadAsync(filled);
    const parts = await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map(async (f) => [f.name, await f.async('nodebuffer')] as const));
    const reportSheet = parts.find(([name, c]) => name.startsWith('xl/worksheets/') && c.includes('<dataValidations'))![0]; // the "Báo cáo" sheet
    const variant = (sheet: CraftedEntry) => craftZip(parts.map(([name, content]) => (name === reportSheet ? sheet : honest(name, content))));
    const bomb = variant({ name: reportSheet, data: await deflatedZeros(80), method: 8, declaredSize: 4096, crc: 0 });
    const far = variant(honest(reportSheet, Buffer.from(parts.find(([n]) => n === reportSheet)![1].toString('utf8').replace('</sheetData>', '<row r="50000"><c r="A50000"><v>1</v></c></row></sheetData>'))));

    const results = await call<SubmissionImportFile[]>('importReportForms', { roundId: round.id, apply: true, files: [file('bom.xlsx', bomb), file('xa.xlsx', far), file('that.xlsx', filled)] });
    expect(results.map((r) => [r.fileName, r.applied, r.errors])).toEqual([
      ['bom.xlsx', false, ['Tệp "bom.xlsx" không phải là tệp Excel (.xlsx) hợp lệ hoặc đã bị hỏng.']],
      ['xa.xlsx', false, ['Tệp "xa.xlsx" có trang tính vượt quá 10.000 dòng. Hãy chia nhỏ tệp.']],
      ['that.xlsx', true, []],
    ]);
    const stored = backend.database.sqlite.prepare('select s.source, e.status from report_submissions s join report_entries e on e.submission_id = s.id').all();
    expect(stored).toEqual([{ source: 'that.xlsx', status: 'hoan-thanh-dung-han' }]);
  });
});

describe('sheets over the row, column and cell caps', () => {
  it('a 1,000,000-row sheet is refused at the row cap, through the real import, without parsing it', async () => {
    const rows = '<row><c t="inlineStr"><is><t>Sở</t></is></c></row>'.repeat(1_000_000);
    const xlsx = await xlsxWith({ [SHEET]: honest(SHEET, await sheetWithRows(rows)) });
    const report = probe(xlsx, 'trieu-dong.xlsx');
    expect(report.result.error?.message, report.what).toBe('Tệp "trieu-dong.xlsx" có trang tính vượt quá 10.000 dòng. Hãy chia nhỏ tệp.');
    expect(report.agencies).toBe(0);
    // ExcelJS took about 1.1 GB for this sheet; stopping at the cap keeps the whole child far below.
    expect(report.peakMb, report.what).toBeLessThan(500);
  }, 180_000);

  it('one row, numbered past the cap, is refused by its number', async () => {
    const xlsx = await xlsxWith({ [SHEET]: honest(SHEET, await sheetWithRows('<row r="1048576"><c r="A1048576"><v>1</v></c></row>')) });
    await expect(call('previewSpreadsheet', { file: file('xa.xlsx', xlsx) })).rejects.toThrow('Tệp "xa.xlsx" có trang tính vượt quá 10.000 dòng. Hãy chia nhỏ tệp.');
    // a cell whose own reference is far down counts too, even in a low-numbered row
    const xlsx2 = await xlsxWith({ [SHEET]: honest(SHEET, await sheetWithRows('<row r="3"><c r="B900000"><v>1</v></c></row>')) });
    await expect(call('previewSpreadsheet', { file: file('xa.xlsx', xlsx2) })).rejects.toThrow(/vượt quá 10\.000 dòng/);
  });

  it('a cell in the last column (XFD) is refused by the column cap', async () => {
    const xlsx = await xlsxWith({ [SHEET]: honest(SHEET, await sheetWithRows('<row r="3"><c r="XFD3"><v>1</v></c></row>')) });
    await expect(call('previewSpreadsheet', { file: file('rong.xlsx', xlsx) })).rejects.toThrow('Tệp "rong.xlsx" có trang tính vượt quá 100 cột. Hãy xóa các cột thừa hoặc chia nhỏ tệp.');
  });

  it('caps the cells of all sheets together', async () => {
    const cells = '<row><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row>'.repeat(20);
    const xlsx = await xlsxWith({ [SHEET]: honest(SHEET, await sheetWithRows(cells)) });
    expect(await refusal(xlsx, { ...SPREADSHEET_LIMITS, cells: 60 })).toBe('Tệp "bieu-mau.xlsx" có quá nhiều ô (tối đa 60 ô). Hãy chia nhỏ tệp.');
    expect(await refusal(xlsx, { ...SPREADSHEET_LIMITS, cells: 70 })).toBe('accepted');
  });

  it('a sheet just under the caps is still read in full', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `<row r="${i + 3}"><c r="A${i + 3}" t="inlineStr"><is><t>Trung tâm ${i}</t></is></c><c r="CV${i + 3}"><v>${i}</v></c></row>`).join('');
    const xlsx = await xlsxWith({ [SHEET]: honest(SHEET, await sheetWithRows(rows)) });
    const preview = await call<{ rows: string[][]; columns: number }>('previewSpreadsheet', { file: file('du.xlsx', xlsx) });
    expect(preview.columns).toBe(100);
    expect(preview.rows[2]![0]).toBe('Trung tâm 0');
  });
});

describe('CSV encodings', () => {
  const rows = [HEADER, ['Sở Nội vụ tỉnh Bắc Kạn', 'Sở Nội vụ', 'Sở, ban, ngành'], ['Ủy ban nhân dân huyện Chợ Đồn', 'UBND huyện Chợ Đồn', 'UBND cấp huyện']];
  const tsv = rows.map((r) => r.join('\t')).join('\r\n');
  const csv = rows.map((r) => r.map((c) => `"${c}"`).join(';')).join('\r\n');
  const importCsv = (bytes: Buffer, apply = true) => call<{ created: number }>('importAgencies', { file: file('nhap.csv', bytes), apply });
  const names = async () => (await agencies()).map((a) => a.fullName).sort();

  it('reads UTF-8 with and without BOM', async () => {
    expect((await importCsv(Buffer.from(csv, 'utf8'))).created).toBe(2);
    expect((await importCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]))).created).toBe(0); // same names: updated
    expect(await names()).toEqual(['Sở Nội vụ tỉnh Bắc Kạn', 'Ủy ban nhân dân huyện Chợ Đồn']);
  });

  it('reads UTF-16 LE with BOM, tab-separated, as Excel\'s "Unicode Text" writes it', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, 'utf16le')]);
    expect((await importCsv(bytes)).created).toBe(2);
    expect(await names()).toEqual(['Sở Nội vụ tỉnh Bắc Kạn', 'Ủy ban nhân dân huyện Chợ Đồn']);
  });

  it('reads UTF-16 BE with BOM', async () => {
    const bytes = iconv.encode(csv, 'utf16-be', { addBOM: true });
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xfe, 0xff]));
    expect((await importCsv(bytes)).created).toBe(2);
    expect(await names()).toEqual(['Sở Nội vụ tỉnh Bắc Kạn', 'Ủy ban nhân dân huyện Chợ Đồn']);
  });

  const notUtf8 = /^Tệp CSV "nhap\.csv" không phải mã UTF-8 .*lưu lại bằng "CSV UTF-8/;
  /** Windows-1258 writes a base letter (â, ơ, đ…) and then the tone as a combining mark. */
  const to1258 = (text: string) => {
    const tones = /[\u0300\u0301\u0303\u0309\u0323]/g;
    const letters = [...text.normalize('NFD').matchAll(/\P{M}\p{M}*/gu)].map(([g]) => g.replace(tones, '').normalize('NFC') + (g.match(tones) ?? []).join(''));
    return iconv.encode(letters.join(''), 'windows1258');
  };
  it.each([
    // Excel's "CSV (Comma delimited)" on a Western Windows: letters outside 1252 become "?", the rest 1252 bytes.
    ['Windows-1252', () => iconv.encode(csv, 'windows1252')],
    ['Windows-1258', () => to1258(csv)],
    ['TCVN3', () => iconv.encode(csv, 'tcvn')],
  ])('refuses %s bytes with the encoding message and stores nothing', async (name, encode) => {
    const bytes = encode();
    if (name !== 'Windows-1252') expect(bytes.includes(0x3f), 'every letter was encodable').toBe(false);
    await expect(importCsv(bytes)).rejects.toThrow(notUtf8);
    expect(await agencies()).toEqual([]);
  });

  it('refuses valid UTF-8 that already carries U+FFFD from an earlier failed conversion', async () => {
    await expect(importCsv(Buffer.from(csv.replace('Nội', 'N\uFFFDi'), 'utf8'))).rejects.toThrow(/^Tệp CSV "nhap\.csv" có ký tự lỗi mã/);
    expect(await agencies()).toEqual([]);
  });

  it('refuses UTF-16 whose content is broken (a lone surrogate)', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, 'utf16le'), Buffer.from([0x00, 0xd8, 0x41, 0x00])]);
    await expect(importCsv(bytes)).rejects.toThrow(/^Tệp CSV "nhap\.csv" ghi mã UTF-16LE nhưng nội dung bị hỏng/);
    expect(await agencies()).toEqual([]);
  });

  it('caps CSV rows and columns', async () => {
    const tall = [HEADER.join(';'), ...Array.from({ length: SPREADSHEET_LIMITS.rows }, (_, i) => `Trung tâm ${i};TT ${i};so-ban-nganh`)].join('\n');
    await expect(call('previewSpreadsheet', { file: file('dai.csv', Buffer.from(tall)) })).rejects.toThrow('Tệp CSV "dai.csv" có quá nhiều dòng (tối đa 10.000 dòng). Hãy chia nhỏ tệp.');
    const wide = `${HEADER.join(';')}\n${Array.from({ length: 101 }, (_, i) => i).join(';')}`;
    await expect(call('previewSpreadsheet', { file: file('rong.csv', Buffer.from(wide)) })).rejects.toThrow(/^Tệp CSV "rong\.csv" có dòng vượt quá 100 cột/);
    const fits = [HEADER.join(';'), ...Array.from({ length: SPREADSHEET_LIMITS.rows - 1 }, (_, i) => `Trung tâm ${i};TT ${i};so-ban-nganh`)].join('\n');
    expect((await call<{ columns: number }>('previewSpreadsheet', { file: file('vua.csv', Buffer.from(fits)) })).columns).toBe(3);
  });
});

describe('bidirectional controls never reach the database', () => {
  const BIDI = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C';

  it('through the save request', async () => {
    const saved = await call<Agency>('saveAgency', {
      agency: { fullName: `Sở \u202EvụNội\u202C tỉnh${BIDI} Bắc Kạn`, shortName: `\u2067Sở\u2069 Nội vụ`, abbreviation: 'SNV\u200F', tier: 'so-ban-nganh', parentId: null, protocolOrder: 1, email: '', phone: '', validFrom: null, validTo: null, replacedById: null },
      confirmDuplicate: false,
    });
    expect([saved.fullName, saved.shortName, saved.abbreviation]).toEqual(['Sở vụNội tỉnh Bắc Kạn', 'Sở Nội vụ', 'SNV']);
    const stored = backend.database.sqlite.prepare('select full_name, short_name, abbreviation from agencies').all();
    expect(JSON.stringify(stored)).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/);
  });

  it('nor a rendered .docx', async () => {
    const model = baseModel();
    model.subject = `Cải cách\u202E hành chính${BIDI}`;
    model.body = [{ type: 'paragraph', text: [{ text: `\u2067Sở Nội vụ\u2069 `, bold: true }, { text: `chủ trì\u200F` }] }];
    const docx = await JSZip.loadAsync(await renderDocument(model));
    const xml = await docx.file('word/document.xml')!.async('string');
    expect(xml).toContain('Cải cách hành chính');
    expect(xml).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/);
  });

  it('through an import', async () => {
    const text = `${HEADER.join(';')}\n\u202ESở Nội vụ tỉnh Bắc Kạn\u202C;Sở${BIDI} Nội vụ;Sở, ban, ngành\n`;
    await call('importAgencies', { file: file('nhap.csv', Buffer.from(text)), apply: true });
    expect((await agencies()).map((a) => [a.fullName, a.shortName])).toEqual([['Sở Nội vụ tỉnh Bắc Kạn', 'Sở Nội vụ']]);
  });
});
