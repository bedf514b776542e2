// Clipboard HTML (Word or a web page) → paragraphs of marked runs. Only what the document model
// can hold survives: paragraphs, headings, list items, bold / italic / underline. Fonts, colours,
// sizes, links (their text stays), images, <style>, scripts and Office conditional blocks go.
import { Parser, type Handler } from 'htmlparser2';
import type { BlockHint, HeadingLevel } from './markers.js';
import { bulletOf } from './markers.js';
import type { Marks, Run } from './runs.js';

export interface HtmlParagraph {
  runs: Run[];
  hint: BlockHint;
  /** The number Word's automatic list printed before the text ("1.", "a)"), when it is not a bullet. */
  label?: string;
}

const BLOCKS = new Set([
  'p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'table', 'thead', 'tbody',
  'tfoot', 'tr', 'td', 'th', 'caption', 'section', 'article', 'header', 'footer', 'aside', 'nav', 'main', 'address', 'center', 'figure',
  'figcaption', 'hr', 'body', 'html', 'form', 'fieldset', 'legend', 'details', 'summary',
]);
// Elements whose content is never text of the document.
const SKIPPED = new Set(['head', 'style', 'script', 'title', 'template', 'noscript', 'iframe', 'object', 'svg', 'math', 'xml', 'select', 'textarea', 'button']);
const VOID = new Set(['br', 'img', 'hr', 'input', 'meta', 'link', 'wbr', 'area', 'base', 'col', 'embed', 'source', 'track', 'param']);
const TAG_MARKS: Record<string, Marks> = {
  b: { bold: true }, strong: { bold: true }, i: { italic: true }, em: { italic: true }, u: { underline: true }, ins: { underline: true },
};
const HEADING_TAGS: Record<string, HeadingLevel> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 4, h6: 4 };

// Everything a text node needs is inherited into its frame, so no text walks the element stack.
interface Frame {
  name: string;
  marks: Marks;
  skip: boolean;
  /** Word's "mso-list:Ignore" span: the list number or bullet, not the paragraph's text. */
  label: boolean;
  pre: boolean;
  /** The innermost h1…h6. */
  heading?: HeadingLevel | undefined;
  /** Nesting of ul/ol, and whether an li is open inside. */
  listDepth: number;
  inItem: boolean;
  /** Word list paragraph level (mso-list: l0 level2 lfo1 → 2). */
  wordListLevel?: number | undefined;
}

/** The declarations of a style attribute, property names lower-cased. */
function styleOf(attribs: Record<string, string>): Map<string, string> {
  const map = new Map<string, string>();
  const style = attribs.style;
  if (!style) return map;
  for (const decl of style.split(';')) {
    const colon = decl.indexOf(':');
    if (colon > 0) map.set(decl.slice(0, colon).trim().toLowerCase(), decl.slice(colon + 1).trim().toLowerCase());
  }
  return map;
}

function marksOf(name: string, style: Map<string, string>): Marks {
  const marks: Marks = { ...TAG_MARKS[name] };
  const weight = style.get('font-weight');
  if (weight) marks.bold = /^(bold|bolder|[6-9]00)\b/.test(weight);
  const fontStyle = style.get('font-style');
  if (fontStyle) marks.italic = /^(italic|oblique)\b/.test(fontStyle);
  const decoration = style.get('text-decoration') ?? style.get('text-decoration-line');
  if (decoration) marks.underline = decoration.includes('underline');
  // Word writes its own "text-underline:single|double|…|none".
  const wordUnderline = style.get('text-underline');
  if (wordUnderline) marks.underline = wordUnderline !== 'none';
  return marks;
}

