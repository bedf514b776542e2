import type { Kysely, Selectable } from 'kysely';
import { formatVnDate, isoDateParts } from '../../shared/dates';
import type { Block, DocumentModelInput, Run } from '../../shared/document/model';
import { DRAFT_KINDS, type ChiThiContent, type CongVanContent, type CongVanTemplate, type Draft, type DraftFields, type DraftKind } from '../../shared/drafts';
import { draftContentProblems } from '../../shared/draft-checks';
import { LEADING_ITEM } from '../../shared/draft-distribution';
import { giayMoiParts, quyetDinhParts, toTrinhParts, type KindParts } from './draft-kind-models';
import { newKindDraft } from './draft-kind-starts';
import { formatNd30DatePhrase, padNd30 } from '../../shared/nd30';
import type { NameBook } from '../../shared/plan-appendix';
import { modelIssuer } from '../../shared/profile';
import { composeDistribution } from '../../shared/recipients';
import { foldVietnamese } from '../../shared/text';
import type { Database, DocumentTable } from '../db/schema';
import { transactional } from '../db/transaction';
import { currentActor } from './actor';
import { ServiceError } from './errors';
import { bumpRevision, claimRevision, recordGone } from './revisions';
import { issuerProfileFor } from './issuer-profile';
import { issuerIdFor } from './issuers';
import { assertDeletable } from './lifecycle/guards';
import { loadNameBook } from './name-book';
import { buildPlanModel, getPlan } from './plans';
import { resolveLines } from './recipient-lists';

const READ_ONLY = 'Văn bản đã ban hành nên chỉ xem được. Bấm "Thu hồi để đính chính" nếu thật sự cần sửa.';
const NO_SIGNER = { authority: [], title: 'CHỨC VỤ NGƯỜI KÝ', name: 'Họ tên người ký' };
const NO_DISTRIBUTION = { lines: [], options: { electronic: false, withKinhGui: false, drafter: '' } };

function toDraft(row: Selectable<DocumentTable>): Draft {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    draftYear: row.draft_year,
    draftMonth: row.draft_month,
    status: row.status,
    number: row.number,
    issuedDate: row.issued_date,
    code: row.code,
    updatedAt: row.updated_at,
    revision: row.revision,
    issuerId: row.issuer_id,
    content: JSON.parse(row.content_json) as Draft['content'],
  };
}

export async function getDraft(db: Kysely<Database>, id: number): Promise<Draft> {
  const row = await db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new ServiceError('NOT_FOUND', `Không tìm thấy văn bản số ${id}.`);
  return toDraft(row);
}

async function logEvent(db: Kysely<Database>, documentId: number, action: string, detail = ''): Promise<void> {
  await db.insertInto('document_events').values({ document_id: documentId, at: new Date().toISOString(), action, detail: [detail, `người thực hiện: ${currentActor()}`].filter(Boolean).join(' — ') }).execute();
}

/** How a draft is named to the user: "Công văn "V/v …"". */
export function draftName(d: Pick<Draft, 'kind' | 'title'>): string {
  return `${DRAFT_KINDS[d.kind]} "${d.kind === 'cong-van' ? 'V/v ' : ''}${d.title}"`;
}

/** Status changes check the revision when the caller has one and always move it on. */
async function claimDraft(trx: Kysely<Database>, d: Pick<Draft, 'id' | 'kind' | 'title'>, basedOn: number | null | undefined): Promise<void> {
  if (basedOn == null) await bumpRevision(trx, 'documents', d.id);
  else await claimRevision(trx, 'documents', d.id, basedOn, draftName(d));
}

export async function saveDraft(db: Kysely<Database>, input: DraftFields): Promise<Draft> {
  const id = await transactional(db, async (trx) => {
    const now = new Date().toISOString();
    const values = {
      kind: input.content.kind,
      title: input.title,
      draft_year: input.draftYear,
      draft_month: input.draftMonth ?? null,
      content_json: JSON.stringify(input.content),
      search_key: foldVietnamese(input.title),
      updated_at: now,
      ...(input.issuerId !== undefined || input.id === undefined ? { issuer_id: await issuerIdFor(trx, input.issuerId) } : {}),
    };
    if (input.id === undefined) {
      const row = await trx.insertInto('documents').values({ ...values, created_at: now }).returning('id').executeTakeFirstOrThrow();
      await logEvent(trx, row.id, 'tạo');
      return row.id;
    }
    const current = await getDraft(trx, input.id).catch(() => {
      throw recordGone(`Văn bản số ${input.id}`);
    });
    if (current.status === 'issued') throw new ServiceError('CONFLICT', READ_ONLY);
    if (current.kind !== input.content.kind) throw new ServiceError('VALIDATION', 'Không đổi được loại văn bản của một dự thảo đã có.');
    await claimRevision(trx, 'documents', input.id, input.revision, draftName(current));
    await trx.updateTable('documents').set(values).where('id', '=', input.id).execute();
    return input.id;
  });
  return getDraft(db, id);
}

