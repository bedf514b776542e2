// Issue #14, done means: the whole body of the real Kế hoạch PAPI 2022, pasted at once into the body
// editor with a real clipboard event, is saved as the example model's blocks and exported to ND30.
import { existsSync } from 'node:fs';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planInput, type Plan } from '../../shared/plans';
import type { BodyBlock } from '../../shared/paste';
import { loadExample, REFERENCE_DIR } from '../documents/fixtures';
import { checkNd30 } from '../documents/nd30-checker';
import { blockWords, exampleBody, lcsLength } from '../fixtures/paste/example-bodies';
import { VALID_PROFILE } from '../fixtures/profile';
import { openSession, screenshot, type Session } from './harness';

const NAME = 'ke-hoach-papi-2022-bac-kan';
const haveReference = existsSync(REFERENCE_DIR);
if (!haveReference) console.warn(`paste-whole-body: skipped, the reference texts (${REFERENCE_DIR}) are not beside the repository`);

let session: Session;
const call = async <T,>(name: string, input: unknown): Promise<T> => {
  const r = await session.web.backend.dispatch(name, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.data as T;
};
beforeAll(async () => {
  if (!haveReference) return;
  session = await openSession();
  await call('saveIssuer', VALID_PROFILE);
});
afterAll(async () => {
  await session?.close();
});

describe.skipIf(!haveReference)('pasting the whole body of the PAPI 2022 Kế hoạch', () => {
  it('gives the example model’s blocks (≥ 99 % of words in order, the same headings) and a .docx that passes ND30', { timeout: 120_000 }, async () => {
    const model = loadExample(NAME);
    const blank = await call<Plan>('createBlankPlan', { year: 2022 });
    const plan = await call<Plan>('savePlan', {
      ...planInput(blank),
      title: model.subject,
      distribution: { ...blank.distribution, lines: [{ type: 'text', text: 'Các sở, ban, ngành', note: '' }] },
    });
    const { page } = session;
    await page.goto(`${session.web.url}#/ke-hoach/${plan.id}`);
    await page.getByRole('tab', { name: 'Nội dung', exact: true }).click();
    const editor = page.getByRole('textbox', { name: 'Nội dung kế hoạch' });
    await expect.poll(() => editor.isVisible(), { timeout: 15_000 }).toBe(true);
    await editor.click();
    await page.keyboard.press('Control+a');
    // one action: the body as a PDF copy gives it
    await editor.evaluate((el, text) => {
      const transfer = new DataTransfer();
      transfer.setData('text/plain', text);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    }, exampleBody(NAME, model));
    await expect.poll(() => page.getByText(/Đã lưu lúc/).first().isVisible(), { timeout: 15_000 }).toBe(true);
    await screenshot(page, 'paste-whole-body');

    const saved = (await call<Plan>('getPlan', { id: plan.id })).body as BodyBlock[];
    const expected = model.body as BodyBlock[];
    const [got, want] = [blockWords(saved), blockWords(expected)];
    const ratio = lcsLength(got, want) / want.length;
    console.log(`paste-whole-body: ${saved.length} blocks (model ${expected.length}), ${(ratio * 100).toFixed(2)} % of the model's words in order`);
    expect(ratio).toBeGreaterThanOrEqual(0.99);
    const headings = (blocks: BodyBlock[]) => blocks.flatMap((b) => (b.type === 'heading' ? [`${b.level} ${b.number ?? ''}`] : []));
    expect(headings(saved)).toEqual(headings(expected));

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất .docx' }).click()]);
    const buffer = fs.readFileSync(await download.path());
    expect(await checkNd30(buffer)).toEqual([]);
  });
});
