import { z } from './validation';
import { isIsoDate } from './dates';
import { basedOnRevision, multilineText } from './fields';
import { padNd30 } from './nd30';

/** The lifecycle of every issued record (issue #13): plans and documents share it. */
export const RECORD_TYPES = ['plan', 'document'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

const id = z.number().int().positive();

/** A draft's expected month (1–12), optional: "ngày … tháng 6 năm 2023". */
export const draftMonthField = z.number().int().min(1, 'Tháng (dự kiến): từ 1 đến 12').max(12, 'Tháng (dự kiến): từ 1 đến 12').nullable().optional();

export const RecordRefSchema = z.object({ recordType: z.enum(RECORD_TYPES), id }).strict();
export type RecordRef = z.output<typeof RecordRefSchema>;

export const IssueRecordSchema = z
  .object({
    recordType: z.enum(RECORD_TYPES),
    id,
    revision: basedOnRevision,
    number: z.number({ message: 'Số văn bản: phải là một số' }).int('Số văn bản: phải là số nguyên').min(1, 'Số văn bản: từ 1 trở lên').max(999_999, 'Số văn bản: quá lớn'),
    date: z.string().refine(isIsoDate, { message: 'Ngày ban hành: ngày không hợp lệ (dd/mm/yyyy)' }),
    /** Reissue after a withdrawal with the record's own number (a correction). */
    keepNumber: z.boolean().default(false),
  })
  .strict();
export type IssueRecordInput = z.output<typeof IssueRecordSchema>;

export const WithdrawRecordSchema = z
  .object({
    recordType: z.enum(RECORD_TYPES),
    id,
    revision: basedOnRevision,
    reason: multilineText(2000),
  })
  .strict();
export type WithdrawRecordInput = z.output<typeof WithdrawRecordSchema>;

export const NumberProposalSchema = z.object({
  seriesId: z.number().nullable(),
  seriesName: z.string(),
  year: z.number(),
  next: z.number(),
  /** Free numbers below the highest used, lowest first, at most GAP_LIST_LIMIT of them. */
  gaps: z.array(z.number()),
  gapCount: z.number(),
  /** The ký hiệu that will print after the slash ("UBND-NV"). */
  code: z.string(),
  issuer: z.string(),
  /** The number this record already holds (withdrawn for correction), if any. */
  ownNumber: z.object({ number: z.number(), year: z.number() }).nullable(),
});
export type NumberProposal = z.output<typeof NumberProposalSchema>;

export const IssuedCopySchema = z.object({
  id: z.number(),
  number: z.number(),
  code: z.string(),
  year: z.number(),
  issuedDate: z.string(),
  title: z.string(),
  signerName: z.string(),
  issuedBy: z.string(),
  issuedAt: z.string(),
  sha256: z.string().nullable(),
  legacy: z.boolean(),
  withdrawnAt: z.string().nullable(),
  withdrawnBy: z.string().nullable(),
  withdrawReason: z.string().nullable(),
});
export type IssuedCopy = z.output<typeof IssuedCopySchema>;

export const RecordHistorySchema = z.object({
  copies: z.array(IssuedCopySchema),
  events: z.array(z.object({ at: z.string(), action: z.string(), detail: z.string() })),
});
export type RecordHistory = z.output<typeof RecordHistorySchema>;

export const CopyRefSchema = z.object({ copyId: id }).strict();

/** "Số 1250/UBND-NV" as the line will print, without the "Số: " label. */
export function formatNumberCode(number: number, code: string): string {
  return `${padNd30(number)}/${code}`;
}
