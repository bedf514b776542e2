// Table primitives: fixed layout, widths in DXA on the table and on every cell (LibreOffice
// otherwise spreads columns evenly), borders either none or single black.
import { BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType, type ITableCellOptions } from 'docx';

const NONE = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const SINGLE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

export const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE } as const;
export const SINGLE_BORDERS = { top: SINGLE, bottom: SINGLE, left: SINGLE, right: SINGLE, insideHorizontal: SINGLE, insideVertical: SINGLE } as const;

export function dxa(size: number) {
  return { size, type: WidthType.DXA };
}

export function cell(width: number, children: Paragraph[], options: Omit<ITableCellOptions, 'children' | 'width'> = {}): TableCell {
  return new TableCell({ width: dxa(width), verticalAlign: VerticalAlign.TOP, ...options, children: children.length ? children : [new Paragraph({})] });
}

export function fixedTable(columnWidths: number[], rows: TableRow[], options: { borders: typeof NO_BORDERS | typeof SINGLE_BORDERS; padding: number }): Table {
  return new Table({
    width: dxa(columnWidths.reduce((a, b) => a + b, 0)),
    columnWidths,
    layout: TableLayoutType.FIXED,
    borders: options.borders,
    margins: { left: options.padding, right: options.padding, top: 0, bottom: 0 },
    rows,
  });
}

/** Splits `total` twips in proportion to `weights`, rounding so the parts sum exactly to `total`. */
export function proportionalWidths(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / sum) * total));
  widths[widths.length - 1]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}
