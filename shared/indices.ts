import { z } from './validation';
import { basedOnRevision, requiredLine, textLine } from './fields';

export const INDEX_UNITS = { diem: 'điểm', 'phan-tram': '%' } as const;
export type IndexUnit = keyof typeof INDEX_UNITS;

const id = z.number().int().positive();
const year = z.number().int().min(2000).max(2100);
const score = z.number().min(0).max(10_000).nullable();
const rank = z.number().int().min(1).max(1000).nullable();

/** A dimension ("1") or a sub-dimension ("1.1") of an index, valid from firstYear to lastYear (inclusive). */
export const IndexComponentSchema = z.object({
  id,
  indexId: id,
  parentId: id.nullable(),
  code: z.string(),
  name: z.string(),
  maxScore: z.number().nullable(),
  /** Share of the total, in percent, where the index weights its parts (PCI). */
  weight: z.number().nullable(),
  firstYear: z.number(),
  lastYear: z.number().nullable(),
  /** False where public sources disagree; the UI marks it "chưa xác nhận". */
  confirmed: z.boolean(),
  revision: z.number(),
});

export const IndexDefinitionSchema = z.object({
  id,
  code: z.string(),
  name: z.string(),
  unit: z.enum(['diem', 'phan-tram']),
  totalMax: z.number().nullable(),
  components: z.array(IndexComponentSchema),
});

export const IndexComponentInputSchema = z
  .object({
    id: id.optional(),
    indexId: id,
    parentId: id.nullable(),
    code: requiredLine(20).regex(/^\d+(\.\d+)*$/, { message: 'dạng số thứ tự như 1, 1.2' }),
    name: requiredLine(300),
    maxScore: z.number().min(0).max(1000).nullable(),
    weight: z.number().min(0).max(100).nullable(),
    firstYear: year,
    lastYear: year.nullable(),
    confirmed: z.boolean(),
    revision: basedOnRevision,
  })
  .strict()
  .refine((c) => c.lastYear === null || c.lastYear >= c.firstYear, { path: ['lastYear'], message: 'không được trước năm bắt đầu' });

export const YearResultSchema = z
  .object({
    score,
    rank,
    /** How many provinces were ranked (63 until 2024; fewer after the 2025 mergers). */
    rankOf: rank,
    band: textLine(100),
  })
  .strict();

export const ComponentResultSchema = z.object({ componentId: id, score, rank, band: textLine(100) }).strict();

export const IndexYearResultsSchema = z
  .object({
    indexId: id,
    year,
    overall: YearResultSchema,
    components: z.array(ComponentResultSchema).max(500),
    /** The revision of the year's results the edit was based on; empty when the year had none. */
    revision: basedOnRevision,
  })
  .strict();

export type IndexComponent = z.output<typeof IndexComponentSchema>;
export type IndexDefinition = z.output<typeof IndexDefinitionSchema>;
export type IndexComponentInput = z.output<typeof IndexComponentInputSchema>;
export type YearResult = z.output<typeof YearResultSchema>;
export type ComponentResult = z.output<typeof ComponentResultSchema>;
export type IndexYearResults = z.output<typeof IndexYearResultsSchema>;

/** Components that belong to an edition: valid in `year`. */
export function componentsOfYear(components: readonly IndexComponent[], year: number): IndexComponent[] {
  return components.filter((c) => c.firstYear <= year && (c.lastYear === null || c.lastYear >= year));
}

export interface ComparisonCell {
  score: number | null;
  rank: number | null;
  /** Change from the previous year shown; null when either year has no figure. */
  deltaScore: number | null;
  /** Positive when the rank got worse (a larger number). */
  deltaRank: number | null;
  declined: boolean;
}

export interface ComparisonRow {
  component: IndexComponent;
  cells: ComparisonCell[];
}

/**
 * Components × years, each cell with its change from the previous column. A component "declined"
 * in a year when its score fell or its rank got worse.
 */
export function compareYears(components: readonly IndexComponent[], results: readonly (ComponentResult & { year: number })[], years: readonly number[]): ComparisonRow[] {
  const byKey = new Map(results.map((r) => [`${r.componentId}:${r.year}`, r]));
  const shown = components.filter((c) => years.some((y) => c.firstYear <= y && (c.lastYear === null || c.lastYear >= y)));
  return shown.map((component) => {
    let previous: ComponentResult | undefined;
    const cells = years.map((y) => {
      const r = byKey.get(`${component.id}:${y}`);
      const deltaScore = r?.score != null && previous?.score != null ? round(r.score - previous.score) : null;
      const deltaRank = r?.rank != null && previous?.rank != null ? r.rank - previous.rank : null;
      previous = r;
      return { score: r?.score ?? null, rank: r?.rank ?? null, deltaScore, deltaRank, declined: (deltaScore ?? 0) < 0 || (deltaRank ?? 0) > 0 };
    });
    return { component, cells };
  });
}

/** The components that declined in the last of `years`, leaves first where both levels declined. */
export function decliningComponents(rows: readonly ComparisonRow[]): IndexComponent[] {
  return rows.filter((r) => r.cells.at(-1)?.declined).map((r) => r.component);
}

function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

/** Scores as published: decimal comma, up to 4 decimals ("42,153"). */
export function formatScore(n: number | null | undefined, decimals = 4): string {
  if (n === null || n === undefined) return '';
  return n.toLocaleString('vi-VN', { maximumFractionDigits: decimals, minimumFractionDigits: 0 });
}

/** Parses "42,153" or "42.153" (a single separator is the decimal mark) or "1.234,5". */
export function parseScore(text: string): number | null {
  const t = text.trim().replace(/\s/g, '');
  if (t === '') return null;
  const normalised = t.includes(',') ? t.replace(/\./g, '').replace(',', '.') : t;
  const n = Number(normalised);
  return Number.isFinite(n) ? n : Number.NaN;
}

/** "1.2" before "1.10", "2" after "1.4". */
export function compareCodes(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

export const IndexResultsSchema = z.object({
  overall: z.array(YearResultSchema.extend({ year: z.number(), revision: z.number() })),
  components: z.array(ComponentResultSchema.extend({ year: z.number() })),
});
