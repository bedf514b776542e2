import { z } from './validation';
import { cleanMultiline, cleanText } from './text';

/** One line of text, cleaned (NFC, no control characters, odd spaces folded) before it is checked. */
export const textLine = (max: number) => z.string().overwrite(cleanText).max(max);

/** A line that must not be empty after cleaning. */
export const requiredLine = (max: number) => textLine(max).min(1);

/** Text that keeps its line breaks. */
export const multilineText = (max: number) => z.string().overwrite(cleanMultiline).max(max);

/** The revision of the record an edit was based on; absent or null only when creating one. */
export const basedOnRevision = z.number().int().min(1).nullable().optional();

/** Codes used in số ký hiệu and the Lưu line: "UBND", "SNV", "CCHC", "QyĐ" (ND30 allows lower case inside). */
export const CODE_PATTERN = /^[A-ZĐ][A-Za-zĐđ0-9]*$/;

const CODE_HINT = 'chỉ gồm chữ cái không dấu và chữ số, bắt đầu bằng chữ in hoa, không có dấu cách (ví dụ: UBND, SNV)';

export const codeText = (max: number) => textLine(max).regex(CODE_PATTERN, CODE_HINT);

/** A code that may be left empty. */
export const optionalCode = (max: number) =>
  textLine(max).refine((s) => s === '' || CODE_PATTERN.test(s), { message: CODE_HINT });

/**
 * The length limit a schema sets on one text field (for the counter beside it), so the limit has
 * one home: the schema that refuses the save.
 */
export function maxLengthOf(schema: { shape: Record<string, unknown> }, key: string): number | undefined {
  let field = schema.shape[key] as { maxLength?: number | null; unwrap?: () => unknown } | undefined;
  while (field && field.maxLength === undefined && typeof field.unwrap === 'function') field = field.unwrap() as typeof field;
  return field?.maxLength ?? undefined;
}
