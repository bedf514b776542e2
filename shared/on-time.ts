import type { Deadline } from './plans';
import { DONE_STATUSES, type TaskStatus } from './reports';

/** How the government's task reports count tasks against their deadline. */
export const ON_TIME_CATEGORIES = {
  'dung-han': 'Hoàn thành đúng hạn',
  'tre-han': 'Hoàn thành quá hạn',
  'trong-han': 'Chưa hoàn thành, còn trong hạn',
  'qua-han': 'Quá hạn chưa hoàn thành',
} as const;
export type OnTimeCategory = keyof typeof ON_TIME_CATEGORIES;
export const ON_TIME_CATEGORY_IDS = Object.keys(ON_TIME_CATEGORIES) as [OnTimeCategory, ...OnTimeCategory[]];

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The last day a deadline allows, ISO; null for "thường xuyên" and "theo nhiệm kỳ", which never fall due. */
export function deadlineEnd(d: Deadline): string | null {
  switch (d.kind) {
    case 'ngay':
      return d.date;
    case 'thang':
      return `${d.year}-${pad(d.month)}-${pad(lastDay(d.year, d.month))}`;
    case 'quy':
      return `${d.year}-${pad(d.quarter * 3)}-${pad(lastDay(d.year, d.quarter * 3))}`;
    case 'trong-nam':
      return `${d.year}-12-31`;
    default:
      return null;
  }
}

/**
 * The category of one task on `asOf` (ISO date). A completed task keeps what was reported (only the
 * agency knows when it finished); an unfinished or unreported task is overdue once its deadline has
 * passed, whatever the agency wrote. A task without a dated deadline is overdue only if reported so.
 */
export function onTimeCategory(task: { deadline: Deadline; status: TaskStatus | null }, asOf: string): OnTimeCategory {
  if (task.status && DONE_STATUSES.includes(task.status)) return task.status === 'hoan-thanh-dung-han' ? 'dung-han' : 'tre-han';
  const end = deadlineEnd(task.deadline);
  if (end === null) return task.status === 'qua-han-chua-hoan-thanh' ? 'qua-han' : 'trong-han';
  return end < asOf ? 'qua-han' : 'trong-han';
}

export function countOnTime(tasks: { deadline: Deadline; status: TaskStatus | null }[], asOf: string): Record<OnTimeCategory, number> {
  const counts = Object.fromEntries(ON_TIME_CATEGORY_IDS.map((c) => [c, 0])) as Record<OnTimeCategory, number>;
  for (const t of tasks) counts[onTimeCategory(t, asOf)]++;
  return counts;
}

/** The day the figures of a round stand on: today while the round runs, its last day once it is over. */
export function roundAsOf(periodTo: string, today: string): string {
  return today < periodTo ? today : periodTo;
}
