import type { Block } from './document/model';
import type { DraftContent } from './drafts';

/** A body with something printable in it (an empty editor leaves no blocks or blank paragraphs). */
export function hasText(blocks: readonly Block[]): boolean {
  return blocks.some((b) => b.type === 'table' || (typeof b.text === 'string' ? b.text.trim() !== '' : b.text.some((r) => r.text.trim() !== '')));
}

/** The article "Như Điều n" of a Quyết định's Nơi nhận names: the chosen one or the last. */
export function executingArticleOf(content: { articles: unknown[]; executingArticle: number | null }): number {
  return content.executingArticle ?? Math.max(content.articles.length, 1);
}

/**
 * What keeps a draft of a new kind from being previewed or issued, in Vietnamese, each message
 * naming the field. A draft is saved whatever its state; these are checked when it is rendered.
 */
export function draftContentProblems(content: DraftContent): string[] {
  const out: string[] = [];
  if (content.kind === 'quyet-dinh') {
    if (!content.decidingAuthority.trim()) out.push('Thẩm quyền ban hành: chưa ghi dòng thẩm quyền (ví dụ "GIÁM ĐỐC SỞ NỘI VỤ").');
    if (content.articles.length === 0) out.push('Các điều: quyết định cần ít nhất Điều 1.');
    content.articles.forEach((a, i) => {
      if (!hasText(a)) out.push(`Điều ${i + 1}: chưa có nội dung.`);
    });
    if (content.executingArticle !== null && content.executingArticle > content.articles.length)
      out.push(`Điều thi hành (Nơi nhận "Như Điều ${content.executingArticle}"): quyết định chỉ có ${content.articles.length} điều.`);
    if (content.attachment) {
      if (!content.attachment.name.trim()) out.push('Văn bản ban hành kèm theo: chưa ghi tên loại (ví dụ "Kế hoạch").');
      if (!content.attachment.subject.trim()) out.push('Văn bản ban hành kèm theo: chưa ghi trích yếu.');
      if (!hasText(content.attachment.body)) out.push('Văn bản ban hành kèm theo: chưa có nội dung.');
    }
  }
  if (content.kind === 'to-trinh') {
    if (!content.recipients.some((r) => r.trim())) out.push('Kính gửi: tờ trình cần cơ quan nhận (ví dụ "Ủy ban nhân dân tỉnh").');
    if (!hasText(content.body)) out.push('Nội dung tờ trình: chưa có nội dung.');
  }
  if (content.kind === 'giay-moi') {
    if (!content.time.trim()) out.push('Thời gian: chưa ghi thời gian họp (ví dụ "08 giờ 00 phút, ngày 25 tháng 3 năm 2025").');
    if (!content.place.trim()) out.push('Địa điểm: chưa ghi nơi họp.');
    if (!hasText(content.body)) out.push('Nội dung giấy mời: chưa có nội dung (nội dung cuộc họp, đề nghị đại biểu…).');
  }
  return out;
}
