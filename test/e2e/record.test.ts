import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Draft } from '../../shared/drafts';
import { VALID_PROFILE } from '../fixtures/profile';
import { SIGNABLE_CONG_VAN } from '../fixtures/documents';
import { typeDate } from './date-input';
import { openSession, screenshot, type Session } from './harness';

let session: Session;
const ids: Record<'nv' | 'ncpc', number> = { nv: 0, ncpc: 0 };

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await session.web.backend.dispatch(name, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.data as T;
}

/** A công văn ready to sign: a body and a Nơi nhận line. */
async function congVan(title: string, unit: string): Promise<number> {
  const d = await call<Draft>('createDraft', { kind: 'cong-van', year: 2026, template: null });
  const content = { ...d.content, unit, ...SIGNABLE_CONG_VAN };
  return (await call<Draft>('saveDraft', { id: d.id, revision: d.revision, title, draftYear: 2026, content })).id;
}

beforeAll(async () => {
  session = await openSession();
  await call('saveIssuer', VALID_PROFILE);
  ids.nv = await congVan('tăng cường kỷ luật hành chính', 'NV');
  ids.ncpc = await congVan('cải cách thủ tục hành chính', 'NCPC');
});
afterAll(async () => {
  await session?.close();
});

async function openDraft(page: Page, id: number) {
  await page.goto(`${session.web.url}#/cong-van/${id}`);
  await expect.poll(() => page.getByRole('button', { name: 'Lịch sử' }).isVisible()).toBe(true);
}

async function issueIn(page: Page, number: string, date: string) {
  await page.getByRole('button', { name: 'Ghi số ban hành' }).click();
  const dialog = page.getByRole('dialog');
  await expect.poll(() => dialog.getByText(/Sổ “Công văn”/).isVisible()).toBe(true);
  await typeDate(dialog, 'Ngày ban hành', date);
  await dialog.getByRole('spinbutton', { name: 'Số do Văn thư cấp' }).fill(number);
}

async function download(page: Page): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất .docx' }).click()]);
  return fs.readFileSync(await file.path());
}

