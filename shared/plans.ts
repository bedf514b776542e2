import { z } from './validation';
import { BlockSchema } from './document/model';
import { isIsoDate, formatVnDate } from './dates';
import { draftMonthField } from './record';
import { basedOnRevision, multilineText, requiredLine, textLine } from './fields';
import { SignerSchema } from './profile';
import { DistributionOptionsSchema, RecipientLineSchema } from './recipients';
import { toRoman } from './nd30';

const id = z.number().int().positive();
const year = z.number().int().min(2000).max(2100);

/** Who leads or coordinates a task: an agency, a group ("UBND cấp huyện"), or free text. */
export const AgencyRefSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('agency'), agencyId: id }).strict(),
  z.object({ type: z.literal('group'), groupId: id }).strict(),
  z.object({ type: z.literal('text'), text: requiredLine(300) }).strict(),
]);
export type AgencyRef = z.output<typeof AgencyRefSchema>;

export const DEADLINE_KINDS = {
  'thuong-xuyen': 'Thường xuyên',
  'theo-nhiem-ky': 'Theo nhiệm kỳ',
  quy: 'Theo quý',
  thang: 'Theo tháng',
  ngay: 'Trước một ngày',
  'trong-nam': 'Trong năm',
} as const;

export const DeadlineSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('thuong-xuyen') }).strict(),
  z.object({ kind: z.literal('theo-nhiem-ky') }).strict(),
  z.object({ kind: z.literal('quy'), quarter: z.number().int().min(1).max(4), year }).strict(),
  z.object({ kind: z.literal('thang'), month: z.number().int().min(1).max(12), year }).strict(),
  z.object({ kind: z.literal('ngay'), date: z.string().refine(isIsoDate, { message: 'ngày không hợp lệ' }) }).strict(),
  z.object({ kind: z.literal('trong-nam'), year }).strict(),
]);
export type Deadline = z.output<typeof DeadlineSchema>;

/** The deadline as printed in the Phụ lục: "Thường xuyên", "Quý II năm 2024", "Trước ngày 15/06/2024". */
export function formatDeadline(d: Deadline): string {
  switch (d.kind) {
    case 'thuong-xuyen':
      return 'Thường xuyên';
    case 'theo-nhiem-ky':
      return 'Theo nhiệm kỳ';
    case 'quy':
      return `Quý ${toRoman(d.quarter)} năm ${d.year}`;
    case 'thang':
      return `Tháng ${d.month}/${d.year}`;
    case 'ngay':
      return `Trước ngày ${formatVnDate(d.date)}`;
    case 'trong-nam':
      return `Trong năm ${d.year}`;
  }
}

export const TaskInputSchema = z
  .object({
    id: id.optional(),
    /** The index component the task answers, if any. */
    componentId: id.nullable(),
    /** Free label when the task answers no catalogued component. */
    componentLabel: textLine(300),
    /** One or several paragraphs (one per line). */
    content: multilineText(5000).min(1),
    lead: AgencyRefSchema.nullable(),
    coordinators: z.array(AgencyRefSchema).max(30),
    deadline: DeadlineSchema,
    expectedOutput: textLine(500),
  })
  .strict();
export type TaskInput = z.input<typeof TaskInputSchema>;
export type TaskFields = z.output<typeof TaskInputSchema>;

export const TaskSchema = z.object({
  id,
  componentId: id.nullable(),
  componentLabel: z.string(),
  content: z.string(),
  lead: AgencyRefSchema.nullable(),
  coordinators: z.array(AgencyRefSchema),
  deadline: DeadlineSchema,
  expectedOutput: z.string(),
});
export type Task = z.output<typeof TaskSchema>;

export const PLAN_GROUPINGS = { lead: 'Theo cơ quan chủ trì', component: 'Theo chỉ số thành phần' } as const;

export const PlanInputSchema = z
  .object({
    id: id.optional(),
    /** Trích yếu, printed under "KẾ HOẠCH". */
    title: requiredLine(500),
    indexId: id.nullable(),
    indexYear: year.nullable(),
    /** Year printed in the draft's date line ("ngày … tháng … năm 2024"). */
    draftYear: year,
    /** "Tháng (dự kiến)": the draft's month when known ("ngày … tháng 6 năm 2024"). */
    draftMonth: draftMonthField,
    body: z.array(BlockSchema).max(2000),
    grouping: z.enum(['lead', 'component']),
    appendixTitle: requiredLine(500),
    distribution: z.object({ lines: z.array(RecipientLineSchema).max(300), options: DistributionOptionsSchema }).strict(),
    signer: SignerSchema,
    /** The whole task list, in order; tasks that keep their id keep it (reports refer to them). */
    tasks: z.array(TaskInputSchema).max(5000),
    /** Cơ quan ban hành; absent keeps the stored one, null means the default issuer. */
    issuerId: id.nullable().optional(),
    revision: basedOnRevision,
  })
  .strict();
export type PlanInput = z.input<typeof PlanInputSchema>;
export type PlanFields = z.output<typeof PlanInputSchema>;

export const PlanSchema = z.object({
  id,
  title: z.string(),
  indexId: id.nullable(),
  indexYear: z.number().nullable(),
  draftYear: z.number(),
  draftMonth: z.number().nullable(),
  body: z.array(z.unknown()),
  grouping: z.enum(['lead', 'component']),
  appendixTitle: z.string(),
  distribution: z.object({ lines: z.array(RecipientLineSchema), options: DistributionOptionsSchema }),
  signer: SignerSchema,
  status: z.enum(['draft', 'issued']),
  number: z.number().nullable(),
  issuedDate: z.string().nullable(),
  /** The ký hiệu it was issued under ("KH-UBND"); '' while a draft. */
  code: z.string(),
  updatedAt: z.string(),
  revision: z.number(),
  issuerId: id.nullable(),
  tasks: z.array(TaskSchema),
});
export type Plan = z.output<typeof PlanSchema>;

export const PlanSummarySchema = PlanSchema.omit({ body: true, distribution: true, signer: true, tasks: true }).extend({ taskCount: z.number() });
export type PlanSummary = z.output<typeof PlanSummarySchema>;


/** Roman numerals for lead groups (I, II…), as in the Kế hoạch example. */
export const groupNumeral = (i: number) => toRoman(i + 1);

/** The save request that would store a plan exactly as loaded (the editor's starting point). */
export function planInput(p: Plan): PlanInput {
  return {
    id: p.id,
    revision: p.revision,
    title: p.title,
    indexId: p.indexId,
    indexYear: p.indexYear,
    draftYear: p.draftYear,
    draftMonth: p.draftMonth,
    body: p.body as PlanInput['body'],
    grouping: p.grouping,
    appendixTitle: p.appendixTitle,
    distribution: p.distribution,
    signer: p.signer,
    tasks: p.tasks,
    issuerId: p.issuerId,
  };
}