export function htmlParagraphs(html: string): HtmlParagraph[] {
  const out: HtmlParagraph[] = [];
  const stack: Frame[] = [{ name: '#root', marks: {}, skip: false, label: false, pre: false, listDepth: 0, inItem: false }];
  let runs: Run[] = [];
  let label = '';
  // Office conditional blocks met as declarations (<![if !supportLists]> … <![endif]>).
  const conditions: boolean[] = [];
  let listLabels = 0;

  const top = () => stack[stack.length - 1]!;

  const hint = (): { hint: BlockHint; label?: string } => {
    const f = top();
    const mark = label.trim();
    let numbered: { label?: string } = {};
    if (f.wordListLevel !== undefined && mark) {
      const bullet = bulletOf(mark, f.wordListLevel);
      if (bullet) return { hint: { item: bullet } };
      // Word's "a." numbering is the "a)" of administrative texts.
      numbered = { label: /^[a-zđ]\.$/.test(mark) ? `${mark[0]})` : mark };
    }
    if (f.heading) return { hint: { heading: f.heading }, ...numbered };
    if (f.listDepth > 0 && f.inItem) return { hint: { item: f.listDepth > 1 ? '+' : '-' } };
    return { hint: {}, ...numbered };
  };

  const flush = () => {
    if (runs.some((r) => r.text.trim())) {
      const h = hint();
      out.push({ runs, ...h });
    }
    runs = [];
    label = '';
  };

  const handler: Partial<Handler> = {
    onopentag(name, attribs) {
      const parent = top();
      const style = styleOf(attribs);
      if (BLOCKS.has(name) || name === 'br') flush();
      if (VOID.has(name)) return;
      const mso = style.get('mso-list');
      const level = mso ? /level(\d)/.exec(mso) : null;
      stack.push({
        name,
        marks: { ...parent.marks, ...marksOf(name, style) },
        skip: parent.skip || SKIPPED.has(name) || style.get('display') === 'none' || style.get('mso-hide') === 'all',
        label: parent.label || mso === 'ignore',
        pre: parent.pre || name === 'pre',
        heading: HEADING_TAGS[name] ?? parent.heading,
        listDepth: parent.listDepth + (name === 'ul' || name === 'ol' ? 1 : 0),
        inItem: name === 'li' || (parent.inItem && name !== 'ul' && name !== 'ol'),
        wordListLevel: level ? Number(level[1]) : parent.wordListLevel,
      });
    },
    ontext(text) {
      const f = top();
      if (f.skip) return;
      if (f.label || listLabels > 0) {
        label += text;
        return;
      }
      if (f.pre && /[\r\n]/.test(text)) {
        const parts = text.split(/\r\n?|\n/);
        parts.forEach((part, i) => {
          if (i > 0) flush();
          if (part) runs.push({ text: part, ...f.marks });
        });
        return;
      }
      runs.push({ text: text.replace(/[\r\n\t]+/g, ' '), ...f.marks });
    },
    onclosetag(name) {
      if (VOID.has(name)) return;
      // Close up to the matching element; a stray end tag changes nothing.
      let at = stack.length - 1;
      while (at > 0 && stack[at]!.name !== name) at--;
      if (at <= 0) return;
      if (BLOCKS.has(name)) flush();
      stack.length = at;
    },
    onprocessinginstruction(_name, data) {
      const d = data.toLowerCase();
      if (d.startsWith('![if')) {
        const lists = d.includes('supportlists');
        conditions.push(lists);
        if (lists) listLabels++;
      } else if (d.startsWith('![endif') && conditions.pop()) listLabels--;
    },
  };
  feed(html, handler, () => stack.length);
  flush();
  return out;
}

const PARSER_OPTIONS = { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true };
const PIECE = 4096;
const MAX_DEPTH = 256;

/**
 * Feeds the HTML to htmlparser2 in pieces. Its stack of open elements costs O(depth) for each
 * new tag, so a hostile paste of endlessly nested tags would take quadratic time: past
 * MAX_DEPTH open elements (real clipboards stay near 10) the parser is ended, which closes
 * them all, and a fresh one takes the rest from the next tag on.
 */
function feed(html: string, handler: Partial<Handler>, depth: () => number): void {
  let parser = new Parser(handler, PARSER_OPTIONS);
  let pos = 0;
  while (pos < html.length) {
    let end = Math.min(html.length, pos + PIECE);
    if (end < html.length) {
      const tag = html.lastIndexOf('<', end);
      if (tag > pos) end = tag;
    }
    parser.write(html.slice(pos, end));
    pos = end;
    if (depth() > MAX_DEPTH) {
      parser.end();
      parser = new Parser(handler, PARSER_OPTIONS);
    }
  }
  parser.end();
}
