// Grouped table (phụ lục task table, body tables): header row repeated on every page, group rows
// ("I …", "1 …") bold across the table, null cells merged vertically with the cell above.
import { AlignmentType, Paragraph, TableRow, VerticalMergeType } from 'docx';
import type { GroupedTable, TableGroup } from '../../shared/document/model.js';
import { SIZE } from './layout.js';
import { run } from './runs.js';
import { cell, fixedTable, proportionalWidths, SINGLE_BORDERS } from './tables.js';

type Align = 'left' | 'center';
type Record = { kind: 'group'; index: string; title: string } | { kind: 'data'; cells: Array<string | null> };

const CELL_SPACING = { before: 40, after: 40, line: 240 } as const;
const PADDING = 85;

/** `keepNext`: Word and LibreOffice keep a row whose paragraphs all have it on the page of the next row. */
function cellParagraph(text: string, align: Align, bold: boolean, keepNext = false): Paragraph {
  return new Paragraph({
    alignment: align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: CELL_SPACING,
    ...(keepNext ? { keepNext: true } : {}),
    children: text ? [run(text, { size: SIZE.table, bold })] : [],
  });
}

function flatten(groups: TableGroup[] | undefined, out: Record[] = []): Record[] {
  for (const g of groups ?? []) {
    out.push({ kind: 'group', index: g.index, title: g.title });
    for (const cells of g.rows ?? []) out.push({ kind: 'data', cells });
    flatten(g.groups, out);
  }
  return out;
}

export function groupedTable(table: GroupedTable, totalWidth: number, repeatHeader = true) {
  const widths = proportionalWidths(table.columns.map((c) => c.width), totalWidth);
  const aligns: Align[] = table.columns.map((c) => c.align ?? (/^S?TT$/i.test(c.header) ? 'center' : 'left'));
  const records: Record[] = [...(table.rows ?? []).map((cells): Record => ({ kind: 'data', cells })), ...flatten(table.groups)];

  const header = new TableRow({
    tableHeader: repeatHeader,
    cantSplit: true,
    children: table.columns.map((c, i) => cell(widths[i]!, [cellParagraph(c.header, 'center', true)])),
  });

  const rows = records.map((rec, r) => {
    if (rec.kind === 'group') {
      const rest = widths.slice(1).reduce((a, b) => a + b, 0);
      // A group heading never ends a page: it stays with the row after it (a run of headings stays together too).
      return new TableRow({
        cantSplit: true,
        children: [cell(widths[0]!, [cellParagraph(rec.index, aligns[0]!, true, true)]), cell(rest, [cellParagraph(rec.title, 'left', true, true)], { columnSpan: widths.length - 1 })],
      });
    }
    const next = records[r + 1];
    return new TableRow({
      cantSplit: true,
      children: rec.cells.map((text, c) => {
        if (text === null) return cell(widths[c]!, [cellParagraph('', aligns[c]!, false)], { verticalMerge: VerticalMergeType.CONTINUE });
        const restart = next?.kind === 'data' && next.cells[c] === null;
        return cell(widths[c]!, [cellParagraph(text, aligns[c]!, false)], restart ? { verticalMerge: VerticalMergeType.RESTART } : {});
      }),
    });
  });

  return fixedTable(widths, [header, ...rows], { borders: SINGLE_BORDERS, padding: PADDING });
}