/** A new draft of a kind, with the default signer; a công văn may start from a template. */
export async function createDraft(db: Kysely<Database>, kind: DraftKind, year: number, template?: CongVanTemplate, issuerId?: number | null): Promise<Draft> {
  const issuerOf = await issuerIdFor(db, issuerId);
  const profile = await issuerProfileFor(db, issuerOf);
  const signer = profile?.signer ?? NO_SIGNER;
  if (template && (kind === 'quyet-dinh') !== (template.template === 'ban-hanh-ke-hoach')) throw new ServiceError('VALIDATION', `Mẫu: mẫu này không dùng cho ${DRAFT_KINDS[kind].toLocaleLowerCase('vi')}.`);
  if (kind === 'quyet-dinh' || kind === 'to-trinh' || kind === 'giay-moi') {
    const start = await newKindDraft(db, kind, profile, signer, template?.template === 'ban-hanh-ke-hoach' ? template.planId : null);
    return saveDraft(db, { title: start.title, issuerId: issuerOf, draftYear: year, content: start.content });
  }
  if (kind === 'chi-thi') {
    return saveDraft(db, {
      title: 'Về việc …',
      issuerId: issuerOf,
      draftYear: year,
      content: { kind, preamble: [], assignments: [], closing: '', distribution: NO_DISTRIBUTION, signer },
    });
  }
  const base = { kind, unit: profile?.draftingUnitAbbr ?? '', recipients: [], body: [] as Block[], distribution: NO_DISTRIBUTION, signer } satisfies CongVanContent;
  if (!template) return saveDraft(db, { title: '…', issuerId: issuerOf, draftYear: year, content: base });
  const issuer = profile?.issuerFullName || 'cơ quan';
  if (template.template === 'ban-hanh-ke-hoach') throw new ServiceError('VALIDATION', 'Mẫu: "ban hành kế hoạch" chỉ dùng cho quyết định.');
  if (template.template === 'trien-khai-ke-hoach') {
    const plan = await getPlan(db, template.planId);
    const leads = [...new Map(plan.tasks.flatMap((t) => (t.lead ? [[JSON.stringify(t.lead), t.lead] as const] : []))).values()];
    const reference = plan.number && plan.issuedDate
      ? `Kế hoạch số ${padNd30(plan.number)}/${plan.code} ngày ${formatNd30DatePhrase(isoDateParts(plan.issuedDate))} của ${issuer}`
      : `Kế hoạch ${plan.title.charAt(0).toLocaleLowerCase('vi')}${plan.title.slice(1)}`;
    return saveDraft(db, {
      title: `triển khai ${reference.split(' của ')[0]}`,
      issuerId: issuerOf,
      draftYear: year,
      content: {
        ...base,
        recipients: leads,
        body: [
          { type: 'paragraph', text: `Thực hiện ${reference}, đề nghị các cơ quan, đơn vị được giao nhiệm vụ tại Phụ lục kèm theo Kế hoạch tổ chức triển khai thực hiện, cụ thể:` },
          { type: 'item', marker: '-', text: 'Xây dựng kế hoạch của cơ quan, đơn vị để triển khai thực hiện các nhiệm vụ, giải pháp được giao.' },
          { type: 'item', marker: '-', text: 'Định kỳ báo cáo kết quả thực hiện theo yêu cầu của Kế hoạch.' },
          { type: 'paragraph', text: 'Đề nghị các cơ quan, đơn vị quan tâm, phối hợp thực hiện.' },
        ],
        distribution: { ...NO_DISTRIBUTION, options: { ...NO_DISTRIBUTION.options, withKinhGui: true } },
      },
    });
  }
  return saveDraft(db, {
    title: `đôn đốc ${template.subject}`,
    issuerId: issuerOf,
    draftYear: year,
    content: {
      ...base,
      recipients: template.recipients,
      body: [
        { type: 'paragraph', text: `Đến nay, các cơ quan, đơn vị có tên trên chưa gửi ${template.subject}.` },
        { type: 'paragraph', text: `Để kịp thời tổng hợp, báo cáo theo quy định, đề nghị các cơ quan, đơn vị khẩn trương gửi báo cáo trước ngày ${formatVnDate(template.deadline)}.` },
        { type: 'paragraph', text: 'Đề nghị các cơ quan, đơn vị quan tâm, thực hiện.' },
      ],
      distribution: { ...NO_DISTRIBUTION, options: { ...NO_DISTRIBUTION.options, withKinhGui: true } },
    },
  });
}

export async function duplicateDraft(db: Kysely<Database>, id: number): Promise<Draft> {
  const d = await getDraft(db, id);
  return saveDraft(db, { title: d.title, draftYear: new Date().getFullYear(), content: d.content, issuerId: d.issuerId });
}

export async function deleteDraft(db: Kysely<Database>, id: number, revision?: number | null): Promise<void> {
  await transactional(db, async (trx) => {
    const d = await getDraft(trx, id);
    await assertDeletable(trx, { recordType: 'document', id }, draftName(d));
    await claimDraft(trx, d, revision);
    await trx.deleteFrom('documents').where('id', '=', id).execute();
  });
}

