import { z } from './validation';
import { basedOnRevision, textLine, requiredLine } from './fields';
import { withListEnding } from './nd30';

const id = z.number().int().positive();
const note = textLine(100);

/** A line of a saved list: an agency, a group (one line, e.g. "UBND các huyện, thành phố"), or free text. */
export const RecipientLineSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('agency'), agencyId: id, note }).strict(),
  z.object({ type: z.literal('group'), groupId: id, note }).strict(),
  z.object({ type: z.literal('text'), text: requiredLine(300), note }).strict(),
]);

export const RECIPIENT_LIST_KINDS = { 'noi-nhan': 'Nơi nhận', 'kinh-gui': 'Kính gửi' } as const;
export type RecipientListKind = keyof typeof RECIPIENT_LIST_KINDS;

export const RecipientListInputSchema = z
  .object({
    id: id.optional(),
    name: requiredLine(200),
    kind: z.enum(['noi-nhan', 'kinh-gui']),
    lines: z.array(RecipientLineSchema).max(300),
    /** How the list prints as a Nơi nhận: the "Gửi bản điện tử:" line and the drafter in the Lưu line. */
    electronic: z.boolean().default(false),
    drafter: textLine(60).default(''),
    revision: basedOnRevision,
  })
  .strict();

export const RecipientListSchema = z.object({
  id,
  name: z.string(),
  kind: z.enum(['noi-nhan', 'kinh-gui']),
  lines: z.array(RecipientLineSchema),
  /** Each line as it prints (name and note), in order. */
  labels: z.array(z.string()),
  electronic: z.boolean(),
  drafter: z.string(),
  revision: z.number(),
});

export type RecipientLine = z.output<typeof RecipientLineSchema>;
export type RecipientListInput = z.input<typeof RecipientListInputSchema>;
export type RecipientList = z.output<typeof RecipientListSchema>;

/** Per-document choices when a list becomes a Nơi nhận block. */
export const DistributionOptionsSchema = z
  .object({
    /** Bắc Kạn practice: "Gửi bản điện tử:" under the heading. */
    electronic: z.boolean(),
    /** The document has a Kính gửi, so the block starts "- Như trên;". */
    withKinhGui: z.boolean(),
    /** Drafter's name for the Lưu line, e.g. "Vân" → "- Lưu: VT, NCPC (Vân)." */
    drafter: textLine(60),
  })
  .strict();

export type DistributionOptions = z.output<typeof DistributionOptionsSchema>;

/** The Nơi nhận of a document model (see shared/document/model.ts): items without "- " or ";". */
export interface Distribution {
  electronic?: boolean | undefined;
  items: string[];
  archive: string;
  /** Ô 12: typist's code and copies issued, printed at the end of the Lưu line ("PL.(300)"). */
  copies?: { code: string; count: number } | undefined;
}

const NHU_TREN = 'Như trên';

/** Builds a document's Nơi nhận from a list's printed labels, the options and the drafting unit. */
export function composeDistribution(labels: readonly string[], options: DistributionOptions, draftingUnit: string): Distribution {
  const rest = labels.filter((l) => !/^Như trên\b/i.test(l));
  const archive = ['VT', draftingUnit].filter(Boolean).join(', ') + (options.drafter ? ` (${options.drafter})` : '');
  return {
    ...(options.electronic ? { electronic: true } : {}),
    items: options.withKinhGui ? [NHU_TREN, ...rest] : rest,
    archive,
  };
}

/** The Nơi nhận block exactly as the engine prints it, one paragraph per string. */
export function distributionLines(d: Distribution): string[] {
  return [
    'Nơi nhận:',
    ...(d.electronic ? ['Gửi bản điện tử:'] : []),
    ...d.items.map((item) => `- ${withListEnding(item, false)}`),
    `- Lưu: ${withListEnding(d.copies ? `${d.archive.replace(/[\s;.,]+$/u, '')}, ${d.copies.code}.(${d.copies.count})` : d.archive, true)}`,
  ];
}

/** The Kính gửi block as printed: one recipient on the line, several as "- " items ending ";" then ".". */
export function kinhGuiLines(recipients: readonly string[]): string[] {
  if (recipients.length === 0) return [];
  if (recipients.length === 1) return [`Kính gửi: ${recipients[0]}`];
  return ['Kính gửi:', ...recipients.map((r, i) => `- ${withListEnding(r, i === recipients.length - 1)}`)];
}

/** A line's printed text: its name, then its note ("TT Thành ủy (để b/c)"). */
export function lineLabel(name: string, lineNote: string): string {
  const n = lineNote.trim();
  if (!n) return name;
  return `${name} ${/^\(.*\)$/.test(n) ? n : `(${n.replace(/^\(|\)$/g, '')})`}`;
}
