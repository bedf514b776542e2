import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { FileContent } from '../../shared/files';
import { useTestBackend } from '../fixtures/backend';
import { craftZip, deflatedZeros } from '../safety/zip-craft';

const { call } = useTestBackend('task-import');
type Sheet = { rows: string[][]; columns: number };
const file = (fileName: string, bytes: Uint8Array | string): FileContent => ({ fileName, base64: Buffer.from(bytes).toString('base64') });

async function taskWorkbook(edit?: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Nhiệm vụ');
  sheet.addRow(['TT', 'Chỉ số thành phần', 'Nhiệm vụ, giải pháp', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện']);
  sheet.addRow([1, '1.1 Tri thức công dân', 'Tuyên truyền Pháp lệnh dân chủ\r\nở xã, phường, thị trấn', 'Sở TT&TT', 'Các sở, ban, ngành; UBND cấp huyện', 'Quý II']);
  sheet.addRow([]);
  sheet.addRow([2, '8.1', { richText: [{ text: 'Thực hiện ' }, { font: { bold: true }, text: 'Đề án 06' }] }, 'Sở Nội vụ', '', new Date(Date.UTC(2022, 11, 31))]);
  edit?.(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('readTaskSheet (rows of a task list from outside; stores nothing)', () => {
  it('reads an .xlsx: rich text, dates as dd/mm/yyyy, line breaks kept, empty rows dropped', async () => {
    const sheet = await call<Sheet>('readTaskSheet', { file: file('nhiem-vu.xlsx', await taskWorkbook()) });
    expect(sheet.columns).toBe(6);
    expect(sheet.rows).toEqual([
      ['TT', 'Chỉ số thành phần', 'Nhiệm vụ, giải pháp', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện'],
      ['1', '1.1 Tri thức công dân', 'Tuyên truyền Pháp lệnh dân chủ\nở xã, phường, thị trấn', 'Sở TT&TT', 'Các sở, ban, ngành; UBND cấp huyện', 'Quý II'],
      ['2', '8.1', 'Thực hiện Đề án 06', 'Sở Nội vụ', '', '31/12/2022'],
    ]);
  });

  it('reads a UTF-8 .csv with quoted multi-line cells (";" or "," delimited)', async () => {
    const csv = '\uFEFFNhiệm vụ;Chủ trì;Thời gian\r\n"Dòng một\r\ndòng ""hai""";Sở Nội vụ;Tháng 6\r\n;;\r\n';
    const sheet = await call<Sheet>('readTaskSheet', { file: file('nhiem-vu.csv', csv) });
    expect(sheet.rows).toEqual([
      ['Nhiệm vụ', 'Chủ trì', 'Thời gian'],
      ['Dòng một\ndòng "hai"', 'Sở Nội vụ', 'Tháng 6'],
    ]);
  });

  it('refuses hostile and unreadable files in Vietnamese, naming the file', async () => {
    const refusal = async (f: FileContent) => {
      try {
        await call('readTaskSheet', { file: f });
      } catch (err) {
        return { code: (err as { code: string }).code, message: (err as Error).message };
      }
      throw new Error(`${f.fileName} was read`);
    };
    // a zip bomb: 80 MB of zeros declared as 4 KB
    const parts = await JSZip.loadAsync(await taskWorkbook());
    const honest = await Promise.all(
      Object.values(parts.files)
        .filter((f) => !f.dir)
        .map(async (f) => ({ name: f.name, data: await f.async('nodebuffer'), method: 0 as const })),
    );
    const bomb = craftZip([...honest.filter((e) => e.name !== 'xl/worksheets/sheet1.xml'), { name: 'xl/worksheets/sheet1.xml', data: await deflatedZeros(80), method: 8, declaredSize: 4096, crc: 0 }]);
    const bombed = await refusal(file('bom.xlsx', bomb));
    expect(bombed.code).toBe('VALIDATION');
    expect(bombed.message).toMatch(/bom\.xlsx/);
    // a sheet that says it reaches row 50,000
    const far = await refusal(file('xa.xlsx', await taskWorkbook((s) => (s.getCell('A50000').value = 'x'))));
    expect(far).toMatchObject({ code: 'VALIDATION' });
    expect(far.message).toMatch(/xa\.xlsx/);
    // a CSV saved in Windows-1258
    const legacy = await refusal(file('cu.csv', iconv.encode('Nhiệm vụ;Chủ trì\nTuyên truyền;Sở Nội vụ\n', 'windows1258')));
    expect(legacy.code).toBe('VALIDATION');
    expect(legacy.message).toMatch(/UTF-8/);
    expect(await refusal(file('a.pdf', 'x'))).toMatchObject({ code: 'VALIDATION', message: 'Chỉ nhận tệp .xlsx hoặc .csv.' });
  });
});
