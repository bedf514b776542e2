// Quyết định cá biệt (Mẫu 1.2/1.3): tên loại + trích yếu, the deciding authority (UC, B, centred),
// italic căn cứ lines, "QUYẾT ĐỊNH:" (centred, B), then "Điều 1." … with a bold label.
import type { Paragraph } from 'docx';
import { ARTICLE_RE, type Block, type DocumentModel, type Run } from '../../shared/document/model.js';
import { DOCUMENT_KINDS } from '../../shared/nd30.js';
import { canCu, titleBlock } from './blocks.js';
import { BODY_SPACING, SIZE } from './layout.js';
import { centred, run, upper } from './runs.js';
import type { KindLayout } from './named-kind.js';

const spaced = { spacing: { before: 240, after: 0, line: BODY_SPACING.line } };

/** "Điều 2. Chánh Văn phòng…" → bold "Điều 2." + the rest, unless the label is already bold. */
export function withArticleLabel(block: Block): Block {
  if (block.type !== 'paragraph') return block;
  const runs: Run[] = typeof block.text === 'string' ? [{ text: block.text }] : block.text;
  const first = runs[0];
  const m = first ? ARTICLE_RE.exec(first.text) : null;
  if (!first || !m || first.bold) return block;
  const label = `Điều ${m[1]}.`;
  const rest = first.text.slice(label.length);
  return { ...block, text: [{ ...first, text: label, bold: true }, ...(rest ? [{ ...first, text: rest }] : []), ...runs.slice(1)] };
}

export const quyetDinh: KindLayout = {
  headerExtras: () => [],
  opening: (model: DocumentModel): Paragraph[] => [
    ...titleBlock(DOCUMENT_KINDS['quyet-dinh'].name, model.subject),
    centred([run(upper(model.decidingAuthority ?? ''), { size: SIZE.title, bold: true })], spaced),
    ...canCu(model.bases ?? []),
    centred([run('QUYẾT ĐỊNH:', { size: SIZE.title, bold: true })], { spacing: { before: 240, after: 120, line: BODY_SPACING.line } }),
  ],
  prepareBody: (model) => model.body.map(withArticleLabel),
};
