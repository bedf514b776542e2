// The kind-specific part of a document model for Quyết định, Tờ trình and Giấy mời drafts: the
// body and fields the engine prints, and the first Nơi nhận items. Pure, so it is tested directly.
import type { Block, DocumentModelInput, Run } from '../../shared/document/model';
import { hasText } from '../../shared/draft-checks';
import { leadingItemsOf } from '../../shared/draft-distribution';
import type { GiayMoiContent, QuyetDinhContent, ToTrinhContent } from '../../shared/drafts';
import type { NameBook } from '../../shared/plan-appendix';

export type KindParts = Pick<DocumentModelInput, 'body' | 'bases' | 'decidingAuthority' | 'attachment' | 'meeting' | 'recipients'> & {
  /** Items printed before the list's own, e.g. "Như Điều 3" or "Như trên". */
  leadingItems: string[];
};

/** "Điều n." opens an article: prefixed to its first paragraph, or on its own line before a heading, list or table. */
export function articleBlocks(articles: readonly Block[][]): Block[] {
  return articles.flatMap((blocks, i) => {
    const label = `Điều ${i + 1}.`;
    const [first, ...rest] = blocks;
    if (first?.type === 'paragraph') {
      // the label joins the first run, so the engine's bold label keeps its following space
      if (typeof first.text === 'string') return [{ type: 'paragraph', text: `${label} ${first.text}` } as Block, ...rest];
      const [head, ...tail] = first.text as Run[];
      return [{ type: 'paragraph', text: [{ ...head, text: `${label} ${head?.text ?? ''}` }, ...tail] } as Block, ...rest];
    }
    return [{ type: 'paragraph', text: label } as Block, ...blocks];
  });
}

const filled = (lines: readonly string[]) => lines.map((l) => l.trim()).filter(Boolean);

export function quyetDinhParts(content: QuyetDinhContent): KindParts {
  const a = content.attachment;
  return {
    decidingAuthority: content.decidingAuthority,
    bases: filled(content.bases),
    body: articleBlocks(content.articles),
    ...(a && (a.name || a.subject || hasText(a.body)) ? { attachment: { name: a.name, subject: a.subject, body: a.body } } : {}),
    leadingItems: leadingItemsOf(content) ?? [],
  };
}

export function toTrinhParts(content: ToTrinhContent): KindParts {
  const recipients = filled(content.recipients);
  return { recipients, body: content.body, leadingItems: leadingItemsOf(content) ?? [] };
}

export function giayMoiParts(content: GiayMoiContent, names: NameBook): KindParts {
  const recipients = content.recipients.map((r) => names.full(r));
  const participants = filled(content.participants);
  return {
    ...(recipients.length ? { recipients } : {}),
    meeting: {
      ...(content.invitation.trim() ? { invitation: content.invitation.replace(/\s*\n\s*/g, ' ').trim() } : {}),
      time: content.time,
      place: content.place,
      ...(content.chair.trim() ? { chair: content.chair } : {}),
      ...(participants.length ? { participants } : {}),
    },
    body: content.body,
    leadingItems: leadingItemsOf(content) ?? [],
  };
}
