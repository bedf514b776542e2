// Text runs and plain paragraphs. Every string reaching docx passes through here (cleanText).
import { AlignmentType, Paragraph, TextRun, type IParagraphOptions } from 'docx';
import { cleanText } from '../../shared/text.js';
import type { Inline } from '../../shared/document/model.js';

export interface RunStyle { bold?: boolean | undefined; italic?: boolean | undefined; underline?: boolean | undefined; size: number }

/** Cleans like cleanText but keeps one edge space, so adjoining runs stay separated. */
function cleanRunText(s: string): string {
  const core = cleanText(s);
  if (!core) return '';
  return (/^\s/.test(s) ? ' ' : '') + core + (/\s$/.test(s) ? ' ' : '');
}

export function run(text: string, style: RunStyle): TextRun {
  return rawRun(cleanRunText(text), style);
}

/** For composed lines whose parts are already clean and whose inner spaces are deliberate (draft blanks). */
export function rawRun(text: string, style: RunStyle): TextRun {
  return new TextRun({ text, bold: style.bold ?? false, italics: style.italic ?? false, ...(style.underline ? { underline: {} } : {}), size: style.size * 2 });
}

/** Runs of a paragraph's content; `base` styles apply unless a run overrides them. */
export function inlineRuns(content: Inline, base: RunStyle, prefix?: string): TextRun[] {
  const parts = typeof content === 'string' ? [{ text: content }] : content;
  const runs: TextRun[] = prefix ? [rawRun(prefix, base)] : [];
  for (const p of parts) {
    const r = p as { text: string; bold?: boolean; italic?: boolean; underline?: boolean };
    if (r.text) runs.push(run(r.text, { size: base.size, bold: r.bold ?? base.bold, italic: r.italic ?? base.italic, underline: r.underline ?? base.underline }));
  }
  return runs;
}

/** Plain text of an inline content, for measuring and references. */
export function inlineText(content: Inline): string {
  return typeof content === 'string' ? content : content.map((r) => r.text).join('');
}

type ParaOptions = Omit<IParagraphOptions, 'children' | 'text'>;

/** A centred single-spaced paragraph with zero spacing (header, signature, titles). */
export function centred(children: TextRun[], options: ParaOptions = {}): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0, line: 240 }, ...options, children });
}

export function upper(s: string): string {
  return cleanText(s).toLocaleUpperCase('vi');
}
