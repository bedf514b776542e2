import { matchAgency, splitAgencyNames, type AgencyRegistry } from './agency-match';
import { parseDeadline } from './deadline-parse';
import { compareCodes, type IndexComponent } from './indices';
import { formatDeadline, type AgencyRef, type Deadline, type TaskInput } from './plans';
import { cleanMultiline, cleanText, foldVietnamese } from './text';

/** The columns of the Phụ lục, in the order a spreadsheet usually has them. */
export const TASK_FIELDS = {
  component: 'Chỉ số thành phần',
  content: 'Nhiệm vụ, giải pháp',
  lead: 'Cơ quan chủ trì',
  coordinators: 'Cơ quan phối hợp',
  deadline: 'Thời gian thực hiện',
  expectedOutput: 'Kết quả dự kiến',
} as const;
export type TaskField = keyof typeof TASK_FIELDS;
export const TASK_FIELD_IDS = Object.keys(TASK_FIELDS) as TaskField[];

/**
 * A cell whose text could not be taken as it is: `error` blocks saving (the model cannot hold it),
 * `review` is kept (as free text) but a person should look at it.
 */
export interface CellIssue {
  level: 'error' | 'review';
  /** What the user typed or pasted, shown in the cell instead of the stored value. */
  text: string;
  message: string;
}
export type TaskIssues = Partial<Record<TaskField, CellIssue>>;
export type DraftTask = TaskInput & { issues?: TaskIssues };

export interface CellContext {
  components: readonly IndexComponent[];
  registry: AgencyRegistry;
  /** The year a deadline without one ("Quý II") falls in. */
  year: number;
}

export const blankTask = (): TaskInput => ({ componentId: null, componentLabel: '', content: '', lead: null, coordinators: [], deadline: { kind: 'thuong-xuyen' }, expectedOutput: '' });

const CODE_AT_START = /^(\d+(?:\.\d+)*)\.?(?:\s+|$)/;

/** "1.1", "1.1 Tri thức công dân", "Tri thức công dân" → that component; null when none or several fit. */
export function matchComponent(text: string, components: readonly IndexComponent[]): IndexComponent | null {
  const t = cleanText(text);
  const code = CODE_AT_START.exec(t)?.[1];
  const byCode = code ? components.filter((c) => c.code === code) : [];
  if (byCode.length === 1) return byCode[0]!;
  const name = foldVietnamese(code ? t.slice(code.length).replace(/^\.?\s*/, '') : t);
  if (name === '') return null;
  const byName = components.filter((c) => foldVietnamese(c.name) === name);
  return byName.length === 1 ? byName[0]! : null;
}

function agencyCell(text: string, registry: AgencyRegistry): { ref: AgencyRef; problem: string | null } {
  const name = cleanText(text);
  const m = matchAgency(name, registry);
  if (m.kind === 'match') return { ref: m.ref, problem: null };
  if (m.kind === 'ambiguous') return { ref: { type: 'text', text: name }, problem: `"${name}" khớp nhiều cơ quan (${m.candidates.map((c) => c.label).join('; ')}) — chọn một` };
  return { ref: { type: 'text', text: name }, problem: `"${name}" không có trong danh mục — sẽ in nguyên văn` };
}

const withIssue = (t: DraftTask, field: TaskField, issue: CellIssue | null): DraftTask => {
  const issues = { ...t.issues };
  if (issue) issues[field] = issue;
  else delete issues[field];
  return { ...t, issues };
};

/**
 * Puts what the user typed or pasted into one cell of a task. A value that parses replaces the
 * field; one that does not is kept beside the task as a cell issue with a Vietnamese message,
 * and the field keeps its previous value (it is never silently replaced).
 */
export function setCellText(task: DraftTask, field: TaskField, text: string, ctx: CellContext): DraftTask {
  switch (field) {
    case 'component': {
      const label = cleanText(text);
      if (label === '') return withIssue({ ...task, componentId: null, componentLabel: '' }, field, null);
      const c = matchComponent(label, ctx.components);
      if (c) return withIssue({ ...task, componentId: c.id, componentLabel: '' }, field, null);
      const issue = ctx.components.length > 0 ? { level: 'review' as const, text: label, message: `Chỉ số thành phần: "${label}" không khớp thành phần nào — giữ nguyên chữ đã ghi` } : null;
      return withIssue({ ...task, componentId: null, componentLabel: label }, field, issue);
    }
    case 'content':
      return withIssue({ ...task, content: cleanMultiline(text) }, field, null);
    case 'expectedOutput':
      return withIssue({ ...task, expectedOutput: cleanText(text) }, field, null);
    case 'lead': {
      if (cleanText(text) === '') return withIssue({ ...task, lead: null }, field, null);
      const { ref, problem } = agencyCell(text, ctx.registry);
      return withIssue({ ...task, lead: ref }, field, problem ? { level: 'review', text: cleanText(text), message: `Cơ quan chủ trì: ${problem}` } : null);
    }
    case 'coordinators': {
      const cells = splitAgencyNames(text, ctx.registry).map((n) => agencyCell(n, ctx.registry));
      const problems = cells.flatMap((c) => (c.problem ? [c.problem] : []));
      const issue = problems.length ? { level: 'review' as const, text: cleanText(text), message: `Cơ quan phối hợp: ${problems.join('; ')}` } : null;
      return withIssue({ ...task, coordinators: cells.map((c) => c.ref) }, field, issue);
    }
    case 'deadline': {
      const parsed = parseDeadline(text, ctx.year);
      if (parsed.ok) return withIssue({ ...task, deadline: parsed.deadline }, field, null);
      return withIssue(task, field, { level: 'error', text: cleanText(text), message: parsed.message });
    }
  }
}

