import { z } from './validation';
import { isIsoDate } from './dates';
import { BlockSchema } from './document/model';
import { basedOnRevision, multilineText, optionalCode, requiredLine } from './fields';
import { AgencyRefSchema } from './plans';
import { draftMonthField } from './record';
import { SignerSchema } from './profile';
import { DistributionOptionsSchema, RecipientLineSchema } from './recipients';

const id = z.number().int().positive();
const year = z.number().int().min(2000).max(2100);

/** Documents drafted in the app besides Kế hoạch (which has its own tables and tasks). */
export const DRAFT_KINDS = { 'chi-thi': 'Chỉ thị', 'cong-van': 'Công văn' } as const;
export type DraftKind = keyof typeof DRAFT_KINDS;

const Distribution = z.object({ lines: z.array(RecipientLineSchema).max(300), options: DistributionOptionsSchema }).strict();

/** "2. Sở Tư pháp: Nâng cao chất lượng…" — the addressee is printed bold, the first text follows on the line. */
export const AssignmentSchema = z
  .object({
    addressee: AgencyRefSchema,
    text: multilineText(5000),
    items: z.array(BlockSchema).max(200),
  })
  .strict();

export const ChiThiContentSchema = z
  .object({
    kind: z.literal('chi-thi'),
    preamble: z.array(BlockSchema).max(200),
    assignments: z.array(AssignmentSchema).max(100),
    closing: multilineText(3000),
    distribution: Distribution,
    signer: SignerSchema,
  })
  .strict();

export const CongVanContentSchema = z
  .object({
    kind: z.literal('cong-van'),
    /** Đơn vị soạn thảo in the ký hiệu ("UBND-NV"). */
    unit: optionalCode(20),
    recipients: z.array(AgencyRefSchema).max(100),
    body: z.array(BlockSchema).max(500),
    distribution: Distribution,
    signer: SignerSchema,
  })
  .strict();

export const DraftContentSchema = z.discriminatedUnion('kind', [ChiThiContentSchema, CongVanContentSchema]);

export const DraftInputSchema = z
  .object({
    id: id.optional(),
    /** Trích yếu; for a công văn, the text after "V/v". */
    title: requiredLine(500),
    draftYear: year,
    /** "Tháng (dự kiến)": the draft's month when known. */
    draftMonth: draftMonthField,
    content: DraftContentSchema,
    /** Cơ quan ban hành; absent keeps the stored one, null means the default issuer. */
    issuerId: id.nullable().optional(),
    revision: basedOnRevision,
  })
  .strict();

export const DraftSchema = z.object({
  id,
  kind: z.enum(['chi-thi', 'cong-van']),
  title: z.string(),
  draftYear: z.number(),
  draftMonth: z.number().nullable(),
  status: z.enum(['draft', 'issued']),
  number: z.number().nullable(),
  issuedDate: z.string().nullable(),
  /** The ký hiệu it was issued under ("UBND-NV"); empty while a draft. */
  code: z.string(),
  updatedAt: z.string(),
  revision: z.number(),
  issuerId: id.nullable(),
  content: DraftContentSchema,
});

export type DraftInput = z.input<typeof DraftInputSchema>;
export type DraftFields = z.output<typeof DraftInputSchema>;
export type Draft = z.output<typeof DraftSchema>;
export type ChiThiContent = z.output<typeof ChiThiContentSchema>;
export type CongVanContent = z.output<typeof CongVanContentSchema>;


/** Starting points for a công văn. */
export const CongVanTemplateSchema = z.discriminatedUnion('template', [
  z.object({ template: z.literal('trien-khai-ke-hoach'), planId: id }).strict(),
  z
    .object({
      template: z.literal('don-doc-bao-cao'),
      recipients: z.array(AgencyRefSchema).min(1).max(200),
      subject: requiredLine(300),
      deadline: z.string().refine(isIsoDate, { message: 'ngày không hợp lệ (dd/mm/yyyy)' }),
    })
    .strict(),
]);
export type CongVanTemplate = z.output<typeof CongVanTemplateSchema>;

/** A saved signature block; `issuerId` null: offered for every issuer (absent on an update: unchanged). */
export const SignerProfileInputSchema = z.object({ id: id.optional(), label: requiredLine(120), signer: SignerSchema, issuerId: id.nullable().optional(), revision: basedOnRevision }).strict();
export const SignerProfileSchema = z.object({ id, label: z.string(), signer: SignerSchema, issuerId: id.nullable(), revision: z.number() });
export type SignerProfile = z.output<typeof SignerProfileSchema>;

