import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkNd30 } from '../documents/nd30-checker';
import { VALID_PROFILE } from '../fixtures/profile';
import { typeDate } from './date-input';
import { openSession, screenshot, type Session } from './harness';
import { editingInput, pasteTsv, taskCell, taskContents, taskGrid } from './task-grid-helpers';

let session: Session;
beforeAll(async () => {
  session = await openSession();
  await session.web.backend.dispatch('saveIssuer', VALID_PROFILE);
  await session.web.backend.dispatch('loadSampleAgencies', {});
});
afterAll(async () => {
  await session?.close();
});

const box = (name: string) => session.page.getByRole('textbox', { name, exact: true });

async function enterYear(year: number, total: string, rank: string, scores: Record<string, string>) {
  const { page } = session;
  await page.getByRole('spinbutton', { name: 'Năm' }).fill(String(year));
  await box('Tổng (điểm)').fill(total);
  await box('Xếp thứ').fill(rank);
  for (const [code, score] of Object.entries(scores)) await box(`Điểm ${code}`).fill(score);
  await page.getByRole('button', { name: `Lưu kết quả năm ${year}` }).click();
  await expect.poll(() => page.getByText(`Đã lưu kết quả Chỉ số PAPI năm ${year}.`).isVisible()).toBe(true);
}