describe('the record of issued documents (browser mode)', () => {
  it('issues a công văn with the proposed number and exports the same bytes after the issuer profile changes', async () => {
    const { page } = session;
    await openDraft(page, ids.nv);
    await issueIn(page, '1250', '05/03/2026');
    await expect.poll(() => page.getByTestId('so-line').innerText()).toBe('Số: 1250/UBND-NV');
    await screenshot(page, 'record-issue-dialog');
    await page.getByRole('dialog').getByRole('button', { name: 'Ghi' }).click();
    const banner = page.getByTestId('issued-banner');
    await expect.poll(() => banner.isVisible()).toBe(true);
    expect(await banner.innerText()).toMatch(/^Bản đã ban hành — Số 1250\/UBND-NV ngày 05\/03\/2026, do .+@.+ ban hành lúc .+, SHA-256 [0-9a-f]{6}…/);
    await screenshot(page, 'record-issued-banner');
    const before = await download(page);

    await page.goto(`${session.web.url}#/cai-dat`);
    await page.getByRole('button', { name: 'Sửa Ủy ban nhân dân tỉnh Bắc Kạn' }).click();
    const place = page.getByRole('textbox', { name: 'Địa danh' });
    await expect.poll(() => place.inputValue()).toBe('Bắc Kạn');
    await place.fill('Chợ Mới');
    await page.getByRole('textbox', { name: 'Họ tên người ký' }).fill('Nguyễn Văn Khác');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(() => page.getByText('Đã lưu thông tin cơ quan ban hành.').isVisible()).toBe(true);

    await openDraft(page, ids.nv);
    const after = await download(page);
    expect(after.equals(before)).toBe(true);
  });

  it('refuses 1250 for a công văn of another drafting unit the same year, naming the holder', async () => {
    const { page } = session;
    await openDraft(page, ids.ncpc);
    await issueIn(page, '1250', '01/04/2026');
    await expect.poll(() => page.getByTestId('so-line').innerText()).toBe('Số: 1250/UBND-NCPC');
    await page.getByRole('dialog').getByRole('button', { name: 'Ghi' }).click();
    const alert = page.getByRole('dialog').getByRole('alert');
    await expect.poll(() => alert.isVisible()).toBe(true);
    expect(await alert.innerText()).toBe(
      'Số 1250 năm 2026 của sổ "Công văn" đã cấp cho Công văn số 1250/UBND-NV ngày 05/03/2026 "V/v tăng cường kỷ luật hành chính". Hãy chọn số khác (số còn trống gần nhất: 1251).',
    );
    await screenshot(page, 'record-collision');
    await page.getByRole('dialog').getByRole('button', { name: 'Hủy' }).click();
    expect((await call<Draft>('getDraft', { id: ids.ncpc })).status).toBe('draft');
  });

  it('withdraws with a reason and shows the issued revision in the history', async () => {
    const { page } = session;
    await openDraft(page, ids.nv);
    await page.getByRole('button', { name: 'Thu hồi để đính chính' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Thu hồi' }).click();
    await expect.poll(() => dialog.getByText('Lý do thu hồi: hãy ghi lý do').isVisible()).toBe(true);
    await dialog.getByRole('textbox', { name: 'Lý do thu hồi' }).fill('Sai tên cơ quan nhận');
    await dialog.getByRole('button', { name: 'Thu hồi' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Ghi số ban hành' }).isVisible()).toBe(true);
    expect(await page.getByTestId('issued-banner').count()).toBe(0);

    await page.getByRole('button', { name: 'Lịch sử' }).click();
    const copies = page.getByRole('table', { name: 'Các bản đã ban hành' });
    await expect.poll(() => copies.isVisible()).toBe(true);
    const text = await copies.innerText();
    for (const part of ['1250/UBND-NV', '05/03/2026', 'Lý do: Sai tên cơ quan nhận']) expect(text).toContain(part);
    await screenshot(page, 'record-history');
    const [file] = await Promise.all([page.waitForEvent('download'), copies.getByRole('button', { name: 'Tải .docx' }).click()]);
    const stored = await session.web.backend.database.db.selectFrom('issued_copies').select('docx').where('record_id', '=', ids.nv).executeTakeFirstOrThrow();
    expect(fs.readFileSync(await file.path()).equals(stored.docx!)).toBe(true);
    await page.getByRole('dialog').getByRole('button', { name: 'Đóng' }).click();

    // reissue: the dialog offers the old number (a correction)
    await page.getByRole('button', { name: 'Ghi số ban hành' }).click();
    await expect.poll(() => page.getByRole('radio', { name: /Giữ số cũ \(đính chính\): số 1250 năm 2026/ }).isChecked()).toBe(true);
    await expect.poll(() => page.getByTestId('so-line').innerText()).toBe('Số: 1250/UBND-NV');
  });

  it('leaves no empty draft behind, deletes a never-issued draft after confirmation, and offers no delete once issued', async () => {
    const { page } = session;
    const exists = async (id: number) => Boolean(await session.web.backend.database.db.selectFrom('documents').select('id').where('id', '=', id).executeTakeFirst());
    const createFromMenu = async () => {
      await page.goto(`${session.web.url}#/cong-van`);
      await page.getByRole('button', { name: 'Soạn công văn mới' }).click();
      await expect.poll(() => page.url(), { timeout: 20_000 }).toMatch(/#\/cong-van\/\d+$/);
      await expect.poll(() => page.getByRole('button', { name: 'Lịch sử' }).isVisible(), { timeout: 20_000 }).toBe(true);
      return Number(/(\d+)$/.exec(page.url())![1]);
    };
    const untouched = await createFromMenu();
    await page.getByRole('link', { name: '← Danh sách' }).click();
    await expect.poll(() => exists(untouched), { timeout: 20_000 }).toBe(false);

    const typed = await createFromMenu();
    await page.getByRole('textbox', { name: 'Trích yếu (sau "V/v")', exact: true }).fill('góp ý dự thảo');
    await expect.poll(() => page.getByText(/Đã lưu lúc/).isVisible(), { timeout: 20_000 }).toBe(true);
    await page.getByRole('link', { name: '← Danh sách' }).click();
    await expect.poll(() => page.url(), { timeout: 20_000 }).toMatch(/#\/cong-van$/);
    expect(await exists(typed)).toBe(true);

    await openDraft(page, typed);
    await page.getByRole('button', { name: 'Xóa dự thảo' }).click();
    await page.getByRole('dialog', { name: 'Xóa dự thảo?' }).getByRole('button', { name: 'Xóa', exact: true }).click();
    await expect.poll(() => exists(typed), { timeout: 20_000 }).toBe(false);

    await openDraft(page, ids.nv);
    expect(await page.getByRole('button', { name: 'Xóa dự thảo' }).count()).toBe(0);
  });
});
