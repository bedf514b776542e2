/**
 * "Nhân bản cho năm sau": what a copy of a plan for next year contains, and the list of changes the
 * user confirms before it is made. The renderer shows the list; the service makes the copy from the
 * same function, so the copy is what the preview said.
 */
import type { Deadline, Plan, PlanFields } from './plans';
import { advanceYears, advanceYearsInRuns } from './year-advance';

export interface YearChange {
  /** Where the text is, as the user knows it: "Trích yếu", "Tên phụ lục", "Đề mục II". */
  place: string;
  before: string;
  after: string;
}

type Inline = string | Array<{ text: string; bold?: boolean; italic?: boolean; underline?: boolean }>;
interface HeadingBlock {
  type: 'heading';
  level: number;
  number?: string;
  text: Inline;
}

const inlineText = (t: Inline) => (typeof t === 'string' ? t : t.map((r) => r.text).join(''));

/**
 * The years of the plan that move: the year of the index results it answers, the year written on the
 * draft and the year after it (a plan drafted in December for the next year names that year).
 * Earlier years in a title ("so với năm 2020") are facts and stay.
 */
export function planYears(plan: Pick<Plan, 'indexYear' | 'draftYear'>): number[] {
  return [...new Set([plan.indexYear, plan.draftYear, plan.draftYear + 1].filter((y): y is number => y !== null))];
}

export function nextYearDeadline(d: Deadline): Deadline {
  switch (d.kind) {
    case 'quy':
    case 'thang':
    case 'trong-nam':
      return { ...d, year: d.year + 1 };
    case 'ngay':
      return { kind: 'ngay', date: `${Number(d.date.slice(0, 4)) + 1}${d.date.slice(4)}`.replace(/-02-29$/, '-02-28') };
    default:
      return d;
  }
}

function isHeading(b: unknown): b is HeadingBlock {
  return typeof b === 'object' && b !== null && (b as { type?: unknown }).type === 'heading';
}

export interface NextYearPlan {
  fields: Omit<PlanFields, 'id' | 'revision'>;
  changes: YearChange[];
  /** How many task deadlines move to next year (shown beside the text changes). */
  movedDeadlines: number;
}

/** The copy for next year: years in the title, the appendix title and the headings moved on; tasks and deadlines moved a year. */
export function planForNextYear(source: Plan): NextYearPlan {
  const years = planYears(source);
  const changes: YearChange[] = [];
  const note = (place: string, before: string, after: string) => {
    if (before !== after) changes.push({ place, before, after });
    return after;
  };
  const title = note('Trích yếu', source.title, advanceYears(source.title, years));
  const appendixTitle = note('Tên phụ lục', source.appendixTitle, advanceYears(source.appendixTitle, years));
  const body = source.body.map((block, i) => {
    if (!isHeading(block)) return block;
    const text = typeof block.text === 'string' ? advanceYears(block.text, years) : advanceYearsInRuns(block.text, years);
    note(`Đề mục ${block.number?.trim() || `ở khối ${i + 1}`}`, inlineText(block.text), inlineText(text));
    return { ...block, text };
  });
  const tasks = source.tasks.map(({ id: _id, ...t }) => ({ ...t, deadline: nextYearDeadline(t.deadline) }));
  if (source.indexYear !== null) changes.push({ place: 'Kết quả chỉ số năm', before: String(source.indexYear), after: String(source.indexYear + 1) });
  changes.push({ place: 'Năm ghi trên dự thảo', before: String(source.draftYear), after: String(source.draftYear + 1) });
  return {
    fields: {
      title,
      indexId: source.indexId,
      indexYear: source.indexYear === null ? null : source.indexYear + 1,
      draftYear: source.draftYear + 1,
      // the month of last year's draft says nothing about next year's
      draftMonth: null,
      body: body as PlanFields['body'],
      grouping: source.grouping,
      appendixTitle,
      distribution: source.distribution,
      signer: source.signer,
      issuerId: source.issuerId,
      tasks,
    },
    changes,
    movedDeadlines: source.tasks.filter((t) => JSON.stringify(nextYearDeadline(t.deadline)) !== JSON.stringify(t.deadline)).length,
  };
}
