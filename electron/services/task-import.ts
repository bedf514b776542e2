import type { FileContent } from '../../shared/files';
import { cleanMultiline } from '../../shared/text';
import { readTable } from './spreadsheet-read';

/**
 * The rows of a task list from outside (.xlsx first sheet or .csv), read with the hostile-file
 * caps, cells cleaned (line breaks kept: a task's content may have several paragraphs), empty rows
 * dropped. Nothing is stored: the editor maps the columns and adds the tasks once the user confirms.
 */
export async function readTaskSheet(file: FileContent): Promise<{ rows: string[][]; columns: number }> {
  const rows = (await readTable(file)).map((r) => r.map((c) => cleanMultiline(c))).filter((r) => r.some((c) => c !== ''));
  return { rows, columns: Math.max(0, ...rows.map((r) => r.length)) };
}
