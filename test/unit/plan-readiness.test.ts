import { describe, expect, it } from 'vitest';
import { planInput, type Plan } from '../../shared/plans';
import { useTestBackend } from '../fixtures/backend';
import { VALID_PROFILE } from '../fixtures/profile';

const { call } = useTestBackend('plan-readiness');

async function setup() {
  await call('saveIssuer', VALID_PROFILE);
  await call('loadSampleAgencies', {});
}

async function planWith(body: unknown[], taskCount: number): Promise<Plan> {
  const [agency] = await call<{ id: number }[]>('listAgencies', { query: 'so noi vu', tier: null, includeInactive: false });
  const plan = await call<Plan>('createBlankPlan', { year: 2025 });
  const tasks = Array.from({ length: taskCount }, (_, i) => ({
    componentId: null, componentLabel: '', content: `Nhiệm vụ ${i + 1}`, lead: { type: 'agency', agencyId: agency!.id }, coordinators: [], deadline: { kind: 'trong-nam', year: 2025 }, expectedOutput: '',
  }));
  const distribution = { lines: [{ type: 'text', text: 'Các sở, ban, ngành tỉnh', note: '' }], options: plan.distribution.options };
  return call<Plan>('savePlan', { ...planInput(plan), body, tasks, distribution });
}
const issue = (p: Plan) => call('issueRecord', { recordType: 'plan', id: p.id, revision: p.revision, number: 5, date: '2025-02-03', keepNumber: false });
const round = (planId: number) => call('saveRound', { planId, kind: 'nam', name: 'Năm 2025', periodFrom: '2024-12-15', periodTo: '2025-12-14', dueDate: '2025-12-12' });

describe('a plan not ready is refused with a message that names the cause', () => {
  it('refuses to issue a plan whose body is empty, or has headings only; issues it once it has content', async () => {
    await setup();
    const empty = await planWith([], 1);
    await expect(issue(empty)).rejects.toThrow(/chưa có nội dung.*trước khi ban hành/);
    const headings = await call<Plan>('savePlan', { ...planInput(empty), body: [{ type: 'heading', level: 1, number: 'I', text: 'Mục đích, yêu cầu' }] });
    await expect(issue(headings)).rejects.toThrow(/chỉ có đề mục/);
    expect((await call<Plan>('getPlan', { id: empty.id })).status).toBe('draft');
    const written = await call<Plan>('savePlan', { ...planInput(headings), body: [{ type: 'paragraph', text: 'Nâng cao chất lượng phục vụ người dân (chi tiết tại Phụ lục kèm theo).' }] });
    await issue(written);
    expect((await call<Plan>('getPlan', { id: empty.id })).status).toBe('issued');
  });

  it('refuses to start a report round for a plan without tasks; starts it once a task is added', async () => {
    await setup();
    const bare = await planWith([{ type: 'paragraph', text: 'Nội dung.' }], 0);
    await expect(round(bare.id)).rejects.toThrow(`Kế hoạch "${bare.title}" chưa có nhiệm vụ nào`);
    expect(await call<unknown[]>('listRounds', { planId: bare.id })).toEqual([]);
    const withTask = await planWith([{ type: 'paragraph', text: 'Nội dung.' }], 1);
    await expect(round(withTask.id)).resolves.toMatchObject({ name: 'Năm 2025' });
  });
});
