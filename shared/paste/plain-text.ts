// Plain text → paragraphs. Text copied from a PDF comes hard-wrapped (one line per printed line,
// page numbers and running headers in between, words hyphenated at line ends); text copied from
// Word comes one paragraph per line. Which one it is is decided from the text itself.
import { cleanText } from '../text.js';
import { readMarker } from './markers.js';

interface Line {
  text: string;
  /** The printed line ended in a soft hyphen (removed by cleaning): the word goes on. */
  softBreak: boolean;
  /** Blank lines before it. */
  gap: number;
}

const PAGE_BREAK = '\f';
// "2", "- 2 -", "– 2 –", "Trang 2", "Trang 2/10", "2/10".
const PAGE_NUMBER = /^(?:[-–—]\s?)?\d{1,3}(?:\s?[-–—])?$|^Trang\s\d{1,3}(?:\s?\/\s?\d{1,3})?$|^\d{1,3}\s?\/\s?\d{1,3}$/i;
const TERMINAL = /[.:;!?…]$/;
const LOWER_START = /^\p{Ll}/u;
const MAX_PARENTHESIS_LINES = 5;

/** Plain text → paragraph texts, each cleaned and on one line. */
export function plainTextParagraphs(input: string): string[] {
  const { lines, boundaries } = readLines(input);
  const kept = dropRunningHeaders(lines, boundaries);
  if (kept.length === 0) return [];
  const blanksAreSpacing = blankLinesAreSpacing(kept);
  const width = wrapWidth(kept);
  const words = lazyWords(kept);
  const paragraphs: string[] = [];
  // A paragraph is kept as its lines until it ends: a paragraph can grow to megabytes.
  let current = [kept[0]!.text];
  // Parentheses left open, and the line where they were opened: an unclosed "(" (a typo) must
  // not glue the rest of the text together, so it only holds for a few lines.
  let open = Math.max(0, parenBalance(current[0]!));
  let openedAt = 0;
  for (let i = 1; i < kept.length; i++) {
    const prev = kept[i - 1]!;
    const next = kept[i]!;
    const inParentheses = open > 0 && i - openedAt <= MAX_PARENTHESIS_LINES;
    if (continues(prev, next, width, blanksAreSpacing, inParentheses)) {
      joinLine(current, next.text, prev.softBreak, words);
    } else {
      paragraphs.push(current.join(''));
      current = [next.text];
      open = 0;
    }
    const before = open;
    open = Math.max(0, open + parenBalance(next.text));
    if (before === 0 && open > 0) openedAt = i;
  }
  paragraphs.push(current.join(''));
  return paragraphs;
}

/** Non-empty cleaned lines; page-number lines removed and remembered as page boundaries. */
function readLines(input: string): { lines: Line[]; boundaries: number[] } {
  const raw = input.replaceAll(PAGE_BREAK, `\n${PAGE_BREAK}\n`).split(/\r\n?|[\n\v\u0085\u2028\u2029]/);
  const nonEmpty = raw.filter((l) => l.trim() && l !== PAGE_BREAK).length;
  const lines: Line[] = [];
  const boundaries: number[] = [];
  let gap = 0;
  for (const r of raw) {
    if (r === PAGE_BREAK) {
      boundaries.push(lines.length);
      continue;
    }
    const text = cleanText(r);
    if (!text) {
      gap++;
      continue;
    }
    if (nonEmpty > 1 && PAGE_NUMBER.test(text)) {
      boundaries.push(lines.length);
      continue;
    }
    lines.push({ text, softBreak: /\u00AD\s*$/.test(r), gap });
    gap = 0;
  }
  return { lines, boundaries };
}

/**
 * A running header repeats on every page: the same line (page numbers aside) seen at least twice,
 * each time beside a page boundary, or at least three times far apart. A repeated sentence (it
 * ends with punctuation) or item (it starts with a marker) is text, not a header.
 */
function dropRunningHeaders(lines: Line[], boundaries: number[]): Line[] {
  const at = new Map<string, number[]>();
  lines.forEach((l, i) => {
    if (readMarker(l.text)) return;
    const key = l.text.replace(/\d+/g, '#');
    const list = at.get(key);
    if (list) list.push(i);
    else at.set(key, [i]);
  });
  // A boundary at b lies between lines b-1 and b: lines b-2 … b+1 are beside it.
  const near = new Uint8Array(lines.length);
  for (const b of boundaries) for (let i = Math.max(0, b - 2); i <= Math.min(lines.length - 1, b + 1); i++) near[i] = 1;
  const nearBoundary = (i: number) => near[i] === 1;
  const drop = new Set<number>();
  for (const [key, places] of at) {
    if (places.length < 2) continue;
    const besidePages = boundaries.length > 0 && places.every(nearBoundary);
    const spread = places.length >= 3 && !TERMINAL.test(key) && places.every((p, k) => k === 0 || p - places[k - 1]! >= 20);
    if (besidePages || spread) for (const p of places) drop.add(p);
  }
  return drop.size ? lines.filter((_, i) => !drop.has(i)) : lines;
}

