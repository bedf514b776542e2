import { z } from './validation';
import { textLine } from './fields';
import { DRAFT_KINDS } from './drafts';
import { DOCUMENT_KINDS } from './nd30';

/** The kinds the register lists: Kế hoạch (own tables) and every kind drafted as a document. */
export const REGISTER_KIND_IDS = ['ke-hoach', ...(Object.keys(DRAFT_KINDS) as (keyof typeof DRAFT_KINDS)[])] as const;
export type RegisterKind = (typeof REGISTER_KIND_IDS)[number];
export const REGISTER_KIND_LABELS: Record<RegisterKind, string> = Object.fromEntries(REGISTER_KIND_IDS.map((k) => [k, DOCUMENT_KINDS[k].name])) as Record<RegisterKind, string>;

/** 'withdrawn': back to a draft for correction, its issued copy withdrawn ("Đang đính chính"). */
export const REGISTER_STATUS_LABELS = { draft: 'Dự thảo', issued: 'Đã ban hành', withdrawn: 'Đang đính chính' } as const;
export type RegisterStatus = keyof typeof REGISTER_STATUS_LABELS;

const id = z.number().int().positive();

/** One row of the register (Sổ văn bản): a plan or document with its current or latest issue. */
export const RegisterEntrySchema = z.object({
  kind: z.enum(REGISTER_KIND_IDS),
  id,
  number: z.number().nullable(),
  /** Ký hiệu as issued ("UBND-NV"); '' for a draft never issued. */
  code: z.string(),
  issuedDate: z.string().nullable(),
  /** Trích yếu. */
  title: z.string(),
  issuerId: z.number().nullable(),
  issuerLabel: z.string(),
  signerName: z.string(),
  status: z.enum(['draft', 'issued', 'withdrawn']),
  year: z.number(),
  updatedAt: z.string(),
  issuedCount: z.number(),
  withdrawnCount: z.number(),
});
export type RegisterEntry = z.output<typeof RegisterEntrySchema>;

export const RegisterFilterSchema = z
  .object({
    /** A number ("1250"), a number and ký hiệu ("1250/UBND", "01/KH") or words of the trích yếu, with or without diacritics. */
    query: textLine(200),
    kind: z.enum(REGISTER_KIND_IDS).nullable(),
    year: z.number().int().min(2000).max(2100).nullable(),
    issuerId: id.nullable(),
    status: z.enum(['draft', 'issued', 'withdrawn']).nullable(),
  })
  .strict();
export type RegisterFilter = z.output<typeof RegisterFilterSchema>;
