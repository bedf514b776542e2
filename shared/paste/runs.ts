// Inline runs of pasted text: cleaned the way the model cleans them, adjacent runs with the same
// marks merged, and a run list without marks collapsed to a plain string.
import { cleanText } from '../text.js';

export interface Marks { bold?: boolean; italic?: boolean; underline?: boolean }
export interface Run extends Marks { text: string }
/** Paragraph content as the model takes it: a plain string or runs. */
export type Inline = string | Run[];

const MARKS = ['bold', 'italic', 'underline'] as const;

export function sameMarks(a: Marks, b: Marks): boolean {
  return MARKS.every((m) => Boolean(a[m]) === Boolean(b[m]));
}

function withMarks(text: string, marks: Marks): Run {
  const run: Run = { text };
  for (const m of MARKS) if (marks[m]) run[m] = true;
  return run;
}

// cleanText trims; inside a paragraph a run keeps one space at each edge that had whitespace.
function cleanKeepingEdges(s: string): string {
  const core = cleanText(s);
  if (!core) return /\s/.test(s) ? ' ' : '';
  return (/^\s/.test(s) ? ' ' : '') + core + (/\s$/.test(s) ? ' ' : '');
}

/**
 * Cleaned runs: odd characters removed, whitespace collapsed across run boundaries, no
 * whitespace-only run (its space goes to a neighbour), edges of the paragraph trimmed.
 */
export function normaliseRuns(input: readonly Run[]): Run[] {
  const out: Run[] = [];
  // A space between runs goes to the neighbour without marks (an underlined space would show).
  let pendingSpace = false;
  for (const r of input) {
    let text = cleanKeepingEdges(r.text);
    if (!text) continue;
    if (text === ' ') {
      pendingSpace = true;
      continue;
    }
    const prev = out[out.length - 1];
    if (pendingSpace && !text.startsWith(' ') && !prev?.text.endsWith(' ')) {
      if (prev && (!hasMarks(prev) || hasMarks(r))) prev.text += ' ';
      else text = ` ${text}`;
    }
    pendingSpace = false;
    if (prev?.text.endsWith(' ') && text.startsWith(' ')) text = text.slice(1);
    if (prev && sameMarks(prev, r)) prev.text += text;
    else out.push(withMarks(text, r));
  }
  if (out.length) {
    out[0]!.text = out[0]!.text.trimStart();
    out[out.length - 1]!.text = out[out.length - 1]!.text.trimEnd();
  }
  return out.filter((r) => r.text.length > 0);
}

const hasMarks = (m: Marks) => Boolean(m.bold || m.italic || m.underline);

export function runsText(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join('');
}

/** The runs without their first `count` characters (a marker that was read off the plain text). */
export function dropPrefix(runs: readonly Run[], count: number): Run[] {
  let left = count;
  const out: Run[] = [];
  for (const r of runs) {
    if (left >= r.text.length) {
      left -= r.text.length;
      continue;
    }
    out.push({ ...r, text: r.text.slice(left) });
    left = 0;
  }
  return normaliseRuns(out);
}

/** Runs → model inline content; undefined when nothing but whitespace is left. */
export function toInline(runs: readonly Run[], options: { dropUniformMarks?: boolean } = {}): Inline | undefined {
  let list = normaliseRuns(runs);
  if (!list.some((r) => r.text.trim())) return undefined;
  if (options.dropUniformMarks) {
    // A heading's look is set by ND30 for its level: a mark on the whole heading adds nothing.
    const uniform = MARKS.filter((m) => list.every((r) => r[m]));
    if (uniform.length) list = normaliseRuns(list.map((r) => withMarks(r.text, { ...r, ...Object.fromEntries(uniform.map((m) => [m, false])) })));
  }
  if (list.every((r) => !r.bold && !r.italic && !r.underline)) return runsText(list);
  return list;
}
