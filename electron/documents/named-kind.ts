// Mẫu 1.4 (kế hoạch, chỉ thị, báo cáo, thông báo…): tên loại + trích yếu under the header,
// then Kính gửi (reports sent upward) and căn cứ lines.
import type { Paragraph } from 'docx';
import type { DocumentModel } from '../../shared/document/model.js';
import { DOCUMENT_KINDS } from '../../shared/nd30.js';
import { canCu, kinhGui, titleBlock } from './blocks.js';

export interface KindLayout {
  /** Paragraphs under "Số" in the left header cell. */
  headerExtras(model: DocumentModel): Paragraph[];
  /** Paragraphs between the header table and the body. */
  opening(model: DocumentModel): Paragraph[];
  /** The body as this kind prints it (e.g. bold "Điều 1." labels). */
  prepareBody?(model: DocumentModel): DocumentModel['body'];
}

export const namedKind: KindLayout = {
  headerExtras: () => [],
  opening: (model) => [
    ...titleBlock(DOCUMENT_KINDS[model.kind].name, model.subject),
    ...(model.recipients?.length ? kinhGui(model.recipients) : []),
    ...canCu(model.bases ?? []),
  ],
};
