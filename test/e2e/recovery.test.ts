import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock } from '../../electron/db/lock';
import { backupFolder, databaseFile, startBackend } from '../../electron/services/backend';
import { VALID_PROFILE } from '../fixtures/profile';
import { openSession, screenshot, type Session } from './harness';

let session: Session | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await session?.close();
  session = undefined;
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A data folder used once: the issuer profile saved and that day's automatic backup made. */
async function usedDataDir(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'noivu-e2e-recovery-'));
  dirs.push(dir);
  const backend = startBackend({ userDataDir: dir, version: 'e2e', transport: 'web' });
  const saved = await backend.dispatch('saveIssuer', VALID_PROFILE);
  expect(saved.ok).toBe(true);
  await expect.poll(() => fs.existsSync(backupFolder(dir)) && fs.readdirSync(backupFolder(dir)).some((n) => /^noivu-\d{4}-\d{2}-\d{2}\.sqlite$/.test(n)), { timeout: 20_000 }).toBe(true);
  await backend.close();
  return dir;
}

const ISSUER = 'ỦY BAN NHÂN DÂN TỈNH BẮC KẠN';
/** Waits for what the page shows; generous because the machine may be busy (a limit to wait, not a speed check). */
const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000 });

describe('recovery screen (browser mode)', () => {
  it.each([
    ['garbage bytes', 'Tệp dữ liệu không đọc được', Buffer.from('Đây không phải là cơ sở dữ liệu. '.repeat(300))],
    ['a zero-byte file', 'Tệp dữ liệu bị rỗng', Buffer.alloc(0)],
  ])('%s: explains, restores the newest automatic backup, and the app works with the data back', async (what, title, bytes) => {
    const dir = await usedDataDir();
    fs.writeFileSync(databaseFile(dir), bytes);
    session = await openSession(dir);
    const { page } = session;

    await eventually(() => page.getByRole('heading', { level: 1, name: title }).isVisible()).toBe(true);
    await eventually(() => page.getByText(/Bản sao lưu tự động mới nhất: lúc \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}/).isVisible()).toBe(true);
    expect(await page.getByText(/SQLITE|integrity_check/).count()).toBe(0);
    // no navigation into an app that has no data
    expect(await page.getByRole('navigation').count()).toBe(0);
    await screenshot(page, `recovery-${what.replace(/\W+/g, '-')}`);

    await page.getByRole('button', { name: 'Khôi phục bản sao lưu tự động mới nhất' }).click();
    await eventually(() => page.getByRole('heading', { level: 1, name: 'Tổng quan' }).isVisible()).toBe(true);
    await eventually(() => page.getByText(ISSUER).isVisible()).toBe(true);
    await eventually(() => page.getByText(/Đã khôi phục dữ liệu từ bản sao lưu tự động/).isVisible()).toBe(true);
    await screenshot(page, `recovered-${what.replace(/\W+/g, '-')}`);

    // the rest of the app answers too
    await page.getByRole('navigation').getByRole('link', { name: 'Cài đặt', exact: true }).click();
    await page.getByRole('button', { name: 'Sửa Ủy ban nhân dân tỉnh Bắc Kạn' }).click();
    await eventually(async () => page.getByRole('textbox', { name: 'Địa danh' }).inputValue()).toBe('Bắc Kạn');
  });

  it('without an automatic backup: restores an uploaded backup file', async () => {
    const dir = await usedDataDir();
    const backup = fs.readdirSync(backupFolder(dir)).map((n) => path.join(backupFolder(dir), n))[0]!;
    const upload = path.join(dir, 'noivu-sao-luu.sqlite');
    fs.renameSync(backup, upload);
    fs.writeFileSync(databaseFile(dir), Buffer.from('hỏng '.repeat(1000)));
    session = await openSession(dir);
    const { page } = session;

    await eventually(() => page.getByText('Chưa có bản sao lưu tự động nào', { exact: false }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Khôi phục bản sao lưu tự động mới nhất' }).isDisabled()).toBe(true);
    await page.getByLabel('Tệp sao lưu').setInputFiles(upload);
    await eventually(() => page.getByText(ISSUER).isVisible()).toBe(true);
    await eventually(() => page.getByText(/Đã khôi phục dữ liệu từ tệp sao lưu/).isVisible()).toBe(true);
  });

  it('a data file held by another window: says so, and "Thử lại" opens the app once it is free', async () => {
    const dir = await usedDataDir();
    const release = acquireLock(databaseFile(dir));
    session = await openSession(dir);
    const { page } = session;
    await eventually(() => page.getByRole('heading', { level: 1, name: 'Dữ liệu đang được dùng ở nơi khác' }).isVisible()).toBe(true);
    await eventually(() => page.getByText(/đang được một cửa sổ NoiVu Desk khác sử dụng/).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Khôi phục bản sao lưu tự động mới nhất' }).count()).toBe(0);
    await screenshot(page, 'recovery-locked');
    release();
    await page.getByRole('button', { name: 'Thử lại' }).click();
    await eventually(() => page.getByText(ISSUER).isVisible()).toBe(true);
  });

  it('the browser-mode command starts anyway and prints a clear Vietnamese line', async () => {
    const dir = await usedDataDir();
    fs.writeFileSync(databaseFile(dir), '');
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('electron/web.ts'), '--data-dir', dir, '--port', '0'], { env: { ...process.env, NODE_ENV: 'production' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      // the server is up (it printed its address) even though the data did not open…
      await expect.poll(() => out, { timeout: 50_000 }).toMatch(/Mở địa chỉ này trong trình duyệt: http:\/\/127\.0\.0\.1:\d+\/\?token=/);
      // …and says so right after, in the same breath
      await expect.poll(() => out, { timeout: 10_000 }).toMatch(/CHÚ Ý: chưa mở được dữ liệu\. Tệp dữ liệu rỗng \(0 byte\)/);
      expect(out).toMatch(/Hãy mở địa chỉ trên: trang sẽ hiện màn hình khôi phục/);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });
});
