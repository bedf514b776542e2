import { insertByComponent, setCellText, TASK_FIELD_IDS, type CellContext, type DraftTask } from './task-cells';

export interface PasteResult<T> {
  tasks: T[];
  /** Rows the block added beyond the last task (placed in the index's component order). */
  added: number;
  /** Cells that did not parse or match (kept as typed, marked on the cell). */
  flagged: number;
  /** Columns of the block that fell beyond the last column of the table. */
  droppedColumns: number;
}

/**
 * A block of cells (rows × columns) put into the task table from the cell at `row`, `column`
 * (an index into TASK_FIELD_IDS), as a spreadsheet does: existing rows are overwritten, rows
 * beyond the end are new tasks. An empty cell in the deadline column keeps the task's deadline.
 */
export function pasteBlock<T extends DraftTask>(tasks: readonly T[], row: number, column: number, block: readonly string[][], ctx: CellContext, make: () => T): PasteResult<T> {
  const updated = [...tasks];
  const added: T[] = [];
  let flagged = 0;
  const width = Math.max(0, ...block.map((r) => r.length));
  const droppedColumns = Math.max(0, column + width - TASK_FIELD_IDS.length);
  block.forEach((cells, r) => {
    const at = row + r;
    let task: T = at < updated.length ? updated[at]! : make();
    cells.forEach((text, c) => {
      const field = TASK_FIELD_IDS[column + c];
      if (!field || (field === 'deadline' && text.trim() === '')) return;
      task = setCellText(task, field, text, ctx) as T;
      if (task.issues?.[field]) flagged++;
    });
    if (at < updated.length) updated[at] = task;
    else added.push(task);
  });
  return { tasks: insertByComponent(updated, added, ctx.components), added: added.length, flagged, droppedColumns };
}
