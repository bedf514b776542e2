// A document issued with a Quyết định (ND30 Mẫu 1.3's "Quy chế … ban hành kèm theo"): its own
// section after the decision, page numbers from its own page 2. Header: issuer and quốc hiệu, no
// Số or date; tên loại + trích yếu; "(Ban hành kèm theo Quyết định số … ngày … của …)"; the body.
import type { ISectionOptions } from 'docx';
import type { AttachedDocument, DocumentModel } from '../../shared/document/model.js';
import { formatNd30DatePhrase } from '../../shared/nd30.js';
import { body, headerTable, pageNumberHeaders, sectionProperties, titleBlock } from './blocks.js';
import { SIZE } from './layout.js';
import { centred, rawRun } from './runs.js';

/** "Ban hành kèm theo Quyết định số 12/QĐ-SNV ngày 05 tháng 3 năm 2024 của Sở Nội vụ tỉnh Bắc Kạn" */
export function issuedWithText(model: DocumentModel, kyHieu: string, numberText: string): string {
  const of = model.issuer.fullName ? ` của ${model.issuer.fullName}` : '';
  return `Ban hành kèm theo Quyết định số ${numberText}/${kyHieu} ${formatNd30DatePhrase(model.date)}${of}`;
}

export function attachedSection(model: DocumentModel, doc: AttachedDocument, issuedWith: string): ISectionOptions {
  return {
    properties: sectionProperties('portrait', true),
    headers: pageNumberHeaders(),
    children: [
      headerTable(model, null, '', []),
      ...titleBlock(doc.name, doc.subject).flatMap((p, i, all) => (i === all.length - 1 ? [centred([rawRun(`(${issuedWith})`, { size: SIZE.appendixAttached, italic: true })]), p] : [p])),
      ...body(doc.body),
    ],
  };
}
