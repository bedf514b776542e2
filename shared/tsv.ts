/**
 * A block of cells as a spreadsheet puts it on the clipboard (text/plain): tab between cells, a
 * line break (\r\n or \n) between rows, a cell holding a tab, a line break or a quote written in
 * double quotes with inner quotes doubled. The trailing line break Excel adds makes no extra row.
 * Every row has as many cells as the widest one (missing cells are '').
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let atCellStart = true;
  const endCell = () => {
    row.push(cell);
    cell = '';
    atCellStart = true;
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const c = text[i]!;
    if (atCellStart && c === '"') {
      // A quoted cell; only a quote directly before a tab, a line break or the end closes it.
      let j = i + 1;
      let value = '';
      let closed = false;
      while (j < text.length) {
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          const after = text[j + 1];
          if (after === undefined || after === '\t' || after === '\n' || after === '\r') {
            closed = true;
            j += 1;
            break;
          }
        }
        value += text[j];
        j += 1;
      }
      if (closed) {
        cell = value.replace(/\r\n?/g, '\n');
        i = j;
        atCellStart = false;
        continue;
      }
      // Not a quoted cell after all (a lone quote at the start of text): read it literally.
    }
    atCellStart = false;
    if (c === '\t') endCell();
    else if (c === '\r' || c === '\n') {
      endRow();
      if (c === '\r' && text[i + 1] === '\n') i += 1;
    } else cell += c;
    i += 1;
  }
  if (!atCellStart || row.length > 0 || cell !== '') endRow();
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => (r.length < width ? [...r, ...Array<string>(width - r.length).fill('')] : r));
}
