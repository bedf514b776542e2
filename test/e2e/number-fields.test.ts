import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VALID_PROFILE } from '../fixtures/profile';
import { openSession, screenshot, type Session } from './harness';

let session: Session;
beforeAll(async () => {
  session = await openSession();
  await session.web.backend.dispatch('saveIssuer', VALID_PROFILE);
});
afterAll(async () => {
  await session?.close();
});

describe('a year emptied in an editor', () => {
  it('stays empty with the error beside it, blocks the save instead of writing 0, and saves once fixed', async () => {
    const { page } = session;
    await page.goto(`${session.web.url}#/cong-van`);
    await page.getByRole('button', { name: 'Soạn công văn mới' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/cong-van\/\d+$/);
    const id = Number(/(\d+)$/.exec(page.url())![1]);
    const year = async () => {
      const r = await session.web.backend.dispatch('getDraft', { id });
      return r.ok ? (r.data as { draftYear: number }).draftYear : -1;
    };
    const before = await year();
    const field = page.getByRole('spinbutton', { name: 'Năm ghi trên dự thảo' });
    await field.fill('');
    await expect.poll(() => page.getByText('Hãy nhập một số', { exact: true }).isVisible()).toBe(true);
    expect(await field.inputValue()).toBe('');
    await expect.poll(() => page.getByText(/Chưa lưu: Năm ghi trên dự thảo: Hãy nhập một số/).first().isVisible(), { timeout: 10_000 }).toBe(true);
    await screenshot(page, 'number-field-refused');
    expect(await year()).toBe(before);

    await field.fill('2027');
    await expect.poll(year, { timeout: 10_000 }).toBe(2027);
    await expect.poll(() => page.getByText(/Chưa lưu: Năm ghi trên dự thảo/).count()).toBe(0);
    await expect.poll(() => page.getByText(/Đã lưu lúc/).first().isVisible()).toBe(true);
  });
});
