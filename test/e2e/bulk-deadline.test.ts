import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planInput, type Plan } from '../../shared/plans';
import { VALID_PROFILE } from '../fixtures/profile';
import { openSession, screenshot, type Session } from './harness';
import { taskCell, taskGrid } from './task-grid-helpers';

let session: Session;
const call = async <T,>(name: string, input: unknown): Promise<T> => {
  const r = await session.web.backend.dispatch(name, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.data as T;
};
beforeAll(async () => {
  session = await openSession();
  await call('saveIssuer', VALID_PROFILE);
});
afterAll(async () => {
  await session?.close();
});

describe('one deadline for the selected tasks', () => {
  it('keeps an emptied year empty with its error and refuses to apply it, then applies a real one', async () => {
    const task = (content: string) => ({ componentId: null, componentLabel: '', content, lead: { type: 'text', text: 'Sở Tư pháp' }, coordinators: [], deadline: { kind: 'thuong-xuyen' }, expectedOutput: '' });
    const blank = await call<Plan>('createBlankPlan', { year: 2023 });
    const plan = await call<Plan>('savePlan', { ...planInput(blank), tasks: [task('Rà soát thủ tục hành chính'), task('Tập huấn công chức một cửa')] });
    const { page } = session;
    await page.goto(`${session.web.url}#/ke-hoach/${plan.id}`);
    for (const row of [0, 1]) await taskGrid(page).locator(`.MuiDataGrid-row[data-rowindex="${row}"] input[type="checkbox"]`).check();
    await page.getByRole('button', { name: /Đổi thời gian/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Thời gian thực hiện' }).click();
    await page.getByRole('option', { name: 'Trong năm' }).click();
    const year = dialog.getByRole('spinbutton', { name: 'Năm' });
    await year.fill('');
    await expect.poll(() => dialog.getByText('Hãy nhập một số', { exact: true }).isVisible()).toBe(true);
    expect(await year.inputValue()).toBe('');
    expect(await dialog.getByRole('button', { name: 'Áp dụng' }).isDisabled()).toBe(true);
    await page.waitForTimeout(500);
    expect(await dialog.getByRole('button', { name: 'Áp dụng' }).isDisabled()).toBe(true);
    await screenshot(page, 'bulk-deadline-refused');
    await year.fill('2024');
    await dialog.getByRole('button', { name: 'Áp dụng' }).click();
    await expect.poll(() => taskCell(page, 2, 'deadline').innerText()).toContain('2024');
    await expect.poll(async () => (await call<Plan>('getPlan', { id: plan.id })).tasks.map((t) => t.deadline), { timeout: 10_000 }).toEqual([
      { kind: 'trong-nam', year: 2024 },
      { kind: 'trong-nam', year: 2024 },
    ]);
  });
});
