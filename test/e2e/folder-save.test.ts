import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveFilesToFolder } from '../../electron/services/files';
import type { FileContent } from '../../shared/files';
import { seedPlanWithRound } from './seed';
import { openSession, screenshot, type Session } from './harness';

// Browser mode has no folder dialog, so the page zips the forms. Here the one request that differs
// in the desktop app is answered by the real service writing into a real folder, as the desktop
// app's IPC would: the screen then shows what a user of the desktop app sees.
let session: Session;
let folder: string;
beforeAll(async () => {
  session = await openSession();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'noivu-forms-'));
  await seedPlanWithRound(session, [
    { content: 'Rà soát thủ tục hành chính.', lead: 'Sở Tư pháp' },
    { content: 'Tuyển dụng công chức.', lead: 'Sở Nội vụ' },
  ]);
  await session.page.route('**/api/saveFilesToFolder', async (route) => {
    const { files } = route.request().postDataJSON() as { files: FileContent[] };
    const desktop = { chooseFolder: async () => folder } as never;
    await route.fulfill({ json: { ok: true, data: await saveFilesToFolder(desktop, files) } });
  });
});
afterAll(async () => {
  await session?.close();
  fs.rmSync(session?.dataDir, { recursive: true, force: true });
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('Tạo biểu mẫu cho tất cả cơ quan into a folder that already holds them (desktop app)', () => {
  it('keeps the forms already there and says which new ones got another name', async () => {
    const { page } = session;
    await page.goto(`${session.web.url}#/bao-cao`);
    await page.getByRole('link', { name: 'Năm 2024' }).click();
    const generate = page.getByRole('button', { name: 'Tạo biểu mẫu cho tất cả cơ quan' });

    await generate.click();
    await expect.poll(() => page.getByText(`Đã lưu 2 biểu mẫu vào ${folder}.`, { exact: true }).isVisible()).toBe(true);
    const first = fs.readdirSync(folder).sort();
    expect(first).toHaveLength(2);
    for (const name of first) fs.writeFileSync(path.join(folder, name), `đã điền: ${name}`); // the agencies filled them in

    await generate.click();
    const notice = page.getByRole('alert');
    await expect.poll(() => notice.innerText()).toContain('2 tệp đã có sẵn nên được lưu với tên mới (tệp cũ giữ nguyên):');
    const renamed = first.map((name) => name.replace(/\.xlsx$/, ' (2).xlsx'));
    for (const name of renamed) expect(await notice.innerText()).toContain(name);
    expect(fs.readdirSync(folder).sort()).toEqual([...first, ...renamed].sort());
    for (const name of first) expect(fs.readFileSync(path.join(folder, name), 'utf8')).toBe(`đã điền: ${name}`);
    await screenshot(page, 'reports-forms-renamed');
  });
});
