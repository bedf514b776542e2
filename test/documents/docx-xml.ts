// Reads a .docx into a small, style-resolved paragraph/table model for assertions.
import { DOMParser, type Element } from '@xmldom/xmldom';
import JSZip from 'jszip';

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function kids(el: Element | null | undefined, name?: string): Element[] {
  const out: Element[] = [];
  if (!el) return out;
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (!name || (n as Element).localName === name)) out.push(n as Element);
  return out;
}
export const kid = (el: Element | null | undefined, name: string): Element | undefined => kids(el, name)[0];
export function descendants(el: Element, name: string): Element[] {
  return Array.from(el.getElementsByTagNameNS(W, name)) as unknown as Element[];
}
export const attr = (el: Element | undefined, name: string): string | undefined => el?.getAttributeNS(W, name) ?? el?.getAttribute(`w:${name}`) ?? undefined;
const num = (el: Element | undefined, name: string): number | undefined => {
  const v = attr(el, name);
  return v === undefined || v === '' ? undefined : Number(v);
};
function toggle(el: Element | undefined): boolean | undefined {
  if (!el) return undefined;
  const v = attr(el, 'val');
  return !(v === 'false' || v === '0' || v === 'off');
}

export interface RunProps { b?: boolean; i?: boolean; u?: boolean; caps?: boolean; sz?: number; color?: string; highlight?: string; fonts: Record<string, string> }
export interface ParaProps { jc?: string; before?: number; after?: number; line?: number; lineRule?: string; left?: number; right?: number; firstLine?: number; hanging?: number; borderBottom?: boolean; borders: string[] }

function readRPr(el: Element | undefined, into: RunProps): void {
  if (!el) return;
  const b = toggle(kid(el, 'b')); if (b !== undefined) into.b = b;
  const i = toggle(kid(el, 'i')); if (i !== undefined) into.i = i;
  const uEl = kid(el, 'u'); if (uEl) into.u = !['none', '0', 'false'].includes(attr(uEl, 'val') ?? 'single');
  const caps = toggle(kid(el, 'caps')); if (caps !== undefined) into.caps = caps;
  const sz = num(kid(el, 'sz'), 'val'); if (sz !== undefined) into.sz = sz;
  const color = attr(kid(el, 'color'), 'val'); if (color !== undefined) into.color = color;
  const hl = attr(kid(el, 'highlight'), 'val'); if (hl !== undefined) into.highlight = hl;
  const f = kid(el, 'rFonts');
  if (f) for (const slot of ['ascii', 'hAnsi', 'cs', 'eastAsia']) {
    const theme = attr(f, `${slot}Theme`);
    const name = attr(f, slot);
    if (name) into.fonts[slot] = name;
    else if (theme) into.fonts[slot] = `theme:${theme}`;
  }
}
function readPPr(el: Element | undefined, into: ParaProps): void {
  if (!el) return;
  const jc = attr(kid(el, 'jc'), 'val'); if (jc) into.jc = jc;
  const sp = kid(el, 'spacing');
  if (sp) {
    const b = num(sp, 'before'); if (b !== undefined) into.before = b;
    const a = num(sp, 'after'); if (a !== undefined) into.after = a;
    const l = num(sp, 'line'); if (l !== undefined) into.line = l;
    const lr = attr(sp, 'lineRule'); if (lr) into.lineRule = lr;
  }
  const ind = kid(el, 'ind');
  if (ind) {
    const l = num(ind, 'left') ?? num(ind, 'start'); if (l !== undefined) into.left = l;
    const r = num(ind, 'right') ?? num(ind, 'end'); if (r !== undefined) into.right = r;
    const fl = num(ind, 'firstLine'); if (fl !== undefined) into.firstLine = fl;
    const h = num(ind, 'hanging'); if (h !== undefined) into.hanging = h;
  }
  const bdr = kid(el, 'pBdr');
  if (bdr) {
    into.borders = kids(bdr).filter((b) => !['none', 'nil'].includes(attr(b, 'val') ?? '')).map((b) => b.localName ?? '');
    into.borderBottom = into.borders.includes('bottom');
  }
}

interface Style { basedOn?: string; rPr?: Element; pPr?: Element }

