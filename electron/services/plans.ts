import type { Kysely, Selectable } from 'kysely';
import type { DocumentModelInput } from '../../shared/document/model';
import { compareYears, decliningComponents, formatScore } from '../../shared/indices';
import { buildTaskTable } from '../../shared/plan-appendix';
import { planForNextYear } from '../../shared/plan-next-year';
import type { AgencyRef, Deadline, Plan, PlanFields, PlanSummary, Task, TaskFields } from '../../shared/plans';
import { modelIssuer } from '../../shared/profile';
import { composeDistribution } from '../../shared/recipients';
import { foldVietnamese } from '../../shared/text';
import { isoDateParts } from '../../shared/dates';
import type { Database, PlanTable, PlanTaskTable } from '../db/schema';
import { transactional } from '../db/transaction';
import { currentActor } from './actor';
import { ServiceError } from './errors';
import { assertPlanIssuable } from './plan-readiness';
import { bumpRevision, claimRevision, recordGone } from './revisions';
import { getIndexResults, listIndices } from './indices';
import { issuerProfileFor } from './issuer-profile';
import { issuerIdFor } from './issuers';
import { assertDeletable } from './lifecycle/guards';
import { loadNameBook } from './name-book';
import { defaultPlanBody, resultSentence } from './plan-template';
import { resolveLines } from './recipient-lists';

/** Until a profile exists: a placeholder the export's checks make visible. */
const NO_SIGNER = { authority: [], title: 'CHỨC VỤ NGƯỜI KÝ', name: 'Họ tên người ký' };

const READ_ONLY = 'Kế hoạch đã ban hành nên chỉ xem được. Bấm "Thu hồi để đính chính" nếu thật sự cần sửa.';

function toSummary(row: Selectable<PlanTable>, taskCount: number): PlanSummary {
  return {
    id: row.id,
    title: row.title,
    indexId: row.index_id,
    indexYear: row.index_year,
    draftYear: row.draft_year,
    grouping: row.grouping,
    appendixTitle: row.appendix_title,
    status: row.status,
    number: row.number,
    issuedDate: row.issued_date,
    code: row.code,
    draftMonth: row.draft_month,
    updatedAt: row.updated_at,
    revision: row.revision,
    issuerId: row.issuer_id,
    taskCount,
  };
}

function leadColumns(ref: AgencyRef | null) {
  return {
    lead_agency_id: ref?.type === 'agency' ? ref.agencyId : null,
    lead_group_id: ref?.type === 'group' ? ref.groupId : null,
    lead_text: ref?.type === 'text' ? ref.text : '',
  };
}

function refFromColumns(c: { agency_id: number | null; group_id: number | null; text: string }): AgencyRef | null {
  if (c.agency_id !== null) return { type: 'agency', agencyId: c.agency_id };
  if (c.group_id !== null) return { type: 'group', groupId: c.group_id };
  return c.text ? { type: 'text', text: c.text } : null;
}

async function loadTasks(db: Kysely<Database>, planId: number): Promise<Task[]> {
  const rows = await db.selectFrom('plan_tasks').selectAll().where('plan_id', '=', planId).orderBy('position').execute();
  const coordinators = rows.length
    ? await db.selectFrom('plan_task_coordinators').selectAll().where('task_id', 'in', rows.map((r) => r.id)).orderBy('task_id').orderBy('position').execute()
    : [];
  return rows.map((r: Selectable<PlanTaskTable>) => ({
    id: r.id,
    componentId: r.component_id,
    componentLabel: r.component_label,
    content: r.content,
    lead: refFromColumns({ agency_id: r.lead_agency_id, group_id: r.lead_group_id, text: r.lead_text }),
    coordinators: coordinators.filter((c) => c.task_id === r.id).map((c) => refFromColumns(c)!),
    deadline: JSON.parse(r.deadline_json) as Deadline,
    expectedOutput: r.expected_output,
  }));
}

