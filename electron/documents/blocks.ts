// ND30 building blocks shared by every kind: page setup, page numbers, header table, solid
// lines, tên loại + trích yếu, Kính gửi, căn cứ, body, signature + Nơi nhận table.
import {
  AlignmentType, BorderStyle, Footer, Header, LineRuleType, PageNumber, PageOrientation, Paragraph, TableRow, TextRun,
  type ISectionPropertiesOptions,
} from 'docx';
import type { Block, DocumentModel } from '../../shared/document/model.js';
import { QUOC_HIEU, TIEU_NGU, withClosingMark, withListEnding } from '../../shared/nd30.js';
import { distributionLines, kinhGuiLines } from '../../shared/recipients.js';
import { BODY_INDENT, BODY_SPACING, CELL_PADDING, HEADER_COLUMNS, MARGIN, SIGNATURE_GAP_LINES, SIZE, TEXT_WIDTH } from './layout.js';
import { centred, inlineRuns, inlineText, rawRun, run, upper } from './runs.js';
import { cell, fixedTable, NO_BORDERS } from './tables.js';
import { groupedTable } from './grouped-table.js';
import { textWidthTw } from './text-width.js';

/**
 * Line height of stacked upper-case lines (issuer, quốc hiệu, tên loại, authority): 1.2 × single.
 * Vietnamese capitals stack accents above the cap height ("ĐỐC", "NỘI"); at single spacing they touch
 * the line above in LibreOffice and Word.
 */
export const STACKED_LINE = 288;
const stacked = { spacing: { before: 0, after: 0, line: STACKED_LINE } };

// ---------------------------------------------------------------- page setup

export function sectionProperties(orientation: 'portrait' | 'landscape', restartNumbering: boolean): ISectionPropertiesOptions {
  return {
    titlePage: true,
    page: {
      // docx swaps width and height itself for LANDSCAPE: give the portrait size in both cases.
      size: orientation === 'landscape' ? { orientation: PageOrientation.LANDSCAPE } : { orientation: PageOrientation.PORTRAIT },
      margin: { ...MARGIN, gutter: 0 },
      ...(restartNumbering ? { pageNumbers: { start: 1 } } : {}),
    },
  };
}

/** Ô 13: address and contacts at the foot of page 1, 11 pt, under a full-width solid line. */
export function contactFooter(contact: NonNullable<DocumentModel['contact']>): Footer {
  const parts = [
    contact.address && `Địa chỉ: ${contact.address}`,
    contact.phone && `Điện thoại: ${contact.phone}`,
    contact.fax && `Fax: ${contact.fax}`,
    contact.email && `E-mail: ${contact.email}`,
    contact.website && `Website: ${contact.website}`,
  ].filter(Boolean);
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 0, after: 0, line: 240 },
        border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
        children: [run(parts.join('; '), { size: SIZE.contact })],
      }),
    ],
  });
}

/** Page number centred at the top from page 2; the first page of a section has an empty header. */
export function pageNumberHeaders() {
  return {
    default: new Header({ children: [centred([new TextRun({ children: [PageNumber.CURRENT], size: SIZE.pageNumber * 2 })])] }),
    first: new Header({ children: [new Paragraph({})] }),
  };
}

// ---------------------------------------------------------------- solid lines

/**
 * A solid line of `length` twips centred in a container `width` wide: an empty paragraph with a
 * bottom border and equal side indents. An exact small line height keeps it close to the text above.
 */
export function solidLine(length: number, width: number): Paragraph {
  const indent = Math.max(0, Math.round((width - length) / 2));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: indent, right: indent },
    spacing: { before: 0, after: 0, line: 100, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
  });
}

/** Lines under a name or trích yếu are 1/3–1/2 of the (longest) text line; we take 0.4. */
export const SHORT_LINE_RATIO = 0.4;

// ---------------------------------------------------------------- header table

const LEFT_CONTENT = HEADER_COLUMNS.left - 2 * CELL_PADDING;
const RIGHT_CONTENT = HEADER_COLUMNS.right - 2 * CELL_PADDING;

function issuerParagraphs(model: DocumentModel): Paragraph[] {
  const { parent, name } = model.issuer;
  const lines = name.map(upper);
  const paragraphs: Paragraph[] = [];
  if (parent) paragraphs.push(centred([run(upper(parent), { size: SIZE.issuer })], stacked));
  for (const line of lines) paragraphs.push(centred([run(line, { size: SIZE.issuer, bold: true })], stacked));
  const longest = Math.min(LEFT_CONTENT, Math.max(...lines.map((l) => textWidthTw(l, SIZE.issuer, 'bold'))));
  paragraphs.push(solidLine(longest * SHORT_LINE_RATIO, LEFT_CONTENT));
  return paragraphs;
}

