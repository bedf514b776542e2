// Công văn (Mẫu 1.5): no tên loại; "V/v …" (12 pt, 6 pt before) under Số in the left header
// cell; Kính gửi opens the body.
import { Paragraph } from 'docx';
import type { DocumentModel } from '../../shared/document/model.js';
import { canCu, kinhGui } from './blocks.js';
import { SIZE } from './layout.js';
import { centred, run } from './runs.js';
import type { KindLayout } from './named-kind.js';

export const congVan: KindLayout = {
  headerExtras: (model: DocumentModel): Paragraph[] => [
    centred([run(`V/v ${model.subject}`, { size: SIZE.vv })], { spacing: { before: 120, after: 0, line: 240 } }),
  ],
  opening: (model) => [...(model.recipients?.length ? kinhGui(model.recipients) : []), ...canCu(model.bases ?? [])],
};