/** PDF extraction often puts a blank line after every line: then blank lines say nothing. */
function blankLinesAreSpacing(lines: Line[]): boolean {
  if (lines.length < 4) return false;
  const gaps = lines.slice(1).filter((l) => l.gap > 0).length;
  return gaps >= 0.75 * (lines.length - 1);
}

/**
 * The wrap width when the text is hard-wrapped, else 0. Evidence of a hard wrap: most lines are
 * about as long as the longest ones (90th percentile), that length is a printed line's (40–140
 * characters), and many lines go on a sentence (start in lower case, as most Vietnamese words
 * do). Text from Word, one paragraph per line, has lines of any length, and a list of similar
 * lines (agency names, short items) starts each line with a capital.
 */
function wrapWidth(lines: Line[]): number {
  if (lines.length < 3) return 0;
  const lengths = lines.map((l) => l.text.length).sort((a, b) => a - b);
  const width = lengths[Math.floor(0.9 * (lengths.length - 1))]!;
  if (width < 40 || width > 140) return 0;
  const full = lengths.filter((n) => n >= 0.75 * width).length;
  const goingOn = lines.filter((l, i) => i > 0 && LOWER_START.test(l.text)).length;
  return full >= 0.5 * lines.length && goingOn >= 0.25 * (lines.length - 1) ? width : 0;
}

/** Opened minus closed parentheses. */
function parenBalance(s: string): number {
  let n = 0;
  for (const c of s) n += c === '(' ? 1 : c === ')' ? -1 : 0;
  return n;
}

function continues(prev: Line, next: Line, width: number, blanksAreSpacing: boolean, inParentheses: boolean): boolean {
  if (next.gap > 0 && !blanksAreSpacing) return false;
  if (prev.softBreak) return true;
  const marker = readMarker(next.text);
  // "kinh tế" / "- xã hội": a dash that starts a wrapped line in running text is not a bullet.
  const dashInSentence = width > 0 && marker?.kind === 'item' && next.text.startsWith('- ') && LOWER_START.test(next.text.slice(2)) && !TERMINAL.test(prev.text);
  if (marker && !dashInSentence) return false;
  // A word hyphenated at the line end goes on, whatever the line's length.
  if (width > 0 && BREAK_HYPHEN.test(prev.text.slice(-42))) return true;
  // A paragraph never starts in lower case: such a line goes on the sentence above ("…thủ tục hành chính:" / "cấp giấy chứng nhận…").
  if (LOWER_START.test(next.text) || dashInSentence) return width > 0 || !TERMINAL.test(prev.text);
  if (width === 0) return false;
  // "…của người dân (như:" / "Tuyên truyền tại …)": a parenthesis left open goes on.
  if (inParentheses) return true;
  if (TERMINAL.test(prev.text)) return false;
  // A line well short of the wrap width ended its paragraph (a title, the paragraph's last line).
  return prev.text.length >= 0.7 * width;
}

const BREAK_HYPHEN = /(\p{L}{1,40})[-\u2010]$/u;
const FIRST_WORD = /^\p{L}{1,40}/u;

type WordSet = () => ReadonlySet<string>;

/** The lower-cased words of the whole text, built only when a line ends in a hyphen. */
function lazyWords(lines: Line[]): WordSet {
  let words: Set<string> | undefined;
  return () => {
    words ??= new Set(
      lines.flatMap((l) => l.text.toLowerCase().split(' ')).filter((w) => w.length <= 60).map((w) => w.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, '')),
    );
    return words;
  };
}

/**
 * Appends a wrapped line to its paragraph's lines, undoing a hyphenation that only the line break
 * made: "hi-" / "ện" was one word split by the printer, but "COVID-" / "19", "VFF-" / "CRT" and
 * a compound the text writes with a hyphen elsewhere ("e-" / "mail" beside "e-mail") keep it.
 */
function joinLine(parts: string[], line: string, softBreak: boolean, words: WordSet): void {
  const last = parts.length - 1;
  const tail = parts[last]!;
  if (softBreak) {
    parts.push(line);
    return;
  }
  const left = BREAK_HYPHEN.exec(tail.slice(-42));
  const right = left && LOWER_START.test(line) ? FIRST_WORD.exec(line) : null;
  if (!left || !right) {
    parts.push(left ? line : ` ${line}`);
    return;
  }
  const known = words();
  const keep = known.has(`${left[1]}-${right[0]}`.toLowerCase()) && !known.has(`${left[1]}${right[0]}`.toLowerCase());
  if (!keep) parts[last] = tail.slice(0, -1);
  parts.push(line);
}