function nationalParagraphs(): Paragraph[] {
  return [
    centred([rawRun(QUOC_HIEU, { size: SIZE.quocHieu, bold: true })], stacked),
    centred([rawRun(TIEU_NGU, { size: SIZE.tieuNgu, bold: true })], stacked),
    solidLine(textWidthTw(TIEU_NGU, SIZE.tieuNgu, 'bold'), RIGHT_CONTENT),
  ];
}

/** KHẨN / THƯỢNG KHẨN / HỎA TỐC in a single frame, under Số (and V/v). */
export function urgencyMark(mark: string): Paragraph {
  const width = textWidthTw(mark, SIZE.urgency, 'bold') + 240;
  const indent = Math.max(0, Math.round((LEFT_CONTENT - width) / 2));
  const side = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 2 } as const;
  return centred([rawRun(mark, { size: SIZE.urgency, bold: true })], {
    indent: { left: indent, right: indent },
    border: { top: side, bottom: side, left: side, right: side },
  });
}

// The gap under the lines comes from the cell margin: paragraphs in the header keep 0/0 spacing.
const ROW2_MARGINS = { top: 180, bottom: 0, left: CELL_PADDING, right: CELL_PADDING };

/**
 * Two-column borderless header. Row 1: issuer | quốc hiệu + tiêu ngữ. Row 2: Số (+ V/v, urgency)
 * | date, so Số and the date share a line however many lines the issuer name takes.
 */
export function headerTable(model: DocumentModel, soLine: string | null, dateLine: string, leftExtras: Paragraph[]) {
  const top = new TableRow({ children: [cell(HEADER_COLUMNS.left, issuerParagraphs(model)), cell(HEADER_COLUMNS.right, nationalParagraphs())] });
  // A document issued with a Quyết định has no Số and no date of its own.
  if (soLine === null) return fixedTable([HEADER_COLUMNS.left, HEADER_COLUMNS.right], [top], { borders: NO_BORDERS, padding: CELL_PADDING });
  const rows = [
    top,
    new TableRow({
      children: [
        cell(HEADER_COLUMNS.left, [centred([rawRun(soLine, { size: SIZE.soKyHieu })]), ...leftExtras], { margins: ROW2_MARGINS }),
        cell(HEADER_COLUMNS.right, [centred([rawRun(dateLine, { size: SIZE.date, italic: true })])], { margins: ROW2_MARGINS }),
      ],
    }),
  ];
  return fixedTable([HEADER_COLUMNS.left, HEADER_COLUMNS.right], rows, { borders: NO_BORDERS, padding: CELL_PADDING });
}

// ---------------------------------------------------------------- title (Mẫu 1.4)

/** Tên loại (UC B) + trích yếu (B) + a line of 0.4 × its longest line. */
export function titleBlock(kindName: string, subject: string): Paragraph[] {
  const longest = Math.min(TEXT_WIDTH, textWidthTw(subject, SIZE.title, 'bold'));
  return [
    centred([run(upper(kindName), { size: SIZE.title, bold: true })], { spacing: { before: 360, after: 0, line: STACKED_LINE } }),
    centred([run(subject, { size: SIZE.title, bold: true })], { spacing: { before: 0, after: 0, line: STACKED_LINE } }),
    solidLine(longest * SHORT_LINE_RATIO, TEXT_WIDTH),
  ];
}

// ---------------------------------------------------------------- Kính gửi

const KINH_GUI_INDENT = 1985;

export function kinhGui(recipients: string[]): Paragraph[] {
  const style = { size: SIZE.body };
  const spacing = { before: 0, after: 0, line: BODY_SPACING.line };
  const [heading, ...items] = kinhGuiLines(recipients);
  if (items.length === 0)
    return [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { ...spacing, before: 360 }, children: [run(heading!, style)] })];
  const itemIndent = KINH_GUI_INDENT + textWidthTw('Kính gửi: ', SIZE.body);
  return [
    new Paragraph({ indent: { left: KINH_GUI_INDENT }, spacing: { ...spacing, before: 360 }, children: [run(heading!, style)] }),
    ...items.map((item) => new Paragraph({ alignment: AlignmentType.LEFT, indent: { left: itemIndent }, spacing, children: [run(item, style)] })),
  ];
}

// ---------------------------------------------------------------- body

export function bodyParagraph(children: TextRun[], first = false): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: BODY_INDENT },
    spacing: { before: first ? 240 : BODY_SPACING.before, after: BODY_SPACING.after, line: BODY_SPACING.line, lineRule: LineRuleType.AUTO },
    children,
  });
}

