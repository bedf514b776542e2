// Body blocks of the document model ↔ the editor's ProseMirror JSON. Pure: no DOM, no Tiptap.
//
// The editor holds exactly what the model can say (see schema.ts). A mark carries `value`, so a run's
// explicit `bold: false` (un-bolding part of a heading) survives the trip like `bold: true`.
// toModel returns what the model schema keeps after parsing: cleaned text, adjacent runs with the same
// styles merged, a plain string when nothing is styled. Blocks the model cannot hold (a heading,
// paragraph or item without visible text) are dropped; tables come back as the very object they were.
import type { BodyBlock } from '../../../shared/paste';
import { cleanText } from '../../../shared/text';

export const STYLES = ['bold', 'italic', 'underline'] as const;
export type Style = (typeof STYLES)[number];

export interface PmMark { type: Style; attrs?: { value?: boolean } }
export interface PmText { type: 'text'; text: string; marks?: PmMark[] }
export type PmBlock =
  | { type: 'heading'; attrs: { level: 1 | 2 | 3 | 4; number: string | null }; content?: PmText[] }
  | { type: 'paragraph'; content?: PmText[] }
  | { type: 'item'; attrs: { marker: '-' | '+' }; content?: PmText[] }
  | { type: 'modelTable'; attrs: { block: TableBlock } };
export interface PmDoc { type: 'doc'; content: PmBlock[] }

export type TableBlock = Extract<BodyBlock, { type: 'table' }>;
type TextBlock = Exclude<BodyBlock, { type: 'table' }>;
export type Inline = TextBlock['text'];
export interface Run { text: string; bold?: boolean; italic?: boolean; underline?: boolean }

/** Model → editor. */
export function toEditor(blocks: readonly BodyBlock[]): PmDoc {
  const content = blocks.map(blockToEditor);
  // ProseMirror needs one block to put the cursor in.
  return { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] };
}

export function blockToEditor(b: BodyBlock): PmBlock {
  switch (b.type) {
    case 'heading':
      return withContent({ type: 'heading', attrs: { level: b.level, number: b.number ?? null } }, b.text);
    case 'paragraph':
      return withContent({ type: 'paragraph' }, b.text);
    case 'item':
      return withContent({ type: 'item', attrs: { marker: b.marker } }, b.text);
    case 'table':
      return { type: 'modelTable', attrs: { block: b } };
  }
}

function withContent<B extends PmBlock>(block: B, text: Inline): B {
  const content = inlineToEditor(text);
  return content.length ? { ...block, content } : block;
}

function inlineToEditor(text: Inline): PmText[] {
  const runs: Run[] = typeof text === 'string' ? [{ text }] : (text as Run[]);
  return runs
    .filter((r) => r.text.length > 0)
    .map((r) => {
      const marks = STYLES.flatMap((s): PmMark[] => (r[s] === undefined ? [] : [{ type: s, attrs: { value: r[s] } }]));
      return marks.length ? { type: 'text' as const, text: r.text, marks } : { type: 'text' as const, text: r.text };
    });
}

/** Editor → model. */
export function toModel(doc: PmDoc): BodyBlock[] {
  return (doc.content ?? []).flatMap((b): BodyBlock[] => {
    if (b.type === 'modelTable') return [b.attrs.block];
    const text = inlineToModel(b.content ?? []);
    if (text === null) return [];
    if (b.type === 'heading') {
      const number = cleanText(b.attrs.number ?? '');
      return [number ? { type: 'heading', level: b.attrs.level, number, text } : { type: 'heading', level: b.attrs.level, text }];
    }
    if (b.type === 'item') return [{ type: 'item', marker: b.attrs.marker, text }];
    return [{ type: 'paragraph', text }];
  });
}

function runOf(t: PmText): Run {
  const run: Run = { text: t.text };
  for (const m of t.marks ?? []) if ((STYLES as readonly string[]).includes(m.type)) run[m.type] = m.attrs?.value ?? true;
  return run;
}

const sameStyle = (a: Run, b: Run) => STYLES.every((s) => a[s] === b[s]);
const isPlain = (r: Run) => STYLES.every((s) => r[s] === undefined);

/** Cleaned like the model's runs: one edge space kept on each side that had whitespace. */
function cleanRun(s: string): string {
  const core = cleanText(s);
  if (!core) return '';
  return (/^\s/.test(s) ? ' ' : '') + core + (/\s$/.test(s) ? ' ' : '');
}

/** The model's inline content, or null when nothing visible is left (the model cannot hold it). */
export function inlineToModel(content: readonly PmText[]): Inline | null {
  const merged: Run[] = [];
  const push = (r: Run) => {
    const last = merged[merged.length - 1];
    if (last && sameStyle(last, r)) last.text += r.text;
    else merged.push({ ...r });
  };
  // Styles on whitespace alone are not kept: the space joins its neighbour so words stay apart.
  const runs = content.map(runOf);
  runs.forEach((r, i) => {
    if (cleanText(r.text)) return push(r);
    const prev = merged[merged.length - 1];
    if (prev) prev.text += r.text;
    else {
      const next = runs.slice(i + 1).find((x) => cleanText(x.text));
      if (next) next.text = r.text + next.text;
    }
  });
  const cleaned = merged.map((r) => ({ ...r, text: cleanRun(r.text) })).filter((r) => r.text);
  if (!cleaned.some((r) => r.text.trim())) return null;
  if (cleaned.every(isPlain)) return cleanText(cleaned.map((r) => r.text).join(''));
  return cleaned.map((r) => {
    const out: Run = { text: r.text };
    for (const s of STYLES) if (r[s] !== undefined) out[s] = r[s];
    return out;
  });
}
