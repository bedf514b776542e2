import { z } from './validation';
import { isIsoDate } from './dates';
import { basedOnRevision, multilineText, requiredLine, textLine } from './fields';

const id = z.number().int().positive();
const isoDate = z.string().refine(isIsoDate, { message: 'ngày không hợp lệ (dd/mm/yyyy)' });

/** The task status scheme in use (Văn phòng Chính phủ), plus "not done". */
export const TASK_STATUSES = {
  'hoan-thanh-dung-han': 'Hoàn thành đúng hạn',
  'hoan-thanh-qua-han': 'Hoàn thành quá hạn',
  'dang-thuc-hien-trong-han': 'Đang thực hiện trong hạn',
  'qua-han-chua-hoan-thanh': 'Quá hạn chưa hoàn thành',
  'khong-thuc-hien': 'Không thực hiện',
} as const;
export type TaskStatus = keyof typeof TASK_STATUSES;
export const TASK_STATUS_IDS = Object.keys(TASK_STATUSES) as [TaskStatus, ...TaskStatus[]];
export const DONE_STATUSES: readonly TaskStatus[] = ['hoan-thanh-dung-han', 'hoan-thanh-qua-han'];

export const ROUND_KINDS = { 'quy-1': 'Quý I', '6-thang': '6 tháng', 'quy-3': 'Quý III', nam: 'Năm', khac: 'Khác' } as const;

export const RoundInputSchema = z
  .object({
    id: id.optional(),
    planId: id,
    kind: z.enum(['quy-1', '6-thang', 'quy-3', 'nam', 'khac']),
    name: requiredLine(200),
    periodFrom: isoDate,
    periodTo: isoDate,
    dueDate: isoDate,
    revision: basedOnRevision,
  })
  .strict()
  .refine((r) => r.periodTo >= r.periodFrom, { path: ['periodTo'], message: 'phải sau ngày bắt đầu kỳ báo cáo' });

export const ReportTextsSchema = z
  .object({ results: multilineText(20_000), shortcomings: multilineText(20_000), nextTasks: multilineText(20_000), proposals: multilineText(20_000) })
  .strict();

export const RoundSchema = z.object({
  id,
  planId: id,
  kind: z.enum(['quy-1', '6-thang', 'quy-3', 'nam', 'khac']),
  name: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  dueDate: z.string(),
  texts: ReportTextsSchema,
  revision: z.number(),
});

export const EntryInputSchema = z
  .object({
    taskId: id,
    status: z.enum(TASK_STATUS_IDS),
    result: multilineText(5000),
    evidence: textLine(500),
    difficulties: multilineText(3000),
    proposals: multilineText(3000),
  })
  .strict();

export type RoundInput = z.input<typeof RoundInputSchema>;
export type Round = z.output<typeof RoundSchema>;
export type ReportTexts = z.output<typeof ReportTextsSchema>;
export type EntryInput = z.output<typeof EntryInputSchema>;

export const SubmissionImportRowSchema = z.object({
  row: z.number(),
  taskId: z.number().nullable(),
  task: z.string(),
  status: z.string(),
  change: z.string(),
  error: z.string().nullable(),
  /** A row the agency added: a "nhiệm vụ bổ sung" the specialist accepts or drops. */
  extra: z.boolean(),
});
/** The added rows the specialist accepts, by file and row; the other added rows are dropped. */
export const AcceptedExtraSchema = z.object({ fileName: z.string().max(500), row: z.number().int().min(1).max(100_000) }).strict();
export type AcceptedExtra = z.output<typeof AcceptedExtraSchema>;
export const SubmissionImportFileSchema = z.object({
  fileName: z.string(),
  agency: z.string().nullable(),
  /** Problems with the file as a whole (wrong plan or round, tampered cells). */
  errors: z.array(z.string()),
  rows: z.array(SubmissionImportRowSchema),
  onTime: z.boolean().nullable(),
  replaces: z.boolean(),
  applied: z.boolean(),
  /** The day the file counts as received (ISO). */
  receivedDate: z.string(),
});
export type SubmissionImportFile = z.output<typeof SubmissionImportFileSchema>;

export const TrackingSchema = z.object({
  agencies: z.array(
    z.object({
      agencyId: id,
      name: z.string(),
      tasks: z.number(),
      submittedAt: z.string().nullable(),
      onTime: z.boolean().nullable(),
      submissions: z.number(),
      counts: z.record(z.string(), z.number()),
      /** The agency's own tasks by on-time category (shared/on-time.ts). */
      onTimeCounts: z.record(z.string(), z.number()),
    }),
  ),
  counts: z.record(z.string(), z.number()),
  /** Every task of the plan by on-time category, from its lead agency's report, on `asOf`. */
  onTimeCounts: z.record(z.string(), z.number()),
  asOf: z.string(),
  /** Names typed by hand as lead or coordinator: no agency to send a form to. */
  unreachable: z.array(z.string()),
  totalTasks: z.number(),
  reportedTasks: z.number(),
  completionRate: z.number(),
});
export type Tracking = z.output<typeof TrackingSchema>;

/** What agencies wrote for each task: one line per agency and task of the submissions that count. */
export const RoundAnswerSchema = z.object({
  agencyId: z.number(),
  agency: z.string(),
  /** Null for a "nhiệm vụ bổ sung" the agency added. */
  taskId: z.number().nullable(),
  /** Position of the task in the plan, 1-based; null for an added task. */
  taskNo: z.number().nullable(),
  task: z.string(),
  role: z.enum(['chu-tri', 'phoi-hop', 'bo-sung']),
  status: z.enum(TASK_STATUS_IDS),
  result: z.string(),
  evidence: z.string(),
  difficulties: z.string(),
  proposals: z.string(),
});
export type RoundAnswer = z.output<typeof RoundAnswerSchema>;
