import type { TableGroup } from './document/model';
import type { IndexComponent } from './indices';
import { formatDeadline, groupNumeral, type Task } from './plans';

/** What the table needs to know about the world: printed names of agencies and groups. */
export interface NameBook {
  /** Short name, as in tables and Nơi nhận. */
  ref(ref: Task['lead'] & {}): string;
  /** Full official name, as in Kính gửi. */
  full(ref: Task['lead'] & {}): string;
}

type Row = Array<string | null>;

export interface TaskTable {
  columns: { header: string; width: number; align?: 'left' | 'center' }[];
  groups: TableGroup[];
}

const OTHER = 'Nhiệm vụ khác';

function orderedGroups<K, T>(items: readonly T[], key: (t: T) => K): [K, T[]][] {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.entries()];
}

function paragraphs(content: string): string[] {
  return content.split('\n').filter((p) => p.trim() !== '');
}

/**
 * Rows of tasks under one heading: each paragraph of a task is its own row; the number and the
 * component merge down while the component stays the same, and so do identical neighbouring cells.
 */
function taskRows(tasks: Task[], prefix: string, label: (t: Task) => string, cells: (t: Task) => string[]): Row[] {
  const rows: Row[] = [];
  let n = 0;
  let previous: { label: string; cells: string[] } | undefined;
  for (const task of tasks) {
    const name = label(task);
    const sameComponent = previous?.label === name;
    if (!sameComponent) n++;
    const values = cells(task);
    paragraphs(task.content).forEach((text, i) => {
      const lead = sameComponent || i > 0 ? [null, null] : [`${prefix}${n}`, name];
      const rest = i > 0 ? values.map(() => null) : values.map((v, j) => (sameComponent && previous?.cells[j] === v ? null : v));
      rows.push([...lead, text, ...rest] as Row);
    });
    previous = { label: name, cells: values };
  }
  return rows;
}

/** The Phụ lục task table, grouped by lead agency (as in the Bắc Kạn example) or by index component. */
export function buildTaskTable(tasks: readonly Task[], components: readonly IndexComponent[], names: NameBook, grouping: 'lead' | 'component'): TaskTable {
  const byId = new Map(components.map((c) => [c.id, c]));
  const dimensionOf = (t: Task) => {
    const c = t.componentId ? byId.get(t.componentId) : undefined;
    return c?.parentId ? byId.get(c.parentId) : c;
  };
  const componentName = (t: Task) => (t.componentId ? (byId.get(t.componentId)?.name ?? '') : t.componentLabel);
  const refs = (list: Task['coordinators']) => list.map((r) => names.ref(r)).join('; ');
  const leadName = (t: Task) => (t.lead ? names.ref(t.lead) : 'Chưa giao cơ quan chủ trì');
  const dimensionTitle = (t: Task) => dimensionOf(t)?.name ?? OTHER;

  if (grouping === 'lead') {
    return {
      columns: [
        { header: 'TT', width: 6, align: 'center' },
        { header: 'Chỉ số nội dung/ Nội dung thành phần', width: 17 },
        { header: 'Nhiệm vụ, giải pháp', width: 47 },
        { header: 'Cơ quan phối hợp', width: 18 },
        { header: 'Thời gian thực hiện', width: 12, align: 'center' },
      ],
      groups: orderedGroups(tasks, leadName).map(([lead, leadTasks], i) => ({
        index: groupNumeral(i),
        title: `${lead} chủ trì thực hiện`.toLocaleUpperCase('vi'),
        groups: orderedGroups(leadTasks, dimensionTitle).map(([dimension, dimTasks], j) => ({
          index: String(j + 1),
          title: dimension,
          rows: taskRows(dimTasks, `${j + 1}.`, componentName, (t) => [refs(t.coordinators), formatDeadline(t.deadline)]),
        })),
      })),
    };
  }
  return {
    columns: [
      { header: 'TT', width: 6, align: 'center' },
      { header: 'Nội dung thành phần', width: 17 },
      { header: 'Nhiệm vụ, giải pháp', width: 37 },
      { header: 'Cơ quan chủ trì', width: 13 },
      { header: 'Cơ quan phối hợp', width: 15 },
      { header: 'Thời gian thực hiện', width: 12, align: 'center' },
    ],
    groups: orderedGroups(tasks, dimensionTitle).map(([dimension, dimTasks], i) => ({
      index: groupNumeral(i),
      title: dimension.toLocaleUpperCase('vi'),
      rows: taskRows(dimTasks, '', componentName, (t) => [leadName(t), refs(t.coordinators), formatDeadline(t.deadline)]),
    })),
  };
}