describe('Chỉ số → Kế hoạch (browser mode)', () => {
  it('enters two years of PAPI, sees the declines and starts a plan from them', async () => {
    const { page } = session;
    await page.goto(`${session.web.url}#/chi-so`);
    await page.getByRole('tab', { name: 'Nhập kết quả' }).click();
    await enterYear(2021, '42,72', '32', { '1': '5,1', '1.1': '0,8', '1.2': '1,5', '8': '2,4', '8.1': '0,5' });
    await enterYear(2022, '42,153', '34', { '1': '4,86', '1.1': '0,66', '1.2': '1,52', '8': '2,58', '8.1': '0,46' });
    await screenshot(page, 'indices-entry');

    await page.getByRole('tab', { name: 'So sánh các năm' }).click();
    await expect.poll(() => page.getByText(/Năm 2022 có 3 thành phần giảm điểm hoặc tụt hạng so với năm 2021: 1, 1.1, 8.1/).isVisible()).toBe(true);
    expect(await page.locator('td[data-declined]').count()).toBe(3);
    await screenshot(page, 'indices-comparison');

    await page.getByRole('button', { name: 'Tạo nhiệm vụ từ các chỉ số giảm điểm' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/ke-hoach\/\d+$/);
    await expect.poll(() => page.getByRole('tab', { name: 'Phụ lục nhiệm vụ (2)' }).isVisible()).toBe(true);
  });

  it('assigns the tasks, reorders them, exports a .docx that passes the format checks, and records the issue', async () => {
    const { page } = session;
    // task 1: lead and coordinators, typed in the grid's cells
    await taskCell(page, 1, 'lead').click();
    await page.keyboard.press('Enter');
    await editingInput(page).fill('so noi vu');
    await page.getByRole('option', { name: 'Sở Nội vụ' }).click();
    await expect.poll(() => taskCell(page, 1, 'lead').innerText()).toBe('Sở Nội vụ');
    await taskCell(page, 1, 'coordinators').click();
    await page.keyboard.press('Enter');
    await editingInput(page).fill('UBND cấp huyện');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect.poll(() => taskCell(page, 1, 'coordinators').innerText()).toBe('UBND các huyện, thành phố');
    // a task of our own
    await page.getByRole('button', { name: '+ Thêm nhiệm vụ' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe('content');
    await page.keyboard.press('Enter');
    await editingInput(page).fill('Tuyên truyền về Chỉ số PAPI trên Cổng thông tin điện tử của tỉnh.');
    await page.keyboard.press('Enter');
    await taskCell(page, 3, 'lead').click();
    await page.keyboard.press('Enter');
    await editingInput(page).fill('Thông tin');
    await page.getByRole('option', { name: 'Sở Thông tin và Truyền thông' }).click();
    await expect.poll(() => taskCell(page, 3, 'lead').innerText()).toBe('Sở Thông tin và Truyền thông');
    // the new task (3) goes up with the keyboard
    await taskCell(page, 3, 'deadline').click();
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(async () => (await taskContents(page))[1]).toContain('Tuyên truyền về Chỉ số PAPI');
    // bulk: tasks 2 and 3 get the same lead and a deadline
    await taskGrid(page).locator('.MuiDataGrid-row[data-rowindex="2"] input[type="checkbox"]').check();
    await page.getByRole('button', { name: /Đổi cơ quan chủ trì/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Cơ quan chủ trì' }).fill('Văn phòng');
    await page.getByRole('option', { name: 'Văn phòng UBND tỉnh' }).click();
    await dialog.getByRole('button', { name: 'Áp dụng' }).click();
    await expect.poll(() => taskCell(page, 3, 'lead').innerText()).toBe('Văn phòng UBND tỉnh');
    await screenshot(page, 'plan-tasks');
    // autosave keeps the draft without pressing "Lưu"
    await expect.poll(() => page.getByText(/Đã lưu lúc/).isVisible(), { timeout: 10_000 }).toBe(true);
    const planId = Number(page.url().split('/').pop());
    const stored = await session.web.backend.dispatch('getPlan', { id: planId });
    expect(stored.ok && (stored.data as { tasks: { content: string }[] }).tasks.map((t) => t.content.slice(0, 20))).toEqual([
      'Xây dựng và triển kh',
      'Tuyên truyền về Chỉ ',
      'Xây dựng và triển kh',
    ]);

    await page.getByRole('tab', { name: 'Nơi nhận và người ký' }).click();
    await page.getByRole('combobox', { name: 'Chép từ danh sách đã lưu' }).click();
    await page.getByRole('option', { name: /Kế hoạch gửi các cơ quan tỉnh/ }).click();
    await expect.poll(() => page.getByTestId('plan-noi-nhan').first().innerText()).toBe('Nơi nhận:');
    await expect.poll(() => page.getByTestId('plan-noi-nhan').last().innerText()).toBe('- Lưu: VT, NV.');
    await screenshot(page, 'plan-distribution');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(() => page.getByText('Đã lưu kế hoạch.').isVisible()).toBe(true);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất .docx' }).click()]);
    const file = await download.path();
    const buffer = fs.readFileSync(file);
    expect(download.suggestedFilename()).toMatch(/^ke-hoach-khac-phuc-.*\.docx$/);
    expect(await checkNd30(buffer)).toEqual([]);
    fs.mkdirSync('test-results', { recursive: true });
    fs.copyFileSync(file, 'test-results/plan-export.docx');

    await page.getByRole('button', { name: 'Ghi số ban hành' }).click();
    await page.getByRole('spinbutton', { name: 'Số do Văn thư cấp' }).fill('12');
    await typeDate(page.getByRole('dialog'), 'Ngày ban hành', '05/03/2023');
    await page.getByRole('dialog').getByRole('button', { name: 'Ghi' }).click();
    await expect.poll(() => page.getByText('Đã ban hành: số 12/KH-UBND, ngày 05/03/2023').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Lưu', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Thu hồi để đính chính' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('issued-banner').innerText()).toMatch(/^Bản đã ban hành — Số 12\/KH-UBND ngày 05\/03\/2023, do .+@.+ ban hành lúc .+, SHA-256 [0-9a-f]{6}…/);
    // an issued plan's table takes no paste
    await page.getByRole('tab', { name: /Phụ lục nhiệm vụ/ }).click();
    await taskCell(page, 1, 'content').click();
    await pasteTsv(page, 'Dán vào bản đã ban hành\tSở Nội vụ\r\n');
    expect((await taskContents(page))[0]).toContain('Xây dựng và triển kh');
    expect(await page.getByText(/^Đã dán/).count()).toBe(0);
  });

  it('imports a year of results from a spreadsheet after a column-mapping step', async () => {
    const { page } = session;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'noivu-papi-')), 'papi-2023.csv');
    fs.writeFileSync(file, 'STT;Nội dung;Điểm\n;Chỉ số PAPI;43,01\n1;Tham gia của người dân ở cấp cơ sở;5,02\n1.1;Tri thức công dân;0,91\n');
    await page.goto(`${session.web.url}#/chi-so`);
    await page.getByRole('tab', { name: 'Nhập kết quả' }).click();
    await page.getByRole('button', { name: 'Nhập từ Excel…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tệp kết quả').setInputFiles(file);
    await expect.poll(() => dialog.getByRole('table', { name: 'Các dòng đầu của tệp' }).isVisible()).toBe(true);
    await dialog.getByRole('spinbutton', { name: 'Năm' }).fill('2023');
    await dialog.getByRole('combobox', { name: 'Cột thành phần (số hoặc tên)' }).click();
    await page.getByRole('option', { name: 'Cột B' }).click();
    await dialog.getByRole('combobox', { name: 'Cột điểm' }).click();
    await page.getByRole('option', { name: 'Cột C' }).click();
    await dialog.getByRole('button', { name: 'Kiểm tra' }).click();
    await expect.poll(() => dialog.getByText('3 dòng khớp thành phần, 0 dòng lỗi').isVisible()).toBe(true);
    await screenshot(page, 'indices-import');
    await dialog.getByRole('button', { name: 'Nhập vào năm 2023' }).click();
    await expect.poll(() => dialog.getByText('Đã nhập 3 dòng vào kết quả năm 2023.').isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    await page.getByRole('tab', { name: 'So sánh các năm' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'So sánh các năm' }).locator('thead').innerText()).toContain('2023');
  });
});
