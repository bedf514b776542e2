import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatVnDate, todayIso } from '../../shared/dates';
import { checkNd30 } from '../documents/nd30-checker';
import { seedPlanWithRound } from './seed';
import { dateFieldText, typeDate } from './date-input';
import { openSession, screenshot, type Session } from './harness';

let session: Session;
beforeAll(async () => {
  session = await openSession();
  await seedPlanWithRound(
    session,
    [
      { content: 'Rà soát thủ tục hành chính.', lead: 'Sở Tư pháp', coordinators: ['Sở Nội vụ'] },
      { content: 'Nâng cấp Cổng dịch vụ công.', lead: 'Sở Thông tin và Truyền thông' },
      { content: 'Tuyển dụng công chức.', lead: 'Sở Nội vụ' },
    ],
    { title: 'Kế hoạch cải cách hành chính năm 2024', appendixTitle: 'Các nhiệm vụ' },
  );
});
afterAll(async () => {
  await session?.close();
});

describe('Báo cáo: forms out and in, tracking, consolidated report, reminder (browser mode)', () => {
  it('runs the loop through the screens', async () => {
    const { page } = session;
    await page.goto(`${session.web.url}#/bao-cao`);
    await page.getByRole('link', { name: 'Năm 2024' }).click();
    await expect.poll(() => page.getByText('Đã gửi: 0/3').isVisible()).toBe(true);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tạo biểu mẫu cho tất cả cơ quan' }).click()]);
    const zip = await JSZip.loadAsync(fs.readFileSync(await download.path()));
    const names = Object.keys(zip.files);
    expect(names).toHaveLength(3);
    const formName = names.find((n) => n.includes('so-tu-phap'))!;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await zip.file(formName)!.async('nodebuffer')) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Báo cáo')!;
    sheet.getCell('E7').value = 'Hoàn thành đúng hạn';
    sheet.getCell('F7').value = 'Đã rà soát 120 thủ tục.';
    const returned = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'noivu-return-')), formName);
    fs.writeFileSync(returned, Buffer.from(await workbook.xlsx.writeBuffer()));
    await screenshot(page, 'reports-tracking');

    await page.getByRole('tab', { name: 'Nhận báo cáo' }).click();
    await page.getByLabel('Tệp báo cáo nhận về').setInputFiles(returned);
    await expect.poll(() => page.getByText('1/1 tệp hợp lệ').isVisible()).toBe(true);
    await screenshot(page, 'reports-receive');
    await page.getByRole('button', { name: 'Ghi 1 tệp hợp lệ' }).click();
    await expect.poll(() => page.getByText('Đã ghi 1/1 tệp.').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Đã gửi: 1/3').isVisible()).toBe(true);

    await page.getByRole('tab', { name: 'Báo cáo tổng hợp' }).click();
    await page.getByRole('textbox', { name: 'II. Tồn tại, hạn chế' }).fill('Một số cơ quan chưa gửi báo cáo đúng hạn.');
    await page.getByRole('button', { name: 'Lưu nội dung' }).click();
    const [report] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất Báo cáo .docx' }).click()]);
    const buffer = fs.readFileSync(await report.path());
    expect(await checkNd30(buffer)).toEqual([]);
    fs.copyFileSync(await report.path(), path.resolve('test-results', 'round-report.docx'));
    const xml = await (await JSZip.loadAsync(buffer)).file('word/document.xml')!.async('string');
    expect(xml).toContain('1/3 cơ quan, đơn vị đã gửi báo cáo');
    expect(xml).toContain('Một số cơ quan chưa gửi báo cáo đúng hạn.');

    await page.getByRole('tab', { name: 'Theo dõi' }).click();
    await page.getByRole('button', { name: 'Công văn đôn đốc các cơ quan chưa gửi' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dateFieldText(dialog, 'Hạn gửi mới')).toBe(formatVnDate(addDays(todayIso(), 7)));
    await typeDate(dialog, 'Hạn gửi mới', formatVnDate(todayIso()));
    await expect.poll(() => dialog.getByText('Hạn gửi mới phải sau hôm nay').isVisible()).toBe(true);
    expect(await dialog.getByRole('button', { name: 'Tạo công văn' }).isDisabled()).toBe(true);
    await typeDate(dialog, 'Hạn gửi mới', formatVnDate(addDays(todayIso(), 10)));
    await screenshot(page, 'reports-reminder-dialog');
    await dialog.getByRole('button', { name: 'Tạo công văn' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/cong-van\/\d+$/);
    const chips = page.getByRole('combobox', { name: 'Kính gửi' }).locator('..');
    await expect.poll(() => chips.innerText()).toContain('Sở Nội vụ');
    expect(await chips.innerText()).toContain('Sở Thông tin và Truyền thông');
    expect(await chips.innerText()).not.toContain('Sở Tư pháp');
  });
});
