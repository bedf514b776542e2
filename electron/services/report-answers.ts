import type { Kysely } from 'kysely';
import type { RoundAnswer, TaskStatus } from '../../shared/reports';
import { compareVietnamese } from '../../shared/text';
import type { Database } from '../db/schema';
import { getPlan } from './plans';
import { getRound } from './report-rounds';

/**
 * What the agencies wrote in the submissions that count: per task and agency, with the added
 * tasks ("nhiệm vụ bổ sung") they reported, ordered by task then agency.
 */
export async function getRoundAnswers(db: Kysely<Database>, roundId: number): Promise<RoundAnswer[]> {
  const round = await getRound(db, roundId);
  const plan = await getPlan(db, round.planId);
  const position = new Map(plan.tasks.map((t, i) => [t.id, i + 1]));
  const content = new Map(plan.tasks.map((t) => [t.id, t.content]));
  const current = db
    .selectFrom('report_submissions as s')
    .innerJoin('agencies as a', 'a.id', 's.agency_id')
    .where('s.round_id', '=', roundId)
    .where('s.current', '=', 1);
  const [entries, extras] = await Promise.all([
    current.innerJoin('report_entries as e', 'e.submission_id', 's.id').select(['s.agency_id', 'a.short_name', 'e.task_id', 'e.role', 'e.status', 'e.result', 'e.evidence', 'e.difficulties', 'e.proposals']).execute(),
    current
      .innerJoin('report_extra_tasks as x', 'x.submission_id', 's.id')
      .select(['s.agency_id', 'a.short_name', 'x.position', 'x.content', 'x.status', 'x.result', 'x.evidence', 'x.difficulties', 'x.proposals'])
      .orderBy('x.position')
      .execute(),
  ]);
  const rows: RoundAnswer[] = [
    ...entries.map((e) => ({
      agencyId: e.agency_id,
      agency: e.short_name,
      taskId: e.task_id,
      taskNo: position.get(e.task_id) ?? null,
      task: content.get(e.task_id) ?? '',
      role: e.role,
      status: e.status as TaskStatus,
      result: e.result,
      evidence: e.evidence,
      difficulties: e.difficulties,
      proposals: e.proposals,
    })),
    ...extras.map((x) => ({
      agencyId: x.agency_id,
      agency: x.short_name,
      taskId: null,
      taskNo: null,
      task: x.content,
      role: 'bo-sung' as const,
      status: x.status as TaskStatus,
      result: x.result,
      evidence: x.evidence,
      difficulties: x.difficulties,
      proposals: x.proposals,
    })),
  ];
  const byRole = { 'chu-tri': 0, 'phoi-hop': 1, 'bo-sung': 2 };
  return rows.sort((a, b) => (a.taskNo ?? Infinity) - (b.taskNo ?? Infinity) || byRole[a.role] - byRole[b.role] || compareVietnamese(a.agency, b.agency));
}