/** Required fields left empty, for the task's row (the plan's save refuses an empty content). */
export function missingFields(task: TaskInput): { field: TaskField; message: string }[] {
  const out: { field: TaskField; message: string }[] = [];
  if (cleanMultiline(task.content) === '') out.push({ field: 'content', message: 'Nhiệm vụ, giải pháp: chưa ghi nội dung' });
  if (!task.lead) out.push({ field: 'lead', message: 'Cơ quan chủ trì: chưa chọn' });
  return out;
}

/**
 * Why the task list cannot be saved as it is, for the editor's message ("" when it can): a cell
 * whose text could not be read, or a task without content. A missing lead is allowed in a draft.
 */
export function unsavableReason(tasks: readonly DraftTask[]): string {
  for (const [i, t] of tasks.entries()) {
    const error = Object.values(t.issues ?? {}).find((x) => x?.level === 'error');
    if (error) return `Chưa lưu: nhiệm vụ ${i + 1} — ${error.message}. Sửa ô đó hoặc hoàn tác.`;
    if (cleanMultiline(t.content) === '') return `Chưa lưu: nhiệm vụ ${i + 1} — Nhiệm vụ, giải pháp: chưa ghi nội dung.`;
  }
  return '';
}

/** The task as the contract takes it (without the editor's cell issues). */
export function toTaskInput<T extends DraftTask>(t: T): TaskInput {
  const { issues: _issues, ...rest } = t as DraftTask & { key?: unknown };
  const { key: _key, ...task } = rest as TaskInput & { key?: unknown };
  return task;
}

/** The text a cell shows for a field (what the user typed when it could not be read). */
export function cellText(task: DraftTask, field: TaskField, label: (ref: AgencyRef) => string, components: readonly IndexComponent[]): string {
  const issue = task.issues?.[field];
  if (issue?.level === 'error') return issue.text;
  switch (field) {
    case 'component': {
      const c = components.find((x) => x.id === task.componentId);
      return c ? `${c.code}. ${c.name}` : task.componentLabel ?? '';
    }
    case 'content':
      return task.content;
    case 'lead':
      return task.lead ? label(task.lead) : '';
    case 'coordinators':
      return task.coordinators.map(label).join('; ');
    case 'deadline':
      return formatDeadline(task.deadline as Deadline);
    case 'expectedOutput':
      return task.expectedOutput ?? '';
  }
}

/** Where a task sits in the index: its component's code, or a code written at the start of its free label. */
function orderCode(t: TaskInput, components: readonly IndexComponent[]): string | null {
  const c = components.find((x) => x.id === t.componentId);
  if (c) return c.code;
  return CODE_AT_START.exec(cleanText(t.componentLabel ?? ''))?.[1] ?? null;
}

/** Tasks in the order of the index's components ("1", "1.1", "1.2", "2"…), entry order within a component; tasks without one last. */
export function sortByComponent<T extends TaskInput>(tasks: readonly T[], components: readonly IndexComponent[]): T[] {
  const codes = tasks.map((t) => orderCode(t, components));
  return tasks
    .map((t, i) => ({ t, i, code: codes[i] ?? null }))
    .sort((a, b) => (a.code === null ? (b.code === null ? a.i - b.i : 1) : b.code === null ? -1 : compareCodes(a.code, b.code) || a.i - b.i))
    .map((x) => x.t);
}

/**
 * New tasks placed where the index order puts them: each after the last task of its component
 * (or of an earlier one); a task without a component goes last. The existing tasks keep their order.
 */
export function insertByComponent<T extends TaskInput>(existing: readonly T[], added: readonly T[], components: readonly IndexComponent[]): T[] {
  const out = [...existing];
  for (const t of added) {
    const code = orderCode(t, components);
    let at = out.length;
    if (code !== null) {
      at = 0;
      for (const [i, x] of out.entries()) {
        const xc = orderCode(x, components);
        if (xc !== null && compareCodes(xc, code) <= 0) at = i + 1;
      }
    }
    out.splice(at, 0, t);
  }
  return out;
}
