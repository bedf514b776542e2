import ExcelJS from 'exceljs';
import type { FileContent } from '../../shared/files';

export interface SheetColumn {
  header: string;
  key?: string;
  width: number;
}

/** A workbook the app hands out: our name as creator, each sheet with a bold, frozen header row. */
export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'NoiVu Desk';
  return workbook;
}

export function addTableSheet(workbook: ExcelJS.Workbook, name: string, columns: readonly SheetColumn[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key ?? c.header, width: Math.max(6, c.width) }));
  sheet.getRow(1).font = { bold: true };
  return sheet;
}

export async function workbookFile(workbook: ExcelJS.Workbook, fileName: string): Promise<FileContent> {
  return { fileName, base64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64') };
}
