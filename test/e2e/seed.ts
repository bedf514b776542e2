import { planInput, type Plan } from '../../shared/plans';
import { VALID_PROFILE } from '../fixtures/profile';
import type { Session } from './harness';

/** A task led by a sample agency (by short name), coordinated by others, due in 2024. */
export interface SeedTask {
  content: string;
  lead: string;
  coordinators?: string[];
}

/**
 * Through the real backend of a browser-mode session: the issuer, the sample agencies, a 2024 plan
 * with the given tasks and its yearly report round "Năm 2024".
 */
export async function seedPlanWithRound(session: Session, tasks: SeedTask[], fields: { title?: string; appendixTitle?: string } = {}): Promise<void> {
  const call = async <T,>(name: string, input: unknown): Promise<T> => {
    const r = await session.web.backend.dispatch(name, input);
    if (!r.ok) throw new Error(r.error.message);
    return r.data as T;
  };
  await call('saveIssuer', VALID_PROFILE);
  await call('loadSampleAgencies', {});
  const agencies = await call<{ id: number; shortName: string }[]>('listAgencies', { query: '', tier: null, includeInactive: false });
  const ref = (name: string) => ({ type: 'agency', agencyId: agencies.find((a) => a.shortName === name)!.id });
  const plan = await call<Plan>('createBlankPlan', { year: 2024 });
  await call('savePlan', {
    ...planInput(plan),
    ...fields,
    tasks: tasks.map((t) => ({ componentId: null, componentLabel: '', content: t.content, lead: ref(t.lead), coordinators: (t.coordinators ?? []).map(ref), deadline: { kind: 'trong-nam', year: 2024 }, expectedOutput: '' })),
  });
  await call('saveRound', { planId: plan.id, kind: 'nam', name: 'Năm 2024', periodFrom: '2023-12-15', periodTo: '2024-12-14', dueDate: '2099-12-12' });
}
