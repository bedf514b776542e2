import type { AgencyRef } from './plans';
import { blankTask, setCellText, TASK_FIELD_IDS, type CellContext, type DraftTask, type TaskField } from './task-cells';
import { foldVietnamese } from './text';

/** Which column of the sheet holds each field (null: none). */
export type TaskColumnMapping = Record<TaskField, number | null>;

/** Header words, folded, by field; the first field whose words a header holds takes that column. */
const HEADER_WORDS: [TaskField, RegExp][] = [
  ['coordinators', /phoi hop/],
  ['lead', /chu tri|co quan thuc hien|don vi thuc hien|co quan|don vi/],
  ['deadline', /thoi gian|thoi han|han hoan thanh|tien do/],
  ['expectedOutput', /ket qua|san pham/],
  ['component', /chi so|thanh phan|noi dung thanh phan|linh vuc/],
  ['content', /nhiem vu|giai phap|noi dung|cong viec/],
];

/** Guesses the mapping from the header row (diacritics ignored); `headerRow` false when no header was recognised. */
export function guessTaskColumns(header: readonly string[]): { mapping: TaskColumnMapping; headerRow: boolean } {
  const mapping = Object.fromEntries(TASK_FIELD_IDS.map((f) => [f, null])) as TaskColumnMapping;
  header.forEach((cell, i) => {
    const h = foldVietnamese(cell);
    if (!h) return;
    const field = HEADER_WORDS.find(([f, words]) => mapping[f] === null && words.test(h))?.[0];
    if (field) mapping[field] = i;
  });
  const headerRow = Object.values(mapping).some((v) => v !== null);
  return { mapping, headerRow };
}

/** The sheet's rows as tasks; rows with every mapped cell empty are skipped. */
export function rowsToTasks(rows: readonly string[][], mapping: TaskColumnMapping, ctx: CellContext): DraftTask[] {
  const out: DraftTask[] = [];
  for (const row of rows) {
    const cells = TASK_FIELD_IDS.flatMap((f) => (mapping[f] === null ? [] : [[f, row[mapping[f]!] ?? ''] as const]));
    if (cells.every(([, text]) => text.trim() === '')) continue;
    let t: DraftTask = blankTask();
    for (const [field, text] of cells) if (!(field === 'deadline' && text.trim() === '')) t = setCellText(t, field, text, ctx);
    out.push(t);
  }
  return out;
}

/** Agency names kept as free text because they did not match the registry (or matched several), each once, in order of appearance. */
export function unmatchedNames(tasks: readonly DraftTask[]): string[] {
  const names = new Set<string>();
  for (const t of tasks) {
    if (t.lead?.type === 'text' && t.issues?.lead) names.add(t.lead.text);
    if (t.issues?.coordinators) for (const c of t.coordinators) if (c.type === 'text') names.add(c.text);
  }
  return [...names];
}

/**
 * The reviewer's choices applied: each name given an agency becomes that agency; names left for
 * later stay free text and keep their mark. A cell whose names are all resolved loses its mark.
 */
export function resolveNames<T extends DraftTask>(tasks: readonly T[], picks: ReadonlyMap<string, AgencyRef>): T[] {
  const swap = (r: AgencyRef): AgencyRef => (r.type === 'text' ? (picks.get(r.text) ?? r) : r);
  return tasks.map((t) => {
    const lead = t.lead ? swap(t.lead) : null;
    const coordinators = t.coordinators.map(swap);
    const issues = { ...t.issues };
    if (lead?.type !== 'text') delete issues.lead;
    if (!coordinators.some((c) => c.type === 'text')) delete issues.coordinators;
    return { ...t, lead, coordinators, issues };
  });
}
