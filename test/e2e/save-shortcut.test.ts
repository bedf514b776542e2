import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VALID_PROFILE } from '../fixtures/profile';
import { openSession, type Session } from './harness';

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
