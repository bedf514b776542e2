import { z } from './validation';
import { isIsoDate } from './dates';
import { basedOnRevision, requiredLine, textLine } from './fields';

/** Kinds of agency, in the order they usually appear in a Nơi nhận list. */
export const AGENCY_TIERS = {
  'trung-uong': 'Cơ quan Trung ương',
  'tinh-uy-hdnd': 'Tỉnh ủy, HĐND tỉnh',
  'ubnd-tinh': 'UBND tỉnh và lãnh đạo UBND tỉnh',
  'so-ban-nganh': 'Sở, ban, ngành',
  'tw-tren-dia-ban': 'Cơ quan Trung ương đóng trên địa bàn',
  'ubnd-huyen': 'UBND cấp huyện',
  'ubnd-xa': 'UBND cấp xã',
  'mat-tran-doan-the': 'Mặt trận và tổ chức chính trị - xã hội',
  'bao-chi': 'Báo chí',
  'doanh-nghiep': 'Doanh nghiệp',
  khac: 'Khác',
} as const;

export type AgencyTier = keyof typeof AGENCY_TIERS;
export const AGENCY_TIER_IDS = Object.keys(AGENCY_TIERS) as [AgencyTier, ...AgencyTier[]];

const isoDate = z
  .string()
  .refine(isIsoDate, { message: 'ngày không hợp lệ (dd/mm/yyyy)' })
  .nullable();

const id = z.number().int().positive();

/** Abbreviations are looser than số ký hiệu codes: "VP UBND", "MTTQ", "ĐPT-TH". */
const abbreviation = textLine(30).refine((s) => s === '' || /^[\p{Lu}\d][\p{L}\d .&()/-]*$/u.test(s), {
  message: 'bắt đầu bằng chữ in hoa hoặc chữ số (ví dụ: SNV, VP UBND)',
});

export const AgencyInputSchema = z
  .object({
    id: id.optional(),
    /** As written in documents: "Sở Nội vụ tỉnh Bắc Kạn", "Ủy ban nhân dân huyện Ba Bể". */
    fullName: requiredLine(300),
    /** As used in tables: "Sở Nội vụ", "UBND huyện Ba Bể". */
    shortName: requiredLine(150),
    abbreviation,
    tier: z.enum(AGENCY_TIER_IDS),
    parentId: id.nullable(),
    protocolOrder: z.number().int().min(0).max(1_000_000),
    email: textLine(200).refine((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), { message: 'không đúng dạng thư điện tử' }),
    phone: textLine(50).refine((s) => s === '' || /^[\d\s+().-]+$/.test(s), { message: 'chỉ gồm chữ số và các dấu + ( ) . -' }),
    validFrom: isoDate,
    validTo: isoDate,
    replacedById: id.nullable(),
    revision: basedOnRevision,
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.validFrom && a.validTo && a.validTo < a.validFrom) {
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'phải sau ngày bắt đầu hiệu lực' });
    }
    if (a.id !== undefined && (a.parentId === a.id || a.replacedById === a.id)) {
      ctx.addIssue({ code: 'custom', path: [a.parentId === a.id ? 'parentId' : 'replacedById'], message: 'không được là chính cơ quan này' });
    }
  });

export const AgencySchema = z.object({
  id,
  fullName: z.string(),
  shortName: z.string(),
  abbreviation: z.string(),
  tier: z.enum(AGENCY_TIER_IDS),
  parentId: id.nullable(),
  protocolOrder: z.number(),
  email: z.string(),
  phone: z.string(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  replacedById: id.nullable(),
  active: z.boolean(),
  /** How many tasks, reports, lists and groups name this agency (deletion is refused while > 0). */
  references: z.number(),
  revision: z.number(),
});

export type AgencyInput = z.input<typeof AgencyInputSchema>;
/** An agency as checked and cleaned by the contract. */
export type AgencyFields = z.output<typeof AgencyInputSchema>;
export type Agency = z.output<typeof AgencySchema>;

export const AgencyGroupInputSchema = z
  .object({
    id: id.optional(),
    /** As printed in a Nơi nhận line: "Các sở, ban, ngành thuộc tỉnh". */
    name: requiredLine(200),
    protocolOrder: z.number().int().min(0).max(1_000_000),
    memberIds: z.array(id).max(5000),
    revision: basedOnRevision,
  })
  .strict();

export const AgencyGroupSchema = z.object({
  id,
  name: z.string(),
  protocolOrder: z.number(),
  memberIds: z.array(id),
  revision: z.number(),
});

export type AgencyGroupInput = z.input<typeof AgencyGroupInputSchema>;
export type AgencyGroupFields = z.output<typeof AgencyGroupInputSchema>;
export type AgencyGroup = z.output<typeof AgencyGroupSchema>;
