import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveFilesToFolder } from '../../electron/services/files';
import { formatVnDate, todayIso } from '../../shared/dates';
import type { FileContent } from '../../shared/files';
import { seedPlanWithRound } from './seed';
import { dateFieldText, typeDate } from './date-input';
import { openSession, screenshot, type Session } from './harness';

let session: Session;
let folder: string;
let formPath: string;
const FORM = 'bao-cao-so-tu-phap-nam-2024.xlsx';

beforeAll(async () => {
  session = await openSession();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'noivu-one-form-'));
  await seedPlanWithRound(session, [
    { content: 'Rà soát thủ tục hành chính.', lead: 'Sở Tư pháp', coordinators: ['Sở Nội vụ'] },
    { content: 'Tuyển dụng công chức.', lead: 'Sở Nội vụ' },
  ]);
});
afterAll(async () => {
  await session?.close();
  fs.rmSync(session?.dataDir, { recursive: true, force: true });
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('one agency’s form, the no-overwrite rule, the received date and the agencies’ answers', () => {
  it('makes the form of one agency on its own (browser mode: downloaded)', async () => {
    const { page } = session;
    await page.goto(`${session.web.url}#/bao-cao`);
    await page.getByRole('link', { name: 'Năm 2024' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tạo biểu mẫu cho Sở Tư pháp' }).click()]);
    expect(download.suggestedFilename()).toBe(FORM);
    await expect.poll(() => page.getByText(`Đã tạo biểu mẫu ${FORM}.`).isVisible()).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Báo cáo')!;
    expect(String(sheet.getCell('A4').value)).toMatch(/^Cơ quan báo cáo: Sở Tư pháp/);
    expect(sheet.getCell('C7').value).toBe('Rà soát thủ tục hành chính.');
    expect(sheet.getCell('C8').value ?? null).toBeNull(); // only its own task
    // the agency fills it in, and adds a task of its own under the table
    sheet.getCell('E7').value = 'Hoàn thành đúng hạn';
    sheet.getCell('F7').value = 'Đã rà soát 120 thủ tục.';
    sheet.getCell('G7').value = 'Báo cáo số 45/BC-STP';
    sheet.getCell('H7').value = 'Thiếu công chức có chuyên môn CNTT.';
    sheet.getCell('I7').value = 'Đề nghị bổ sung 02 biên chế.';
    sheet.getCell('C8').value = 'Tổ chức hội nghị tập huấn về thủ tục hành chính.';
    sheet.getCell('E8').value = 'Hoàn thành đúng hạn';
    sheet.name = 'BC Sở Tư pháp';
    formPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'noivu-return-')), FORM);
    fs.writeFileSync(formPath, Buffer.from(await workbook.xlsx.writeBuffer()));
  });

  it('never replaces a form already in the folder, even one filled in (desktop app: written to a folder)', async () => {
    const { page } = session;
    await page.route('**/api/saveFilesToFolder', async (route) => {
      const { files } = route.request().postDataJSON() as { files: FileContent[] };
      await route.fulfill({ json: { ok: true, data: await saveFilesToFolder({ chooseFolder: async () => folder } as never, files) } });
    });
    fs.copyFileSync(formPath, path.join(folder, FORM)); // the filled-in form the agency sent back
    const filled = fs.readFileSync(path.join(folder, FORM));
    await page.getByRole('button', { name: 'Tạo biểu mẫu cho Sở Tư pháp' }).click();
    const notice = page.getByRole('alert').filter({ hasText: 'tên mới' });
    await expect.poll(() => notice.innerText()).toContain(`1 tệp đã có sẵn nên được lưu với tên mới (tệp cũ giữ nguyên): bao-cao-so-tu-phap-nam-2024 (2).xlsx`);
    expect(fs.readdirSync(folder).sort()).toEqual([FORM, 'bao-cao-so-tu-phap-nam-2024 (2).xlsx'].sort());
    expect(fs.readFileSync(path.join(folder, FORM)).equals(filled)).toBe(true);
    await screenshot(page, 'reports-one-form-renamed');
    await page.unroute('**/api/saveFilesToFolder');
  });

  it('takes the received date at import (today by default), shows it, and lets the specialist accept an added task', async () => {
    const { page } = session;
    await page.getByRole('tab', { name: 'Nhận báo cáo' }).click();
    expect(await dateFieldText(page, 'Ngày nhận')).toBe(formatVnDate(todayIso()));
    await typeDate(page, 'Ngày nhận', '15/12/2099');
    await page.getByLabel('Tệp báo cáo nhận về').setInputFiles(formPath);
    await expect.poll(() => page.getByText('Ngày nhận 15/12/2099 là ngày chưa tới').isVisible()).toBe(true);
    await typeDate(page, 'Ngày nhận', '01/12/2026');
    await page.getByLabel('Tệp báo cáo nhận về').setInputFiles(formPath);
    await expect.poll(() => page.getByText('1/1 tệp hợp lệ').isVisible()).toBe(true);
    await expect.poll(() => page.getByText(`${FORM} — Sở Tư pháp — nhận ngày 01/12/2026`, { exact: true }).isVisible()).toBe(true);
    const accept = page.getByRole('checkbox', { name: `Nhận nhiệm vụ bổ sung dòng 8 của ${FORM}` });
    await accept.check();
    await expect.poll(() => page.getByText('Nhiệm vụ bổ sung: nhận').isVisible()).toBe(true);
    await screenshot(page, 'reports-receive-date-extra');
    await page.getByRole('button', { name: 'Ghi 1 tệp hợp lệ' }).click();
    await expect.poll(() => page.getByText('Đã ghi 1/1 tệp.').isVisible()).toBe(true);

    await page.getByRole('tab', { name: 'Theo dõi' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Sở Tư pháp' });
    await expect.poll(() => row.innerText()).toContain('01/12/2026');
    expect(await row.innerText()).toContain('Đúng hạn');
    await screenshot(page, 'reports-tracking-received');

    await page.getByRole('tab', { name: 'Ý kiến của cơ quan' }).click();
    const answers = page.getByRole('table', { name: 'Ý kiến của các cơ quan' });
    await expect.poll(() => answers.innerText()).toContain('Thiếu công chức có chuyên môn CNTT.');
    expect(await answers.innerText()).toContain('Đề nghị bổ sung 02 biên chế.');
    expect(await answers.innerText()).toContain('Báo cáo số 45/BC-STP');
    await page.getByRole('button', { name: 'Tất cả' }).click();
    await expect.poll(() => answers.innerText()).toContain('Bổ sung — Tổ chức hội nghị tập huấn về thủ tục hành chính.');
    await page.getByRole('textbox', { name: 'Tìm (không cần dấu)' }).fill('bien che');
    await expect.poll(() => page.getByText('1 dòng', { exact: true }).isVisible()).toBe(true);
    await screenshot(page, 'reports-answers');
  });

  it('types a report in by hand with its narrative answers', async () => {
    const { page } = session;
    await page.getByRole('tab', { name: 'Theo dõi' }).click();
    await page.getByRole('row').filter({ hasText: 'Sở Nội vụ' }).getByRole('button', { name: 'Nhập tay' }).click();
    const dialog = page.getByRole('dialog');
    const task = dialog.getByRole('group', { name: /Nhiệm vụ mã/ }).filter({ hasText: 'Tuyển dụng công chức.' });
    await task.getByRole('combobox', { name: 'Tình trạng' }).click();
    await page.getByRole('option', { name: 'Đang thực hiện trong hạn' }).click();
    await task.getByRole('textbox', { name: 'Văn bản chứng minh (số, ký hiệu)' }).fill('Kế hoạch số 9/KH-SNV');
    await task.getByRole('textbox', { name: 'Khó khăn, vướng mắc' }).fill('Chỉ tiêu biên chế chưa được giao.');
    await task.getByRole('textbox', { name: 'Kiến nghị, đề xuất' }).fill('Sớm giao chỉ tiêu biên chế năm sau.');
    await screenshot(page, 'reports-manual-entry');
    await dialog.getByRole('button', { name: 'Ghi báo cáo' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await page.getByRole('tab', { name: 'Ý kiến của cơ quan' }).click();
    const answers = page.getByRole('table', { name: 'Ý kiến của các cơ quan' });
    await expect.poll(() => answers.innerText()).toContain('Chỉ tiêu biên chế chưa được giao.');
    expect(await answers.innerText()).toContain('Sớm giao chỉ tiêu biên chế năm sau.');
  });
});
