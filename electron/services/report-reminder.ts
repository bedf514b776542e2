import type { Kysely } from 'kysely';
import { addDays, formatVnDate, todayIso } from '../../shared/dates';
import type { Draft } from '../../shared/drafts';
import { planReference, roundSubject } from '../../shared/report-wording';
import type { Database } from '../db/schema';
import { createDraft, saveDraft } from './drafts';
import { ServiceError } from './errors';
import { getIssuerProfile } from './issuer-profile';
import { getPlan } from './plans';
import { getRound } from './report-rounds';
import { getRoundTracking } from './report-tracking';

/** The deadline a reminder proposes when none is given: a week from today. */
export const REMINDER_DAYS = 7;

/**
 * A Công văn đôn đốc to exactly the agencies that have not reported: it cites the plan (số, ngày,
 * trích yếu) and the round's original deadline, and asks for the report by a new date after today.
 */
export async function createReminderForRound(db: Kysely<Database>, roundId: number, deadline?: string): Promise<Draft> {
  const today = todayIso();
  const newDeadline = deadline ?? addDays(today, REMINDER_DAYS);
  if (newDeadline <= today) throw new ServiceError('VALIDATION', `Hạn gửi mới (${formatVnDate(newDeadline)}) phải sau hôm nay (${formatVnDate(today)}).`);
  const round = await getRound(db, roundId);
  const plan = await getPlan(db, round.planId);
  const tracking = await getRoundTracking(db, roundId);
  const missing = tracking.agencies.filter((a) => a.submittedAt === null);
  if (missing.length === 0) throw new ServiceError('VALIDATION', 'Mọi cơ quan đã gửi báo cáo của kỳ này; không cần đôn đốc.');
  const profile = await getIssuerProfile(db);
  const issuer = profile ? profile.issuerFullName || profile.issuerName.replace(/\n/g, ' ') : '';
  const subject = `báo cáo ${roundSubject(plan.title, round.name)}`;
  const draft = await createDraft(db, 'cong-van', Number(today.slice(0, 4)), {
    template: 'don-doc-bao-cao',
    recipients: missing.map((a) => ({ type: 'agency' as const, agencyId: a.agencyId })),
    subject,
    deadline: newDeadline,
  });
  if (draft.content.kind !== 'cong-van') return draft;
  return saveDraft(db, {
    id: draft.id,
    revision: draft.revision,
    title: draft.title,
    issuerId: draft.issuerId,
    draftYear: draft.draftYear,
    content: {
      ...draft.content,
      body: [
        { type: 'paragraph', text: `Thực hiện ${planReference(plan, issuer)}, các cơ quan, đơn vị được giao nhiệm vụ gửi báo cáo kết quả thực hiện từ ngày ${formatVnDate(round.periodFrom)} đến ngày ${formatVnDate(round.periodTo)}, hạn gửi ngày ${formatVnDate(round.dueDate)}.` },
        { type: 'paragraph', text: `Đến ngày ${formatVnDate(today)}, các cơ quan, đơn vị có tên trên chưa gửi báo cáo.` },
        {
          type: 'paragraph',
          text: `Để kịp thời tổng hợp, báo cáo theo quy định, đề nghị các cơ quan, đơn vị khẩn trương gửi báo cáo (theo biểu mẫu đã gửi kèm) trước ngày ${formatVnDate(newDeadline)}.`,
        },
        { type: 'paragraph', text: 'Đề nghị các cơ quan, đơn vị quan tâm, thực hiện.' },
      ],
    },
  });
}
