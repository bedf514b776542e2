import type { Kysely, Selectable } from 'kysely';
import type { ReportTexts, Round, RoundInput } from '../../shared/reports';
import type { AgencyRef, Task } from '../../shared/plans';
import type { Database, ReportRoundTable } from '../db/schema';
import { transactional } from '../db/transaction';
import { ServiceError } from './errors';
import { claimRevision } from './revisions';
import { assertPlanHasTasks } from './plan-readiness';
import { getPlan } from './plans';

function toRound(r: Selectable<ReportRoundTable>): Round {
  return {
    id: r.id,
    planId: r.plan_id,
    kind: r.kind as Round['kind'],
    name: r.name,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    dueDate: r.due_date,
    texts: JSON.parse(r.texts_json) as ReportTexts,
    revision: r.revision,
  };
}

export async function listRounds(db: Kysely<Database>, planId: number): Promise<Round[]> {
  return (await db.selectFrom('report_rounds').selectAll().where('plan_id', '=', planId).orderBy('period_to').execute()).map(toRound);
}

export async function getRound(db: Kysely<Database>, id: number): Promise<Round> {
  const row = await db.selectFrom('report_rounds').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new ServiceError('NOT_FOUND', `Không tìm thấy kỳ báo cáo số ${id}.`);
  return toRound(row);
}

export async function saveRound(db: Kysely<Database>, input: Required<Pick<RoundInput, 'planId'>> & Omit<RoundInput, 'planId'>): Promise<Round> {
  const plan = await getPlan(db, input.planId);
  if (input.id === undefined) assertPlanHasTasks(plan);
  const now = new Date().toISOString();
  const values = { plan_id: input.planId, kind: input.kind, name: input.name, period_from: input.periodFrom, period_to: input.periodTo, due_date: input.dueDate, updated_at: now };
  const id = await transactional(db, async (trx) => {
    if (input.id === undefined) return (await trx.insertInto('report_rounds').values({ ...values, created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
    await claimRound(trx, input.id, input.revision);
    await trx.updateTable('report_rounds').set(values).where('id', '=', input.id).execute();
    return input.id;
  });
  return getRound(db, id);
}

/** The round's dates and its report texts are one record: either save checks and moves the same revision. */
async function claimRound(trx: Kysely<Database>, id: number, basedOn: number | null | undefined): Promise<void> {
  const stored = await trx.selectFrom('report_rounds').select('name').where('id', '=', id).executeTakeFirst();
  if (!stored) throw new ServiceError('NOT_FOUND', `Không tìm thấy kỳ báo cáo số ${id}.`);
  await claimRevision(trx, 'report_rounds', id, basedOn, `Kỳ báo cáo "${stored.name}"`);
}

export async function saveReportTexts(db: Kysely<Database>, id: number, texts: ReportTexts, revision?: number | null): Promise<Round> {
  await transactional(db, async (trx) => {
    await claimRound(trx, id, revision);
    await trx.updateTable('report_rounds').set({ texts_json: JSON.stringify(texts), updated_at: new Date().toISOString() }).where('id', '=', id).execute();
  });
  return getRound(db, id);
}

export interface Assignment {
  task: Task;
  role: 'chu-tri' | 'phoi-hop';
}

/**
 * Who reports on which task in a round: the lead and the coordinating agencies of each task, a group
 * standing for each of its members. Free-text names ("UBND cấp huyện" typed by hand) reach nobody
 * and are listed so the specialist can fix them.
 */
export async function roundAssignments(db: Kysely<Database>, roundId: number): Promise<{ round: Round; byAgency: Map<number, Assignment[]>; unreachable: string[] }> {
  const round = await getRound(db, roundId);
  const plan = await getPlan(db, round.planId);
  const members = await db.selectFrom('agency_group_members').select(['group_id', 'agency_id']).execute();
  const byAgency = new Map<number, Assignment[]>();
  const unreachable = new Set<string>();
  const add = (ref: AgencyRef, task: Task, role: Assignment['role']) => {
    const ids = ref.type === 'agency' ? [ref.agencyId] : ref.type === 'group' ? members.filter((m) => m.group_id === ref.groupId).map((m) => m.agency_id) : [];
    if (ref.type === 'text') unreachable.add(ref.text);
    for (const agencyId of ids) {
      const list = byAgency.get(agencyId) ?? [];
      if (!list.some((a) => a.task.id === task.id)) list.push({ task, role });
      byAgency.set(agencyId, list);
    }
  };
  for (const task of plan.tasks) {
    if (task.lead) add(task.lead, task, 'chu-tri');
    for (const c of task.coordinators) add(c, task, 'phoi-hop');
  }
  return { round, byAgency, unreachable: [...unreachable] };
}