export async function listPlans(db: Kysely<Database>): Promise<PlanSummary[]> {
  const [plans, counts] = await Promise.all([
    db.selectFrom('plans').selectAll().orderBy('updated_at', 'desc').execute(),
    db.selectFrom('plan_tasks').select(['plan_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('plan_id').execute(),
  ]);
  return plans.map((p) => toSummary(p, counts.find((c) => c.plan_id === p.id)?.n ?? 0));
}

export async function getPlan(db: Kysely<Database>, id: number): Promise<Plan> {
  const row = await db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new ServiceError('NOT_FOUND', `Không tìm thấy kế hoạch số ${id}.`);
  const { taskCount: _n, ...summary } = toSummary(row, 0);
  return {
    ...summary,
    body: JSON.parse(row.body_json) as unknown[],
    distribution: JSON.parse(row.distribution_json) as Plan['distribution'],
    signer: JSON.parse(row.signer_json) as Plan['signer'],
    tasks: await loadTasks(db, id),
  };
}

async function assertEditable(db: Kysely<Database>, id: number): Promise<void> {
  const row = await db.selectFrom('plans').select('status').where('id', '=', id).executeTakeFirst();
  if (!row) throw recordGone(`Kế hoạch số ${id}`);
  if (row.status === 'issued') throw new ServiceError('CONFLICT', READ_ONLY);
}

/** Checks and bumps the plan's revision (see claimRevision); `lenient` (status changes) only bumps it when the caller has none. */
async function claimPlan(trx: Kysely<Database>, id: number, basedOn: number | null | undefined, lenient = false): Promise<void> {
  if (lenient && basedOn == null) return bumpRevision(trx, 'plans', id);
  const row = await trx.selectFrom('plans').select('title').where('id', '=', id).executeTakeFirst();
  await claimRevision(trx, 'plans', id, basedOn, `Kế hoạch "${row?.title ?? id}"`);
}

async function logEvent(db: Kysely<Database>, planId: number, action: string, detail = ''): Promise<void> {
  await db.insertInto('plan_events').values({ plan_id: planId, at: new Date().toISOString(), action, detail: [detail, `người thực hiện: ${currentActor()}`].filter(Boolean).join(' — ') }).execute();
}

/**
 * Creates or updates a plan — text, recipients, signer and task list — in one transaction. An update
 * must carry the revision it was based on and is refused if the plan was saved elsewhere since.
 */
export async function savePlan(db: Kysely<Database>, input: PlanFields): Promise<Plan> {
  const id = await transactional(db, async (trx) => {
    const now = new Date().toISOString();
    const values = {
      title: input.title,
      index_id: input.indexId,
      index_year: input.indexYear,
      draft_year: input.draftYear,
      draft_month: input.draftMonth ?? null,
      body_json: JSON.stringify(input.body),
      grouping: input.grouping,
      appendix_title: input.appendixTitle,
      distribution_json: JSON.stringify(input.distribution),
      signer_json: JSON.stringify(input.signer),
      search_key: foldVietnamese(input.title),
      updated_at: now,
      ...(input.issuerId !== undefined || input.id === undefined ? { issuer_id: await issuerIdFor(trx, input.issuerId) } : {}),
    };
    if (input.id === undefined) {
      const row = await trx.insertInto('plans').values({ ...values, created_at: now }).returning('id').executeTakeFirstOrThrow();
      await writeTasks(trx, row.id, input.tasks);
      await logEvent(trx, row.id, 'tạo');
      return row.id;
    }
    await assertEditable(trx, input.id);
    await claimPlan(trx, input.id, input.revision);
    await trx.updateTable('plans').set(values).where('id', '=', input.id).execute();
    await writeTasks(trx, input.id, input.tasks);
    return input.id;
  });
  return getPlan(db, id);
}

/** Replaces the plan's task list (its order is the order given), keeping the ids of tasks that stay. */
async function writeTasks(trx: Kysely<Database>, planId: number, tasks: readonly TaskFields[]): Promise<void> {
  const existing = new Set((await trx.selectFrom('plan_tasks').select('id').where('plan_id', '=', planId).execute()).map((r) => r.id));
  const kept = new Set<number>();
  for (const [position, task] of tasks.entries()) {
    const values = {
      plan_id: planId,
      position,
      component_id: task.componentId,
      component_label: task.componentLabel,
      content: task.content,
      ...leadColumns(task.lead),
      deadline_json: JSON.stringify(task.deadline),
      expected_output: task.expectedOutput,
    };
    let id = task.id;
    if (id !== undefined && existing.has(id)) {
      await trx.updateTable('plan_tasks').set(values).where('id', '=', id).execute();
      await trx.deleteFrom('plan_task_coordinators').where('task_id', '=', id).execute();
    } else {
      id = (await trx.insertInto('plan_tasks').values(values).returning('id').executeTakeFirstOrThrow()).id;
    }
    kept.add(id);
    if (task.coordinators.length) {
      await trx
        .insertInto('plan_task_coordinators')
        .values(
          task.coordinators.map((c, i) => ({
            task_id: id,
            position: i,
            agency_id: c.type === 'agency' ? c.agencyId : null,
            group_id: c.type === 'group' ? c.groupId : null,
            text: c.type === 'text' ? c.text : '',
          })),
        )
        .execute();
    }
  }
  const removed = [...existing].filter((id) => !kept.has(id));
  if (removed.length) await trx.deleteFrom('plan_tasks').where('id', 'in', removed).execute();
}

/** "Nhân bản cho năm sau": a draft copy with the years of its titles, tasks and deadlines moved on (see planForNextYear). */
/**
 * The plan copied for next year, as `planForNextYear` previews it. `previewed` is the revision the
 * user saw in the preview: a plan changed since (in another window) is refused, so the copy is never
 * other than what was confirmed.
 */
export async function duplicatePlan(db: Kysely<Database>, id: number, previewed?: number | null): Promise<Plan> {
  return transactional(db, async (trx) => {
    const source = await getPlan(trx, id);
    if (typeof previewed === 'number' && source.revision !== previewed)
      throw new ServiceError('CONFLICT', `Kế hoạch "${source.title}" vừa được thay đổi ở cửa sổ khác sau khi xem trước. Chưa tạo bản nhân; hãy mở lại "Nhân bản cho năm sau" để xem trước bản mới.`);
    const copy = await savePlan(trx, planForNextYear(source).fields);
    await logEvent(trx, copy.id, 'nhân bản', `Từ kế hoạch số ${id}`);
    return getPlan(trx, copy.id);
  });
}

export async function deletePlan(db: Kysely<Database>, id: number, revision?: number | null): Promise<void> {
  await transactional(db, async (trx) => {
    const row = await trx.selectFrom('plans').select('title').where('id', '=', id).executeTakeFirst();
    if (!row) throw recordGone(`Kế hoạch số ${id}`);
    await assertDeletable(trx, { recordType: 'plan', id }, `Kế hoạch "${row.title}"`);
    await claimPlan(trx, id, revision, true);
    await trx.deleteFrom('plans').where('id', '=', id).execute();
  });
}

/** A new draft with the usual sections, the default signer and no tasks yet. */
export async function createBlankPlan(db: Kysely<Database>, year: number, issuerId?: number | null): Promise<Plan> {
  const issuer = await issuerIdFor(db, issuerId);
  const profile = await issuerProfileFor(db, issuer);
  return savePlan(db, {
    title: 'Kế hoạch mới',
    indexId: null,
    indexYear: null,
    draftYear: year,
    body: defaultPlanBody() as PlanFields['body'],
    grouping: 'lead',
    appendixTitle: 'Các nhiệm vụ, giải pháp cụ thể',
    distribution: { lines: [], options: { electronic: false, withKinhGui: false, drafter: '' } },
    signer: profile?.signer ?? NO_SIGNER,
    issuerId: issuer,
    tasks: [],
  });
}

/** "Tạo nhiệm vụ từ các chỉ số giảm điểm": a draft plan with one task per component that fell in `year`. */
export async function createPlanFromDeclines(db: Kysely<Database>, indexId: number, year: number, issuerId?: number | null): Promise<Plan> {
  const index = (await listIndices(db)).find((i) => i.id === indexId);
  if (!index) throw new ServiceError('NOT_FOUND', `Không tìm thấy chỉ số số ${indexId}.`);
  const results = await getIndexResults(db, indexId);
  const rows = compareYears(index.components, results.components, [year - 1, year]);
  const fell = decliningComponents(rows);
  // A sub-component that fell is more precise than its dimension; keep dimensions only where none of their parts is listed.
  const leaves = fell.filter((c) => c.parentId !== null || !fell.some((x) => x.parentId === c.id));
  if (leaves.length === 0) throw new ServiceError('VALIDATION', `Chưa thấy thành phần nào của Chỉ số ${index.code} giảm điểm hoặc tụt hạng năm ${year} so với năm ${year - 1}. Hãy nhập kết quả cả hai năm.`);
  const issuer = await issuerIdFor(db, issuerId);
  const profile = await issuerProfileFor(db, issuer);
  const current = results.overall.find((o) => o.year === year);
  const previous = results.overall.find((o) => o.year === year - 1);
  const opening = current ? [{ type: 'paragraph' as const, text: resultSentence(index, year, current, previous) }] : [];
  const scoreOf = (componentId: number, y: number) => results.components.find((r) => r.componentId === componentId && r.year === y)?.score ?? null;
  return transactional(db, async (trx) => {
    const plan = await savePlan(trx, {
      title: `Khắc phục những tồn tại, hạn chế Chỉ số ${index.code} năm ${year}, nâng cao chỉ số năm ${year + 1} và những năm tiếp theo`,
      indexId,
      indexYear: year,
      draftYear: year + 1,
      body: defaultPlanBody(opening) as PlanFields['body'],
      grouping: 'lead',
      appendixTitle: `Các nhiệm vụ, giải pháp cụ thể khắc phục những tồn tại, hạn chế Chỉ số ${index.code} năm ${year}, nâng cao chỉ số năm ${year + 1}`,
      distribution: { lines: [], options: { electronic: false, withKinhGui: false, drafter: '' } },
      signer: profile?.signer ?? NO_SIGNER,
      issuerId: issuer,
      tasks: leaves.map((c) => {
        const now = scoreOf(c.id, year);
        const before = scoreOf(c.id, year - 1);
        const figures = now !== null ? ` (năm ${year} đạt ${formatScore(now)}${c.maxScore ? `/${formatScore(c.maxScore)}` : ''} điểm${before !== null ? `, năm ${year - 1} đạt ${formatScore(before)}` : ''})` : '';
        return {
          componentId: c.id,
          componentLabel: '',
          content: `Xây dựng và triển khai giải pháp nâng cao nội dung "${c.name}"${figures}.`,
          lead: null,
          coordinators: [],
          deadline: { kind: 'thuong-xuyen' },
          expectedOutput: '',
        };
      }),
    });
    await logEvent(trx, plan.id, 'tạo từ chỉ số giảm điểm', `${index.code} ${year}`);
    return getPlan(trx, plan.id);
  });
}

/** The document model of a plan, ready for the engine; refuses plans that are not complete yet. */
export async function buildPlanModel(db: Kysely<Database>, id: number, issue: { number: number; date: string } | null = null): Promise<DocumentModelInput> {
  const plan = await getPlan(db, id);
  const { issuer_id } = await db.selectFrom('plans').select('issuer_id').where('id', '=', id).executeTakeFirstOrThrow();
  const profile = await issuerProfileFor(db, issuer_id);
  if (!profile) throw new ServiceError('VALIDATION', 'Chưa khai báo cơ quan ban hành (Cài đặt → Cơ quan ban hành).');
  if (issue) assertPlanIssuable(plan);
  const unassigned = plan.tasks.flatMap((t, i) => (t.lead ? [] : [i + 1]));
  if (unassigned.length) throw new ServiceError('VALIDATION', `Nhiệm vụ ${unassigned.join(', ')}: chưa chọn cơ quan chủ trì.`);
  const components = plan.indexId ? ((await listIndices(db)).find((i) => i.id === plan.indexId)?.components ?? []) : [];
  const { labels } = await resolveLines(db, 'noi-nhan', plan.distribution.lines);
  const signer = plan.signer;
  return {
    kind: 'ke-hoach',
    issuer: modelIssuer(profile),
    number: issue?.number ?? null,
    place: profile.place,
    date: issue ? isoDateParts(issue.date) : { year: plan.draftYear, ...(plan.draftMonth ? { month: plan.draftMonth } : {}) },
    subject: plan.title,
    body: plan.body as DocumentModelInput['body'],
    appendices: plan.tasks.length
      ? [{ title: plan.appendixTitle.toLocaleUpperCase('vi'), table: buildTaskTable(plan.tasks, components, await loadNameBook(db), plan.grouping) }]
      : [],
    distribution: composeDistribution(labels, plan.distribution.options, profile.draftingUnitAbbr),
    signature: { authority: [...signer.authority, signer.title], name: signer.name },
  };
}
