import { z } from './validation';
import { basedOnRevision, requiredLine, textLine } from './fields';
import { DOCUMENT_KIND_IDS } from './nd30';
import { IssuerProfileSchema } from './profile';

const id = z.number().int().positive();

/** An issuing body (cơ quan ban hành) as listed in Cài đặt: its profile fields plus how it is told apart. */
export const IssuerSchema = IssuerProfileSchema.extend({
  id,
  label: z.string(),
  isDefault: z.boolean(),
  revision: z.number(),
});
export type Issuer = z.output<typeof IssuerSchema>;

/** Create (no id) or update (id + the revision it was based on) an issuing body. */
export const IssuerInputSchema = IssuerProfileSchema.extend({
  id: id.nullable().optional(),
  /** "Tên gọi trong danh sách"; empty: the full name (or the name on one line). */
  label: textLine(120).optional(),
}).strict();
export type IssuerInput = z.input<typeof IssuerInputSchema>;

/** A number series (sổ đăng ký văn bản đi) of an issuer: which kinds it numbers, and how many numbers it gave this year. */
export const NumberSeriesSchema = z.object({
  id,
  issuerId: id,
  name: z.string(),
  kinds: z.array(z.enum(DOCUMENT_KIND_IDS)),
  revision: z.number(),
  usedNumbers: z.number(),
});
export type NumberSeries = z.output<typeof NumberSeriesSchema>;

export const NumberSeriesInputSchema = z
  .object({
    id: id.nullable().optional(),
    issuerId: id,
    name: requiredLine(120),
    kinds: z.array(z.enum(DOCUMENT_KIND_IDS)).max(DOCUMENT_KIND_IDS.length).min(1, { message: 'Sổ phải đánh số ít nhất một loại văn bản' }),
    revision: basedOnRevision,
  })
  .strict();
export type NumberSeriesInput = z.input<typeof NumberSeriesInputSchema>;

/** The label an issuer gets when the user leaves it empty. */
export function defaultIssuerLabel(profile: { issuerFullName: string; issuerName: string }): string {
  return profile.issuerFullName || profile.issuerName.replace(/\n/g, ' ');
}

const done = z.object({ ok: z.literal(true) });

/** The requests of this domain, spread into shared/api.ts. */
export const issuerRequests = {
  listIssuers: { input: z.object({}).strict(), output: z.array(IssuerSchema) },
  saveIssuer: { input: IssuerInputSchema, output: IssuerSchema },
  deleteIssuer: { input: z.object({ id, revision: basedOnRevision }).strict(), output: done },
  setDefaultIssuer: { input: z.object({ id }).strict(), output: z.array(IssuerSchema) },
  listNumberSeries: { input: z.object({ issuerId: id }).strict(), output: z.array(NumberSeriesSchema) },
  saveNumberSeries: { input: NumberSeriesInputSchema, output: z.array(NumberSeriesSchema) },
  deleteNumberSeries: { input: z.object({ id, revision: basedOnRevision }).strict(), output: z.array(NumberSeriesSchema) },
} as const;
