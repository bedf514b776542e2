import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestOutput } from '../../shared/api';
import { VALID_PROFILE } from '../fixtures/profile';
import { agency } from '../safety/helpers';
import { openSession, screenshot, type Session } from './harness';

let session: Session;
let files: string;
beforeAll(async () => {
  session = await openSession();
  files = fs.mkdtempSync(path.join(session.dataDir, 'tep-'));
});
afterAll(async () => {
  await session?.close();
  fs.rmSync(session.dataDir, { recursive: true, force: true });
});

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await session.web.backend.dispatch(name, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.data as T;
}
const agencyNames = async () => (await call<{ fullName: string }[]>('listAgencies', { query: '', tier: null, includeInactive: true })).map((a) => a.fullName).sort();

describe('Cài đặt → Sao lưu: khôi phục từ tệp (browser mode)', () => {
  let good: string;
  let hostile: string;

  beforeAll(async () => {
    await call('saveIssuer', VALID_PROFILE);
    await call('saveAgency', { agency: agency('Sở Nội vụ tỉnh Bắc Kạn'), confirmDuplicate: true });
    await call('createBlankPlan', { year: 2026 });
    const { file } = await call<RequestOutput<'makeBackup'>>('makeBackup', {});
    good = path.join(files, 'Sao lưu tháng 11.sqlite');
    fs.writeFileSync(good, Buffer.from(file!.base64, 'base64'));
    hostile = path.join(files, 'Bản sửa tay.sqlite');
    fs.copyFileSync(good, hostile);
    const db = new BetterSqlite3(hostile);
    db.exec('CREATE TRIGGER t AFTER INSERT ON agencies BEGIN DELETE FROM plans; END');
    db.close();
    // what the user has now: one more agency than the backup
    await call('saveAgency', { agency: agency('Sở Tư pháp tỉnh Bắc Kạn'), confirmDuplicate: true });
  });

  it('refuses a tampered file with a Vietnamese message naming it, before any confirmation', async () => {
    const { page } = session;
    await page.goto(`${session.web.url}#/cai-dat`);
    await page.getByRole('tab', { name: 'Sao lưu' }).click();
    await page.getByLabel('Tệp sao lưu').setInputFiles(hostile);
    const alert = page.getByRole('alert').filter({ hasText: 'Bản sửa tay.sqlite' });
    await expect.poll(() => alert.isVisible()).toBe(true);
    const text = await alert.innerText();
    expect(text).toContain('Tệp "Bản sửa tay.sqlite" không đúng cấu trúc dữ liệu NoiVu Desk');
    expect(text).toContain('có đối tượng lạ: trigger "t"');
    expect(text).toContain('Dữ liệu hiện tại không bị thay đổi.');
    expect(await page.getByRole('dialog').count()).toBe(0);
    await screenshot(page, 'backup-restore-refused');
    expect(await agencyNames()).toEqual(['Sở Nội vụ tỉnh Bắc Kạn', 'Sở Tư pháp tỉnh Bắc Kạn']);
    expect((await call<unknown[]>('listPlans', {})).length).toBe(1);
  });

  it('shows what a good backup holds, changes nothing on "Hủy", and restores on "Khôi phục"', async () => {
    const { page } = session;
    const dialog = page.getByRole('dialog', { name: 'Thay thế toàn bộ dữ liệu?' });
    await page.getByLabel('Tệp sao lưu').setInputFiles(good);
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const text = await dialog.innerText();
    expect(text).toContain('Tệp Sao lưu tháng 11.sqlite là bản sao lưu NoiVu Desk hợp lệ');
    expect(text).toContain('1 cơ quan');
    expect(text).toContain('1 kế hoạch');
    expect(text).toContain('0 văn bản');
    expect(text).toMatch(/Cập nhật lần cuối: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    await screenshot(page, 'backup-restore-confirm');
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await agencyNames()).toEqual(['Sở Nội vụ tỉnh Bắc Kạn', 'Sở Tư pháp tỉnh Bắc Kạn']);

    // the same file again, this time confirmed
    await page.getByLabel('Tệp sao lưu').setInputFiles(good);
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Khôi phục' }).click();
    const done = page.getByRole('alert').filter({ hasText: 'Đã khôi phục từ "Sao lưu tháng 11.sqlite"' });
    await expect.poll(() => done.isVisible()).toBe(true);
    expect(await dialog.count()).toBe(0);
    expect(await agencyNames()).toEqual(['Sở Nội vụ tỉnh Bắc Kạn']);
    expect(await page.getByRole('table', { name: 'Các bản sao lưu' }).getByText('Trước khi khôi phục').count()).toBe(1);
    await screenshot(page, 'backup-restore-done');
  });
});
