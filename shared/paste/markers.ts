// The numbering and bullet markers of Vietnamese administrative texts, read off the start of a
// paragraph, and the block a paragraph becomes: heading, item, article or plain paragraph.
import type { BodyBlock } from './types.js';
import { dropPrefix, runsText, toInline, type Run } from './runs.js';

export type HeadingLevel = 1 | 2 | 3 | 4;
export type Marker =
  | { kind: 'heading'; level: HeadingLevel; number: string; length: number }
  | { kind: 'item'; marker: '-' | '+'; length: number }
  | { kind: 'article'; label: string; length: number };

// Each pattern is anchored, has bounded repetitions and no nested quantifiers: linear on any input.
// "I." … "XXXIX." followed by a space or the end.
const ROMAN = /^(X{1,3}(?:IX|IV|VI{0,3}|I{1,3})?|IX|IV|VI{0,3}|I{1,3})\.(?=\s|$)\s*/;
// "1.1." / "1.1" / "1.2.3." (level 3). Two digits at most per part: "1.500" is a number, not a marker.
const SUB = /^(\d{1,2}(?:\.\d{1,2}){1,2})\.?(?=\s|$)\s*/;
const ARABIC = /^(\d{1,2})\.(?=\s|$)\s*/;
const LETTER = /^([a-zđ])\)(?=\s|$)\s*/;
const ARTICLE = /^(Điều\s{1,5}\d{1,3}[a-z]?)\.(?=\s|$)\s*/;
// Bullets as typed or as Word and PDFs give them ( is Word's Symbol-font bullet, § and Ø Wingdings).
const DASH_ITEM = /^[-–—•·▪■●\uF0B7§Ø](?=\s)\s*/;
const PLUS_ITEM = /^[+◦\uF06F](?=\s)\s*/;
// "o" is not a Vietnamese word on its own: before a capital it is Word's second-level bullet.
const O_ITEM = /^o\s+(?=\p{Lu})/u;

export function readMarker(text: string): Marker | null {
  let m: RegExpExecArray | null;
  if ((m = ROMAN.exec(text))) return { kind: 'heading', level: 1, number: m[1]!, length: m[0].length };
  if ((m = SUB.exec(text))) return { kind: 'heading', level: 3, number: m[1]!, length: m[0].length };
  if ((m = ARABIC.exec(text))) return { kind: 'heading', level: 2, number: m[1]!, length: m[0].length };
  if ((m = LETTER.exec(text))) return { kind: 'heading', level: 4, number: m[1]!, length: m[0].length };
  if ((m = ARTICLE.exec(text))) return { kind: 'article', label: `${m[1]!.replace(/\s+/, ' ')}.`, length: m[0].length };
  if ((m = DASH_ITEM.exec(text))) return { kind: 'item', marker: '-', length: m[0].length };
  if ((m = PLUS_ITEM.exec(text) ?? O_ITEM.exec(text))) return { kind: 'item', marker: '+', length: m[0].length };
  return null;
}

// Bullets of Symbol and Wingdings fonts reach the clipboard as the letter of the font's code point
// (Wingdings "ü" ✓, "Ø" ➢, "§" ■, "q" ❑, "v" ❖, "n" ■, "l" ●); "o" is Courier New's ○.
const GLYPH_LETTERS = /^[ovüqnlØ§Ÿ¨]$/;

/**
 * The bullet of a Word list label: a typed "-" or "+" is kept, any other glyph gives the list
 * level's marker. Undefined for a number ("1.", "a)", "1)"), which stays in the text.
 */
export function bulletOf(label: string, level: number): '-' | '+' | undefined {
  if (label === '-' || label === '+') return label;
  const glyph = !/[\p{L}\p{N}]/u.test(label) || GLYPH_LETTERS.test(label);
  return glyph ? (level > 1 ? '+' : '-') : undefined;
}

/**
 * Whether the text after a number is a title ("1. Mục đích") rather than a numbered paragraph
 * ("1. Các cơ quan … thực hiện." or "2. Sở Tư pháp: Nâng cao …"). ND30 sets a khoản with a
 * title on its own line; a khoản without one is body text that keeps its number in the text.
 */
function isTitle(text: string, level: HeadingLevel): boolean {
  const words = text.split(' ').length;
  if (words > (level === 1 ? 40 : 25)) return false;
  if (level === 1) return true;
  if (/[.:;,!?]$/.test(text)) return false;
  // A second sentence or a "Label: content" split means running text.
  return !/[.:;!?] \S/.test(text);
}

export interface BlockHint {
  /** A heading tag of a web page (h1…h6 → 1…4) when the text carries no number. */
  heading?: HeadingLevel;
  /** A list item (web <li>, Word bullet list). */
  item?: '-' | '+';
}

export interface BlockOptions { articles?: boolean }

/** One pasted paragraph → one model block (undefined when it is empty). */
export function toBlock(input: readonly Run[], hint: BlockHint, options: BlockOptions): BodyBlock | undefined {
  const whole = toInline(input);
  if (whole === undefined) return undefined;
  const runs: Run[] = typeof whole === 'string' ? [{ text: whole }] : whole;
  const marker = readMarker(runsText(runs));

  if (hint.item) {
    // A list item whose text repeats a typed bullet: keep one bullet.
    const text = toInline(marker?.kind === 'item' ? dropPrefix(runs, marker.length) : runs);
    return text === undefined ? undefined : { type: 'item', marker: hint.item, text };
  }
  if (marker?.kind === 'heading') {
    const rest = dropPrefix(runs, marker.length);
    const text = toInline(rest, { dropUniformMarks: true });
    if (text !== undefined && (hint.heading || isTitle(runsText(rest), marker.level)))
      return { type: 'heading', level: marker.level, number: marker.number, text };
  }
  if (hint.heading) return { type: 'heading', level: hint.heading, text: toInline(runs, { dropUniformMarks: true })! };
  if (marker?.kind === 'item') {
    const text = toInline(dropPrefix(runs, marker.length));
    if (text !== undefined) return { type: 'item', marker: marker.marker, text };
  }
  if (marker?.kind === 'article' && options.articles) {
    // Quyết định (issue #16): "Điều 1." is printed bold and the article's text follows on the same
    // line in its own marks, so the paragraph starts with a bold run holding exactly "Điều N.".
    const rest = dropPrefix(runs, marker.length);
    return { type: 'paragraph', text: [{ text: marker.label, bold: true }, ...rest.map((r, i) => (i === 0 ? { ...r, text: ` ${r.text}` } : r))] };
  }
  return { type: 'paragraph', text: whole };
}
