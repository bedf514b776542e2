import { z } from './validation';
import { isIsoDate } from './dates';
import { BlockSchema } from './document/model';
import { basedOnRevision, multilineText, optionalCode, requiredLine, textLine } from './fields';
import { AgencyRefSchema } from './plans';
import { draftMonthField } from './record';
import { SignerSchema } from './profile';
import { DistributionOptionsSchema, RecipientLineSchema } from './recipients';

const id = z.number().int().positive();
const year = z.number().int().min(2000).max(2100);

/** Documents drafted in the app besides Kế hoạch (which has its own tables and tasks). */
export const DRAFT_KINDS = { 'chi-thi': 'Chỉ thị', 'cong-van': 'Công văn', 'quyet-dinh': 'Quyết định', 'to-trinh': 'Tờ trình', 'giay-moi': 'Giấy mời' } as const;
export type DraftKind = keyof typeof DRAFT_KINDS;
export const DRAFT_KIND_IDS = Object.keys(DRAFT_KINDS) as [DraftKind, ...DraftKind[]];

/** Ô 12: the typist's code and the number of copies, printed at the end of the Lưu line ("PL.(300)"). */
export const CopiesSchema = z
  .object({
    code: textLine(6).regex(/^[A-ZĐ]{1,6}$/, 'chữ in hoa, tối đa 6 chữ (ví dụ "PL")'),
    count: z.number().int().min(1).max(99999),
  })
  .strict();

const Distribution = z.object({ lines: z.array(RecipientLineSchema).max(300), options: DistributionOptionsSchema, copies: CopiesSchema.nullable().optional() }).strict();

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

/** A document a Quyết định issues ("ban hành kèm theo"): Kế hoạch, Quy chế, Quy định… */
export const AttachedDraftSchema = z
  .object({
    /** Tên loại, e.g. "Kế hoạch". */
    name: textLine(60),
    subject: textLine(500),
    body: z.array(BlockSchema).max(2000),
    /** The Kế hoạch it issues: its phụ lục (task table) is printed after it, as the plan has it when exported. */
    planId: id.nullable().optional(),
  })
  .strict();

export const QuyetDinhContentSchema = z
  .object({
    kind: z.literal('quyet-dinh'),
    /** "GIÁM ĐỐC SỞ NỘI VỤ": who decides, printed above the căn cứ lines. */
    decidingAuthority: textLine(200),
    /** Căn cứ lines; the last may be "Theo đề nghị của …". Punctuation is added when printed. */
    bases: z.array(textLine(1000)).max(30),
    /** One entry per article; the engine prints "Điều n." before the first paragraph of each. */
    articles: z.array(z.array(BlockSchema).max(500)).max(50),
    /** The article naming who executes ("Như Điều n" in Nơi nhận); null: the last article. */
    executingArticle: z.number().int().min(1).max(50).nullable(),
    attachment: AttachedDraftSchema.nullable(),
    distribution: Distribution,
    signer: SignerSchema,
  })
  .strict();

export const ToTrinhContentSchema = z
  .object({
    kind: z.literal('to-trinh'),
    /** Kính gửi, one per line ("Ủy ban nhân dân tỉnh"). */
    recipients: z.array(textLine(300)).max(20),
    body: z.array(BlockSchema).max(1000),
    distribution: Distribution,
    signer: SignerSchema,
  })
  .strict();

export const GiayMoiContentSchema = z
  .object({
    kind: z.literal('giay-moi'),
    /** Kính gửi: agencies invited; may be empty when the invitation sentence names them. */
    recipients: z.array(AgencyRefSchema).max(100),
    invitation: multilineText(2000),
    time: textLine(300),
    place: textLine(300),
    chair: textLine(300),
    participants: z.array(textLine(500)).max(50),
    /** Content of the meeting and the closing request. */
    body: z.array(BlockSchema).max(500),
    distribution: Distribution,
    signer: SignerSchema,
  })
  .strict();

export const DraftContentSchema = z.discriminatedUnion('kind', [ChiThiContentSchema, CongVanContentSchema, QuyetDinhContentSchema, ToTrinhContentSchema, GiayMoiContentSchema]);

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
  kind: z.enum(DRAFT_KIND_IDS),
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
export type QuyetDinhContent = z.output<typeof QuyetDinhContentSchema>;
export type ToTrinhContent = z.output<typeof ToTrinhContentSchema>;
export type GiayMoiContent = z.output<typeof GiayMoiContentSchema>;
export type DraftContent = z.output<typeof DraftContentSchema>;


/** Starting points for a công văn, or a Quyết định issuing a plan. */
export const CongVanTemplateSchema = z.discriminatedUnion('template', [
  z.object({ template: z.literal('trien-khai-ke-hoach'), planId: id }).strict(),
  /** Quyết định ban hành Kế hoạch: the plan becomes the attached document. */
  z.object({ template: z.literal('ban-hanh-ke-hoach'), planId: id }).strict(),
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

