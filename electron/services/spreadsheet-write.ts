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

/** Title lines, if any, are printed bold and centred across the columns above the header row. */
export function addTableSheet(workbook: ExcelJS.Workbook, name: string, columns: readonly SheetColumn[], titles: readonly string[] = []): ExcelJS.Worksheet {
  const headerRow = titles.length + 1;
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: headerRow }] });
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key ?? c.header, width: Math.max(6, c.width) }));
  if (titles.length) {
    sheet.spliceRows(1, 0, ...titles.map((t) => [t]));
    titles.forEach((_, i) => {
      sheet.mergeCells(i + 1, 1, i + 1, columns.length);
      const cell = sheet.getCell(i + 1, 1);
      cell.font = { bold: true, size: i === 0 ? 14 : 12 };
      cell.alignment = { horizontal: 'center' };
    });
  }
  sheet.getRow(headerRow).font = { bold: true };
  return sheet;
}

export async function workbookFile(workbook: ExcelJS.Workbook, fileName: string): Promise<FileContent> {
  return { fileName, base64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64') };
}