function chiThiBody(content: ChiThiContent, names: NameBook): Block[] {
  const paragraphs = (text: string) => text.split('\n').filter((l) => l.trim()).map((l): Block => ({ type: 'paragraph', text: l }));
  const assignments = content.assignments.flatMap((a, i) => {
    const [first, ...rest] = a.text.split('\n').filter((l) => l.trim());
    const lead: Run[] = [{ text: `${i + 1}. ${names.ref(a.addressee)}:`, bold: true }, ...(first ? [{ text: ` ${first}` }] : [])];
    return [{ type: 'paragraph', text: lead } as Block, ...rest.map((l): Block => ({ type: 'paragraph', text: l })), ...a.items];
  });
  return [...content.preamble, ...assignments, ...paragraphs(content.closing)];
}

/** The document model of a Chỉ thị or Công văn, for the engine. */
export async function buildDraftModel(db: Kysely<Database>, id: number, issue: { number: number; date: string } | null = null): Promise<DocumentModelInput> {
  const draft = await getDraft(db, id);
  const { issuer_id } = await db.selectFrom('documents').select('issuer_id').where('id', '=', id).executeTakeFirstOrThrow();
  const profile = await issuerProfileFor(db, issuer_id);
  if (!profile) throw new ServiceError('VALIDATION', 'Chưa khai báo cơ quan ban hành (Cài đặt → Cơ quan ban hành).');
  const names = await loadNameBook(db);
  const { content } = draft;
  const { labels } = await resolveLines(db, 'noi-nhan', content.distribution.lines);
  const problems = draftContentProblems(content);
  if (problems.length) throw new ServiceError('VALIDATION', `${draftName(draft)} chưa đủ để xuất: ${problems.join(' ')}`);
  const parts: KindParts | null =
    content.kind === 'quyet-dinh' ? quyetDinhParts(content) : content.kind === 'to-trinh' ? toTrinhParts(content) : content.kind === 'giay-moi' ? giayMoiParts(content, names) : null;
  const withKinhGui = content.kind === 'cong-van' && content.recipients.length > 0;
  const composed = composeDistribution(labels, { ...content.distribution.options, withKinhGui }, profile.draftingUnitAbbr);
  // A kind's own first items ("Như Điều 2", "Như trên") replace any the saved list carried.
  const items = parts ? [...parts.leadingItems, ...composed.items.filter((i) => !LEADING_ITEM.test(i))] : composed.items;
  const copies = content.distribution.copies;
  const common = {
    issuer: modelIssuer(profile),
    number: issue?.number ?? null,
    place: profile.place,
    date: issue ? isoDateParts(issue.date) : { year: draft.draftYear, ...(draft.draftMonth ? { month: draft.draftMonth } : {}) },
    subject: draft.title,
    distribution: { ...composed, items, ...(copies ? { copies } : {}) },
    signature: { authority: [...content.signer.authority, content.signer.title], name: content.signer.name },
  };
  if (content.kind === 'chi-thi') return { kind: 'chi-thi', ...common, body: chiThiBody(content, names) };
  if (parts && content.kind !== 'cong-van') {
    const { leadingItems: _, ...fields } = parts;
    const appendices = content.kind === 'quyet-dinh' && parts.attachment && content.attachment?.planId ? await issuedPlanAppendices(db, content.attachment.planId) : [];
    return { kind: content.kind, ...common, ...fields, ...(appendices.length ? { appendices } : {}), ...(content.kind === 'giay-moi' ? contactOf(profile) : {}) };
  }
  if (content.kind !== 'cong-van') throw new ServiceError('VALIDATION', 'Loại văn bản không hợp lệ.');
  return {
    kind: 'cong-van',
    ...common,
    unit: content.unit || profile.draftingUnitAbbr,
    ...(withKinhGui ? { recipients: content.recipients.map((r) => names.full(r)) } : {}),
    body: content.body,
    ...contactOf(profile),
  };
}

/**
 * The phụ lục of a Kế hoạch that a Quyết định issues, as the plan prints them; their "(Kèm theo …)"
 * line then names the Quyết định. A plan deleted since is refused by name.
 */
async function issuedPlanAppendices(db: Kysely<Database>, planId: number): Promise<NonNullable<DocumentModelInput['appendices']>> {
  const exists = await db.selectFrom('plans').select('id').where('id', '=', planId).executeTakeFirst();
  if (!exists) throw new ServiceError('VALIDATION', `Văn bản ban hành kèm theo: không còn kế hoạch số ${planId} để in phụ lục; hãy tạo lại quyết định từ kế hoạch.`);
  return (await buildPlanModel(db, planId)).appendices ?? [];
}

/** Ô 13: the issuer's address and contacts, when any is filled. */
function contactOf(profile: { contact?: { address: string; phone: string; email: string; website: string } | undefined }): { contact?: DocumentModelInput['contact'] } {
  const c = profile.contact;
  if (!c) return {};
  const filled = Object.fromEntries(Object.entries(c).filter(([, v]) => v.trim()));
  return Object.keys(filled).length ? { contact: filled } : {};
}