export class StyleSheet {
  private styles = new Map<string, Style>();
  private defaultParagraph?: string;
  private docDefaultsR?: Element;
  private docDefaultsP?: Element;
  constructor(doc: Element | undefined) {
    if (!doc) return;
    const dd = kid(doc, 'docDefaults');
    this.docDefaultsR = kid(kid(dd, 'rPrDefault'), 'rPr');
    this.docDefaultsP = kid(kid(dd, 'pPrDefault'), 'pPr');
    for (const s of kids(doc, 'style')) {
      const id = attr(s, 'styleId')!;
      this.styles.set(id, { basedOn: attr(kid(s, 'basedOn'), 'val'), rPr: kid(s, 'rPr'), pPr: kid(s, 'pPr') });
      if (attr(s, 'type') === 'paragraph' && attr(s, 'default') && ['1', 'true'].includes(attr(s, 'default')!)) this.defaultParagraph = id;
    }
  }
  private chain(id: string | undefined): Style[] {
    const out: Style[] = [];
    for (let cur = id, guard = 0; cur && guard < 20; guard++) {
      const s = this.styles.get(cur);
      if (!s) break;
      out.unshift(s);
      cur = s.basedOn;
    }
    return out;
  }
  runProps(pStyle: string | undefined, rStyle: string | undefined, direct: Element | undefined): RunProps {
    const p: RunProps = { fonts: {} };
    readRPr(this.docDefaultsR, p);
    for (const s of this.chain(pStyle ?? this.defaultParagraph)) readRPr(s.rPr, p);
    for (const s of this.chain(rStyle)) readRPr(s.rPr, p);
    readRPr(direct, p);
    return p;
  }
  paraProps(pStyle: string | undefined, direct: Element | undefined): ParaProps {
    const p: ParaProps = { borders: [] };
    readPPr(this.docDefaultsP, p);
    for (const s of this.chain(pStyle ?? this.defaultParagraph)) readPPr(s.pPr, p);
    readPPr(direct, p);
    return p;
  }
}

export interface Run { text: string; props: RunProps; field?: string }
export interface Para { kind: 'p'; text: string; runs: Run[]; props: ParaProps; sectPr?: Element; el: Element }
export interface Cell { width?: number; margins: { left?: number; right?: number }; paragraphs: Para[]; tables: Table[]; vMerge?: string; gridSpan: number; borders: string[] }
export interface Table { kind: 'tbl'; grid: number[]; rows: Array<{ cells: Cell[]; header: boolean }>; borders: string[]; cellMargins: { left?: number; right?: number }; layout?: string; width?: number; el: Element }

export function readParagraph(p: Element, styles: StyleSheet): Para {
  const pPr = kid(p, 'pPr');
  const pStyle = attr(kid(pPr, 'pStyle'), 'val');
  const runs: Run[] = [];
  const visit = (el: Element) => {
    for (const c of kids(el)) {
      if (c.localName === 'r') {
        const rPr = kid(c, 'rPr');
        const props = styles.runProps(pStyle, attr(kid(rPr, 'rStyle'), 'val'), rPr);
        let text = '';
        let field: string | undefined;
        for (const t of kids(c)) {
          if (t.localName === 't') text += t.textContent ?? '';
          else if (t.localName === 'tab') text += '\t';
          else if (t.localName === 'br' || t.localName === 'cr') text += '\n';
          else if (t.localName === 'instrText') field = (t.textContent ?? '').trim();
        }
        runs.push({ text, props, ...(field ? { field } : {}) });
      } else if (c.localName === 'fldSimple') {
        runs.push({ text: '', props: styles.runProps(pStyle, undefined, undefined), field: attr(c, 'instr')?.trim() ?? '' });
        visit(c);
      } else if (['hyperlink', 'smartTag', 'ins', 'sdt', 'sdtContent'].includes(c.localName ?? '')) visit(c);
    }
  };
  visit(p);
  const para: Para = { kind: 'p', text: runs.map((r) => r.text).join(''), runs, props: styles.paraProps(pStyle, pPr), el: p };
  const sectPr = kid(pPr, 'sectPr');
  if (sectPr) para.sectPr = sectPr;
  return para;
}

