// The comparison point: the same Phụ lục rows filled into a minimal landscape .docx template by
// docxtemplater. The template is written here, at bench time, as raw WordprocessingML with pizzip:
// one title paragraph, a fixed-layout table (widths in DXA) with a repeated header row and one row
// looped with {#rows}…{/rows}. No ND30 header, no signature, no merged cells, no page numbers.
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import type { taskAppendix } from '../test/documents/fixtures.js';

export interface TemplateRow {
  tt: string;
  component: string;
  content: string;
  coordinators: string;
  deadline: string;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
/** A4 landscape, ND30 margins (left 30 mm, others 20 mm): 16838 − 1701 − 1134 = 14003 DXA of text. */
const TEXT_WIDTH = 14003;
const COLUMNS: [header: string, share: number, field: keyof TemplateRow][] = [
  ['TT', 6, 'tt'],
  ['Chỉ số thành phần', 17, 'component'],
  ['Nhiệm vụ, giải pháp', 47, 'content'],
  ['Cơ quan phối hợp', 18, 'coordinators'],
  ['Thời gian thực hiện', 12, 'deadline'],
];

function widths(): number[] {
  const total = COLUMNS.reduce((s, c) => s + c[1], 0);
  return COLUMNS.map((c) => Math.floor((TEXT_WIDTH * c[1]) / total));
}

function cell(width: number, text: string, bold = false): string {
  const rPr = bold ? '<w:rPr><w:b/></w:rPr>' : '';
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr><w:p><w:r>${rPr}<w:t xml:space="preserve">${text}</w:t></w:r></w:p></w:tc>`;
}

function documentXml(): string {
  const ws = widths();
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
  const header = `<w:tr><w:trPr><w:tblHeader/></w:trPr>${COLUMNS.map((c, i) => cell(ws[i]!, c[0], true)).join('')}</w:tr>`;
  const loop = `<w:tr>${COLUMNS.map((c, i) => cell(ws[i]!, `${i === 0 ? '{#rows}' : ''}{${c[2]}}${i === COLUMNS.length - 1 ? '{/rows}' : ''}`)).join('')}</w:tr>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}"><w:body>
<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>{title}</w:t></w:r></w:p>
<w:tbl><w:tblPr><w:tblW w:w="${TEXT_WIDTH}" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders></w:tblPr>
<w:tblGrid>${ws.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${header}${loop}</w:tbl>
<w:p/>
<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>
</w:body></w:document>`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="26"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>`;

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

const DOC_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;

/** The template .docx, built in memory. */
export function buildTemplate(): Buffer {
  const zip = new PizZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', ROOT_RELS);
  zip.file('word/document.xml', documentXml());
  zip.file('word/styles.xml', STYLES);
  zip.file('word/_rels/document.xml.rels', DOC_RELS);
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The rows of a synthetic Phụ lục flattened for the template: group headings become rows too. */
export function flattenAppendix(appendix: ReturnType<typeof taskAppendix>): TemplateRow[] {
  const out: TemplateRow[] = [];
  const blank = { component: '', coordinators: '', deadline: '' };
  for (const top of appendix.table.groups) {
    out.push({ tt: top.index, content: top.title, ...blank });
    for (const sub of top.groups) {
      out.push({ tt: sub.index, content: sub.title, ...blank });
      for (const r of sub.rows) out.push({ tt: r[0] ?? '', component: r[1] ?? '', content: r[2] ?? '', coordinators: r[3] ?? '', deadline: r[4] ?? '' });
    }
  }
  return out;
}

/** Loads the template, fills it and zips it, as a docxtemplater user would for every document. */
export function renderWithTemplater(template: Buffer, title: string, rows: TemplateRow[]): Buffer {
  const doc = new Docxtemplater(new PizZip(template), { paragraphLoop: true, linebreaks: true });
  doc.render({ title, rows });
  return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Table rows (w:tr) in a .docx body: checks both sides really produced the same table. */
export function countTableRows(docx: Buffer): number {
  const xml = new PizZip(docx).file('word/document.xml')?.asText() ?? '';
  return (xml.match(/<w:tr[ >]/g) ?? []).length;
}
