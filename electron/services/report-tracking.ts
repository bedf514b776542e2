import type { Kysely } from 'kysely';
import { todayIso } from '../../shared/dates';
import { countOnTime, roundAsOf } from '../../shared/on-time';
import type { Task } from '../../shared/plans';
import { DONE_STATUSES, TASK_STATUS_IDS, type EntryInput, type TaskStatus, type Tracking } from '../../shared/reports';
import { compareVietnamese } from '../../shared/text';
import type { Database } from '../db/schema';
import { ServiceError } from './errors';
import { currentEntries, recordSubmission } from './report-forms';
import { assertReceivedNotFuture } from './report-import';
import { roundAssignments } from './report-rounds';

const zeroCounts = () => Object.fromEntries(TASK_STATUS_IDS.map((s) => [s, 0])) as Record<TaskStatus, number>;

/** Per round: who has reported (on time or late), who has not, and how the tasks stand. */
export async function getRoundTracking(db: Kysely<Database>, roundId: number): Promise<Tracking & { taskStatus: Map<number, { status: TaskStatus; result: string }> }> {
  const { round, byAgency, unreachable } = await roundAssignments(db, roundId);
  const asOf = roundAsOf(round.periodTo, todayIso());
  const ids = [...byAgency.keys()];
  const [agencies, submissions, entries] = await Promise.all([
    ids.length ? db.selectFrom('agencies').select(['id', 'short_name']).where('id', 'in', ids).execute() : [],
    db.selectFrom('report_submissions').selectAll().where('round_id', '=', roundId).execute(),
    db
      .selectFrom('report_entries as e')
      .innerJoin('report_submissions as s', 's.id', 'e.submission_id')
      .select(['s.agency_id', 'e.task_id', 'e.role', 'e.status', 'e.result'])
      .where('s.round_id', '=', roundId)
      .where('s.current', '=', 1)
      .execute(),
  ]);
  const tasks = new Map<number, Task>([...byAgency.values()].flatMap((list) => list.map((a) => [a.task.id, a.task] as const)));
  const taskIds = new Set(tasks.keys());
  // A task's standing is what its lead agency reported.
  const taskStatus = new Map<number, { status: TaskStatus; result: string }>();
  for (const e of entries) if (e.role === 'chu-tri') taskStatus.set(e.task_id, { status: e.status as TaskStatus, result: e.result });
  const counts = zeroCounts();
  for (const { status } of taskStatus.values()) counts[status]++;
  const done = [...taskStatus.values()].filter((t) => DONE_STATUSES.includes(t.status)).length;
  const rows = agencies.map((a) => {
    const current = submissions.find((s) => s.agency_id === a.id && s.current === 1);
    const own = zeroCounts();
    const reported = new Map<number, TaskStatus>();
    for (const e of entries) if (e.agency_id === a.id) (own[e.status as TaskStatus]++, reported.set(e.task_id, e.status as TaskStatus));
    const assigned = byAgency.get(a.id) ?? [];
    return {
      agencyId: a.id,
      name: a.short_name,
      tasks: byAgency.get(a.id)?.length ?? 0,
      submittedAt: current?.received_at ?? null,
      onTime: current ? current.on_time === 1 : null,
      submissions: submissions.filter((s) => s.agency_id === a.id).length,
      counts: own,
      onTimeCounts: countOnTime(assigned.map(({ task }) => ({ deadline: task.deadline, status: reported.get(task.id) ?? null })), asOf),
    };
  });
  rows.sort((x, y) => compareVietnamese(x.name, y.name));
  return {
    agencies: rows,
    counts,
    onTimeCounts: countOnTime([...tasks.values()].map((t) => ({ deadline: t.deadline, status: taskStatus.get(t.id)?.status ?? null })), asOf),
    asOf,
    unreachable,
    totalTasks: taskIds.size,
    reportedTasks: taskStatus.size,
    completionRate: taskIds.size ? Math.round((done / taskIds.size) * 1000) / 10 : 0,
    taskStatus,
  };
}

/** A report typed in by the specialist (sent on paper or by phone). */
export async function saveManualSubmission(db: Kysely<Database>, input: { roundId: number; agencyId: number; receivedDate: string; entries: EntryInput[] }): Promise<void> {
  assertReceivedNotFuture(input.receivedDate);
  const { round, byAgency } = await roundAssignments(db, input.roundId);
  const assigned = byAgency.get(input.agencyId);
  if (!assigned) throw new ServiceError('VALIDATION', 'Cơ quan này không có nhiệm vụ trong kỳ báo cáo.');
  const entries = input.entries.map((e, i) => {
    const a = assigned.find((x) => x.task.id === e.taskId);
    if (!a) throw new ServiceError('VALIDATION', `Dòng ${i + 1}: nhiệm vụ không thuộc cơ quan này.`);
    return { ...e, role: a.role };
  });
  await recordSubmission(db, input.roundId, input.agencyId, entries, { receivedAt: `${input.receivedDate}T00:00:00.000Z`, onTime: input.receivedDate <= round.dueDate, source: 'Nhập tay' });
}

/** An agency's tasks in a round with what it last reported, for typing a report in by hand. */
export async function agencyRoundTasks(db: Kysely<Database>, roundId: number, agencyId: number) {
  const { byAgency } = await roundAssignments(db, roundId);
  const assigned = byAgency.get(agencyId) ?? [];
  const current = await currentEntries(db, roundId, agencyId);
  return assigned.map(({ task, role }) => {
    const e = current.get(task.id);
    return {
      taskId: task.id,
      content: task.content,
      role,
      status: (e?.status as TaskStatus | undefined) ?? null,
      result: e?.result ?? '',
      evidence: e?.evidence ?? '',
      difficulties: e?.difficulties ?? '',
      proposals: e?.proposals ?? '',
    };
  });
}
