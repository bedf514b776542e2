import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VALID_PROFILE } from '../fixtures/profile';
import { openSession, screenshot, type Session } from './harness';

let session: Session;
beforeAll(async () => {
  session = await openSession();
  const { dispatch } = session.web.backend;
  await dispatch('saveIssuer', VALID_PROFILE);
  await dispatch('saveRecipientList', {
    name: 'Gửi xã, có bản điện tử',
    kind: 'noi-nhan',
    lines: [{ type: 'text', text: 'TT Thành ủy', note: 'để b/c' }, { type: 'text', text: 'UBND các xã, phường', note: '' }],
    electronic: true,
    drafter: 'Vân',
  });
});
afterAll(async () => {
  await session?.close();
});

describe('a saved list brings its printing options into a document', () => {
  it('copies "Gửi bản điện tử", the drafter and the bracketed note into a công văn', async () => {
    const { page } = session;
    await page.goto(`${session.web.url}#/cong-van`);
    await page.getByRole('button', { name: 'Soạn công văn mới' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/cong-van\/\d+$/);
    await page.getByRole('tab', { name: 'Nơi nhận và người ký' }).click();
    // off by default: a new document has no "Gửi bản điện tử" line
    expect(await page.getByLabel('Có dòng "Gửi bản điện tử:"').isChecked()).toBe(false);
    await page.getByRole('combobox', { name: 'Chép từ danh sách đã lưu' }).click();
    await page.getByRole('option', { name: /Gửi xã, có bản điện tử/ }).click();
    await expect.poll(() => page.getByTestId('plan-noi-nhan').allInnerTexts()).toEqual([
      'Nơi nhận:',
      'Gửi bản điện tử:',
      '- TT Thành ủy (để b/c);',
      '- UBND các xã, phường;',
      '- Lưu: VT, NV (Vân).',
    ]);
    expect(await page.getByLabel('Có dòng "Gửi bản điện tử:"').isChecked()).toBe(true);
    await screenshot(page, 'recipient-options-copied');
  });
});
