// The editor pages of a Công văn: Ctrl+S from any field, and a number field typed wrong.
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

describe('Ctrl+S', () => {
  it('saves at once from any field of the editor, not only from the body, and never opens the browser dialog', async () => {
    const { page } = session;
    await page.goto(`${session.web.url}#/cong-van`);
    await page.getByRole('button', { name: 'Soạn công văn mới' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/cong-van\/\d+$/);
    const id = Number(/(\d+)$/.exec(page.url())![1]);
    const title = page.getByRole('textbox', { name: 'Trích yếu (sau "V/v")', exact: true });
    await title.fill('đôn đốc báo cáo kết quả cải cách hành chính');
    const prevented = page.evaluate(() => new Promise<boolean>((resolve) => window.addEventListener('keydown', (e) => { if (e.key === 's') setTimeout(() => resolve(e.defaultPrevented)); })));
    const pressed = Date.now();
    await title.press('Control+s');
    expect(await prevented).toBe(true);
    const stored = async () => {
      const r = await session.web.backend.dispatch('getDraft', { id });
      return r.ok ? (r.data as { title: string }).title : '';
    };
    // autosave waits 2.5 s after the last key; Ctrl+S does not
    await expect.poll(stored, { timeout: 2_000, interval: 100 }).toBe('đôn đốc báo cáo kết quả cải cách hành chính');
    expect(Date.now() - pressed).toBeLessThan(2_400);
  });
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