function borderNames(el: Element | undefined): string[] {
  return kids(el).filter((b) => !['none', 'nil'].includes(attr(b, 'val') ?? '')).map((b) => b.localName ?? '');
}

export function readTable(tbl: Element, styles: StyleSheet): Table {
  const tblPr = kid(tbl, 'tblPr');
  const mar = kid(tblPr, 'tblCellMar');
  const table: Table = {
    kind: 'tbl',
    grid: kids(kid(tbl, 'tblGrid'), 'gridCol').map((g) => num(g, 'w') ?? 0),
    rows: [],
    borders: borderNames(kid(tblPr, 'tblBorders')),
    cellMargins: { left: num(kid(mar, 'left') ?? kid(mar, 'start'), 'w'), right: num(kid(mar, 'right') ?? kid(mar, 'end'), 'w') },
    layout: attr(kid(tblPr, 'tblLayout'), 'type'),
    width: num(kid(tblPr, 'tblW'), 'w'),
    el: tbl,
  };
  for (const tr of kids(tbl, 'tr')) {
    const trPr = kid(tr, 'trPr');
    const header = toggle(kid(trPr, 'tblHeader')) ?? false;
    const cells: Cell[] = kids(tr, 'tc').map((tc) => {
      const tcPr = kid(tc, 'tcPr');
      const cm = kid(tcPr, 'tcMar');
      const vm = kid(tcPr, 'vMerge');
      return {
        width: num(kid(tcPr, 'tcW'), 'w'),
        margins: { left: num(kid(cm, 'left') ?? kid(cm, 'start'), 'w'), right: num(kid(cm, 'right') ?? kid(cm, 'end'), 'w') },
        paragraphs: kids(tc, 'p').map((p) => readParagraph(p, styles)),
        tables: kids(tc, 'tbl').map((t) => readTable(t, styles)),
        ...(vm ? { vMerge: attr(vm, 'val') ?? 'continue' } : {}),
        gridSpan: num(kid(tcPr, 'gridSpan'), 'val') ?? 1,
        borders: borderNames(kid(tcPr, 'tcBorders')),
      };
    });
    table.rows.push({ cells, header });
  }
  return table;
}

export interface Section { sectPr: Element; blocks: Array<Para | Table> }

export interface DocxParts {
  zip: JSZip;
  styles: StyleSheet;
  document: Element;
  sections: Section[];
  /** Part XML by relationship id (headers, footers). */
  related: Map<string, Element>;
  /** Every XML part's root, by path. */
  parts: Map<string, Element>;
}

export async function readDocx(buffer: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(buffer);
  const parser = new DOMParser();
  const parts = new Map<string, Element>();
  for (const name of Object.keys(zip.files)) {
    if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
    const xml = await zip.file(name)!.async('string');
    parts.set(name, parser.parseFromString(xml, 'application/xml').documentElement as unknown as Element);
  }
  const document = parts.get('word/document.xml');
  if (!document) throw new Error('word/document.xml missing');
  const styles = new StyleSheet(parts.get('word/styles.xml'));
  const related = new Map<string, Element>();
  for (const rel of kids(parts.get('word/_rels/document.xml.rels'), 'Relationship')) {
    const target = rel.getAttribute('Target') ?? '';
    const part = parts.get(`word/${target.replace(/^\/?word\//, '')}`);
    if (part) related.set(rel.getAttribute('Id') ?? '', part);
  }
  const body = kid(document, 'body')!;
  const sections: Section[] = [];
  let blocks: Array<Para | Table> = [];
  for (const el of kids(body)) {
    if (el.localName === 'p') {
      const p = readParagraph(el, styles);
      blocks.push(p);
      if (p.sectPr) { sections.push({ sectPr: p.sectPr, blocks }); blocks = []; }
    } else if (el.localName === 'tbl') blocks.push(readTable(el, styles));
    else if (el.localName === 'sectPr') { sections.push({ sectPr: el, blocks }); blocks = []; }
  }
  return { zip, styles, document, sections, related, parts };
}

export const relId = (el: Element): string => el.getAttributeNS(R, 'id') ?? el.getAttribute('r:id') ?? '';
export { num as numAttr };
