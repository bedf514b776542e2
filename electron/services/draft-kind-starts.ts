// How a new Quyết định, Tờ trình or Giấy mời starts: fields pre-filled from the issuer, and a
// Quyết định ban hành Kế hoạch whose attached document is an existing plan.
import type { Kysely } from 'kysely';
import type { Block } from '../../shared/document/model';
import type { DraftContent, DraftKind } from '../../shared/drafts';
import type { IssuerProfile, Signer } from '../../shared/profile';
import type { Database } from '../db/schema';
import { getPlan } from './plans';

const NO_DISTRIBUTION = { lines: [], options: { electronic: false, withKinhGui: false, drafter: '' }, copies: null };

/** "GIÁM ĐỐC SỞ NỘI VỤ": the head's title (the signer's, without "KT."/"TM." lines) and the issuer's name. */
export function defaultDecidingAuthority(profile: IssuerProfile | null, signer: Signer): string {
  if (!profile) return '';
  const head = [...signer.authority, signer.title].map((l) => l.replace(/^(KT|TM|TL|TUQ|Q)\.\s*/u, '')).find((l) => /^(GIÁM ĐỐC|CHỦ TỊCH|TRƯỞNG|CHÁNH)/u.test(l.toLocaleUpperCase('vi')));
  const name = profile.issuerName.replace(/\s*\n\s*/g, ' ').toLocaleUpperCase('vi');
  return `${head?.toLocaleUpperCase('vi') ?? 'GIÁM ĐỐC'} ${name}`;
}

function lower(s: string): string {
  return s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
}

export async function newKindDraft(
  db: Kysely<Database>,
  kind: Extract<DraftKind, 'quyet-dinh' | 'to-trinh' | 'giay-moi'>,
  profile: IssuerProfile | null,
  signer: Signer,
  planId: number | null,
): Promise<{ title: string; content: DraftContent }> {
  const issuer = profile?.issuerFullName || profile?.issuerName.replace(/\s*\n\s*/g, ' ') || 'cơ quan';
  if (kind === 'to-trinh') return { title: 'Về việc …', content: { kind, recipients: ['Ủy ban nhân dân tỉnh'], body: [], distribution: NO_DISTRIBUTION, signer } };
  if (kind === 'giay-moi') {
    return {
      title: 'Dự …',
      content: { kind, recipients: [], invitation: `${issuer} trân trọng kính mời`, time: '', place: '', chair: '', participants: [], body: [], distribution: NO_DISTRIBUTION, signer },
    };
  }
  const base = {
    kind,
    decidingAuthority: defaultDecidingAuthority(profile, signer),
    bases: [`Căn cứ Quyết định quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của ${issuer}`, 'Theo đề nghị của …'],
    articles: [] as Block[][],
    executingArticle: null,
    attachment: null,
    distribution: NO_DISTRIBUTION,
    signer,
  } satisfies DraftContent;
  if (planId === null) return { title: '…', content: base };
  const plan = await getPlan(db, planId);
  const planName = `Kế hoạch ${lower(plan.title.replace(/^Kế hoạch\s+/iu, ''))}`;
  return {
    title: `Ban hành ${planName}`,
    content: {
      ...base,
      articles: [
        [{ type: 'paragraph', text: `Ban hành kèm theo Quyết định này ${planName}.` }],
        [{ type: 'paragraph', text: 'Quyết định này có hiệu lực kể từ ngày ký.' }],
        [{ type: 'paragraph', text: 'Chánh Văn phòng, Trưởng các phòng chuyên môn và các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này.' }],
      ],
      attachment: { name: 'Kế hoạch', subject: plan.title.replace(/^Kế hoạch\s+/iu, ''), body: plan.body as Block[], planId },
    },
  };
}
