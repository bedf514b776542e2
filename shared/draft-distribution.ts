// The Nơi nhận items a kind puts first: "Như Điều n" for a Quyết định, "Như trên" under a Kính gửi,
// "Như thành phần mời" for a Giấy mời that lists its participants. One home for the service that
// builds the model and the editor's preview of the block.
import { executingArticleOf } from './draft-checks';
import type { DraftContent } from './drafts';
import { withListEnding } from './nd30';

/** Items printed before the list's own; null: the kind leaves them to the saved options (Chỉ thị, Công văn). */
export function leadingItemsOf(content: DraftContent): string[] | null {
  switch (content.kind) {
    case 'quyet-dinh':
      return [`Như Điều ${executingArticleOf(content)}`];
    case 'to-trinh':
      return content.recipients.some((r) => r.trim()) ? ['Như trên'] : [];
    case 'giay-moi':
      return content.recipients.length ? ['Như trên'] : content.participants.some((p) => p.trim()) ? ['Như thành phần mời'] : [];
    default:
      return null;
  }
}

/** A kind's own items replace any "Như …" line a saved list carried. */
export const LEADING_ITEM = /^Như (trên|Điều \d+|thành phần mời)\b/;

/**
 * The printed Nơi nhận lines of a preview ("Nơi nhận:", "- …;", "- Lưu: …") as the kind prints
 * them: its leading items first, and Ô 12 at the end of the Lưu line.
 */
export function printedForKind(printed: readonly string[], content: DraftContent): string[] {
  const leading = leadingItemsOf(content);
  let lines = [...printed];
  if (leading) {
    const items = lines.filter((l) => l.startsWith('- ') && !l.startsWith('- Lưu:') && !LEADING_ITEM.test(l.slice(2)));
    const head = lines.filter((l) => !l.startsWith('- '));
    const archive = lines.filter((l) => l.startsWith('- Lưu:'));
    lines = [...head, ...leading.map((i) => `- ${withListEnding(i, false)}`), ...items, ...archive];
  }
  const copies = content.distribution.copies;
  if (copies) lines = lines.map((l) => (l.startsWith('- Lưu:') ? `${withListEnding(`${l.replace(/[\s;.,]+$/u, '')}, ${copies.code}.(${copies.count})`, true)}` : l));
  return lines;
}