/** Căn cứ lines: italic, each ending ";" and the last ".". */
export function canCu(bases: string[]): Paragraph[] {
  return bases.map((b, i) => bodyParagraph([run(withListEnding(b, i === bases.length - 1), { size: SIZE.body, italic: true })], i === 0));
}

const HEADING_STYLE = {
  1: { bold: true, italic: false, suffix: '. ' },
  2: { bold: true, italic: false, suffix: '. ' },
  3: { bold: true, italic: true, suffix: '. ' },
  4: { bold: false, italic: true, suffix: ') ' },
} as const;

function blockParagraphs(block: Block, width: number, first: boolean): Array<Paragraph | ReturnType<typeof groupedTable>> {
  const size = SIZE.body;
  switch (block.type) {
    case 'heading': {
      const s = HEADING_STYLE[block.level];
      // A level-1 heading is printed in capitals, its styled runs too.
      const content = block.level !== 1 ? block.text : typeof block.text === 'string' ? upper(block.text) : block.text.map((r) => ({ ...r, text: r.text.toLocaleUpperCase('vi') }));
      const prefix = block.number ? `${block.level === 1 ? upper(block.number) : block.number}${s.suffix}` : undefined;
      return [bodyParagraph(inlineRuns(content, { size, bold: s.bold, italic: s.italic }, prefix), first)];
    }
    case 'paragraph':
      return [bodyParagraph(inlineRuns(block.text, { size }), first)];
    case 'item':
      return [bodyParagraph(inlineRuns(block.text, { size }, `${block.marker} `), first)];
    case 'table':
      return [groupedTable(block, width, false), new Paragraph({ spacing: { before: 0, after: 0 } })];
  }
}

/** Body blocks; the last paragraph is made to end with "./.". */
export function body(blocks: Block[]) {
  return closeContent(blocks).flatMap((b, i) => blockParagraphs(b, TEXT_WIDTH, i === 0));
}

function closeContent(blocks: Block[]): Block[] {
  const lastText = [...blocks].reverse().findIndex((b) => b.type !== 'table');
  if (lastText < 0) return blocks;
  const idx = blocks.length - 1 - lastText;
  const b = blocks[idx]!;
  if (b.type === 'table' || inlineText(b.text).trimEnd().endsWith('./.')) return blocks;
  const text = typeof b.text === 'string' ? withClosingMark(b.text) : closeRuns(b.text);
  return blocks.map((x, i) => (i === idx ? { ...b, text } : x)) as Block[];
}

function closeRuns(runs: Array<{ text: string; bold?: boolean | undefined; italic?: boolean | undefined; underline?: boolean | undefined }>) {
  const out = runs.map((r) => ({ ...r }));
  const last = out.findLastIndex((r) => r.text.trim());
  out[last] = { ...out[last]!, text: withClosingMark(out[last]!.text) };
  return out;
}

// ---------------------------------------------------------------- signature + Nơi nhận

function noiNhanParagraphs(d: DocumentModel['distribution']): Paragraph[] {
  const left = (children: TextRun[]) => new Paragraph({ alignment: AlignmentType.LEFT, spacing: { before: 0, after: 0, line: 240 }, children });
  const [title, ...rest] = distributionLines(d);
  return [
    left([rawRun(title!, { size: SIZE.noiNhanTitle, bold: true, italic: true })]),
    ...rest.map((t, i) => left([i === 0 && d.electronic ? rawRun(t, { size: SIZE.noiNhanItem, italic: true }) : run(t, { size: SIZE.noiNhanItem })])),
  ];
}

function signatureParagraphs(s: DocumentModel['signature']): Paragraph[] {
  const gap = Array.from({ length: SIGNATURE_GAP_LINES }, () => centred([]));
  return [
    ...s.authority.map((line) => centred([run(upper(line), { size: SIZE.signature, bold: true })], stacked)),
    ...gap,
    centred([run(s.name, { size: SIZE.signature, bold: true })]),
  ];
}

/** Borderless table: Nơi nhận (left, top) level with the first authority line (right, top). */
export function signatureTable(model: DocumentModel) {
  return [
    new Paragraph({ spacing: { before: 0, after: 0 } }),
    fixedTable(
      [HEADER_COLUMNS.left, HEADER_COLUMNS.right],
      [new TableRow({ cantSplit: true, children: [cell(HEADER_COLUMNS.left, noiNhanParagraphs(model.distribution)), cell(HEADER_COLUMNS.right, signatureParagraphs(model.signature))] })],
      { borders: NO_BORDERS, padding: CELL_PADDING },
    ),
  ];
}
