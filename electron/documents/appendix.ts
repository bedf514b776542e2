// Phụ lục (Mẫu 2.1): no header block; "Phụ lục [I]", UC B title, italic "(Kèm theo …)", a short
// line, the table, then "./.". Its own section (landscape by default) restarts page numbering at 1.
import { AlignmentType, Paragraph, type ISectionOptions } from 'docx';
import type { Appendix, DocumentModel } from '../../shared/document/model.js';
import { DOCUMENT_KINDS, formatNd30DatePhrase, toRoman } from '../../shared/nd30.js';
import { cleanText } from '../../shared/text.js';
import { pageNumberHeaders, sectionProperties, solidLine } from './blocks.js';
import { groupedTable } from './grouped-table.js';
import { LANDSCAPE_TEXT_WIDTH, SIZE, TEXT_WIDTH } from './layout.js';
import { centred, rawRun, run, upper } from './runs.js';

const SHORT_LINE = 1700;

/** "Kèm theo Kế hoạch số      /KH-UBND ngày      tháng    năm 2022 của Ủy ban nhân dân tỉnh Bắc Kạn" */
export function attachedToText(model: DocumentModel, kyHieu: string, numberText: string): string {
  const of = model.issuer.fullName ? ` của ${model.issuer.fullName}` : '';
  return `Kèm theo ${DOCUMENT_KINDS[model.kind].name} số ${numberText}/${kyHieu} ${formatNd30DatePhrase(model.date)}${of}`;
}

export function appendixSection(model: DocumentModel, appendix: Appendix, index: number, count: number, defaultAttached: string): ISectionOptions {
  const landscape = appendix.landscape ?? true;
  const width = landscape ? LANDSCAPE_TEXT_WIDTH : TEXT_WIDTH;
  const label = count > 1 ? `Phụ lục ${toRoman(index + 1)}` : 'Phụ lục';
  const attached = appendix.attachedTo ? cleanText(appendix.attachedTo).replace(/^\(|\)$/g, '') : defaultAttached;
  return {
    properties: sectionProperties(landscape ? 'landscape' : 'portrait', true),
    headers: pageNumberHeaders(),
    children: [
      centred([rawRun(label, { size: SIZE.appendixLabel, bold: true })]),
      centred([run(upper(appendix.title), { size: SIZE.appendixTitle, bold: true })], { spacing: { before: 60, after: 0, line: 240 } }),
      centred([rawRun(`(${attached})`, { size: SIZE.appendixAttached, italic: true })]),
      solidLine(SHORT_LINE, width),
      centred([], { spacing: { before: 0, after: 120, line: 240 } }),
      groupedTable(appendix.table, width),
      // The content of a phụ lục ends "./." like any other (Mẫu 2.1): on its own line under the table.
      new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 60, after: 0, line: 240 }, children: [rawRun('./.', { size: SIZE.body })] }),
    ],
  };
}
