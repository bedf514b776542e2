// Document engine: document model → ND30 .docx buffer. Plain Node + docx; never the database.
import { Document, Packer, type ISectionOptions } from 'docx';
import { parseDocumentModel, type DocumentModel, type ModelError } from '../../shared/document/model.js';
import { composeKyHieu, formatNd30Date, formatSoLine, padNd30, type DocumentKind } from '../../shared/nd30.js';
import { appendixSection, attachedToText } from './appendix.js';
import { body, contactFooter, headerTable, pageNumberHeaders, sectionProperties, signatureTable, urgencyMark } from './blocks.js';
import { baoCao } from './bao-cao.js';
import { chiThi } from './chi-thi.js';
import { congVan } from './cong-van.js';
import { keHoach } from './ke-hoach.js';
import type { KindLayout } from './named-kind.js';
import { thongBao } from './thong-bao.js';
import { quyetDinh } from './quyet-dinh.js';
import { toTrinh } from './to-trinh.js';
import { giayMoi } from './giay-moi.js';
import { attachedSection, issuedWithText } from './attached.js';
import { ND30_STYLES } from './styles.js';

const LAYOUTS: Record<DocumentKind, KindLayout> = {
  'ke-hoach': keHoach,
  'chi-thi': chiThi,
  'bao-cao': baoCao,
  'thong-bao': thongBao,
  'cong-van': congVan,
  'quyet-dinh': quyetDinh,
  'to-trinh': toTrinh,
  'giay-moi': giayMoi,
};

export class DocumentModelError extends Error {
  constructor(readonly errors: ModelError[]) {
    super(errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('\n'));
    this.name = 'DocumentModelError';
  }
}

/** The ký hiệu after the slash: explicit code, or composed from kind + issuer (+ unit for a công văn). */
export function kyHieuOf(model: DocumentModel): string {
  if (model.code) return model.code;
  const issuer = model.issuer.abbreviation;
  return model.kind === 'cong-van' ? composeKyHieu({ kind: 'cong-van', issuer, unit: model.unit ?? '' }) : composeKyHieu({ kind: model.kind, issuer });
}

export function buildDocument(model: DocumentModel): Document {
  const layout = LAYOUTS[model.kind];
  const kyHieu = kyHieuOf(model);
  const leftExtras = [...layout.headerExtras(model), ...(model.urgency ? [urgencyMark(model.urgency)] : [])];
  const main: ISectionOptions = {
    properties: sectionProperties('portrait', false),
    headers: pageNumberHeaders(),
    ...(model.contact ? { footers: { first: contactFooter(model.contact) } } : {}),
    children: [
      headerTable(model, formatSoLine(model.number, kyHieu), formatNd30Date(model.place, model.date), leftExtras),
      ...layout.opening(model),
      ...body(layout.prepareBody ? layout.prepareBody(model) : model.body),
      ...signatureTable(model),
    ],
  };
  const appendices = model.appendices ?? [];
  const numberText = model.number ? padNd30(model.number) : '      ';
  const attached = attachedToText(model, kyHieu, numberText);
  const issued = model.attachment ? [attachedSection(model, model.attachment, issuedWithText(model, kyHieu, numberText))] : [];
  return new Document({
    creator: 'NoiVu Desk',
    styles: ND30_STYLES,
    sections: [main, ...issued, ...appendices.map((a, i) => appendixSection(model, a, i, appendices.length, attached))],
  });
}

/** Validates `input` (a model or parsed JSON) and renders it; throws DocumentModelError on a bad model. */
export async function renderDocument(input: unknown): Promise<Buffer> {
  const parsed = parseDocumentModel(input);
  if (!parsed.ok) throw new DocumentModelError(parsed.errors);
  return Packer.toBuffer(buildDocument(parsed.model));
}

export { parseDocumentModel };
export type { DocumentModel };
