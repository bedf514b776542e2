import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agency } from '../../shared/agencies';
import type { IndexDefinition } from '../../shared/indices';
import { planInput, type Plan, type TaskInput } from '../../shared/plans';
import { VALID_PROFILE } from '../fixtures/profile';
import { openSession, screenshot, type Session } from './harness';
import { editingInput, pasteTsv, taskCell, taskContents } from './task-grid-helpers';

let session: Session;
let papi: IndexDefinition;
beforeAll(async () => {
  session = await openSession();
  await session.web.backend.dispatch('saveIssuer', VALID_PROFILE);
  await session.web.backend.dispatch('loadSampleAgencies', {});
  papi = (await call<IndexDefinition[]>('listIndices', {})).find((i) => i.code === 'PAPI')!;
});
afterAll(async () => {
  await session?.close();
});

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await session.web.backend.dispatch(name, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.data as T;
}

/** A draft plan on PAPI 2021, grouped by component, with the given tasks. */
async function planWith(tasks: TaskInput[] = []): Promise<Plan> {
  const blank = await call<Plan>('createBlankPlan', { year: 2022 });
  const distribution = { ...blank.distribution, lines: [{ type: 'text' as const, text: 'Các sở, ban, ngành', note: '' }] };
  return call<Plan>('savePlan', { ...planInput(blank), indexId: papi.id, indexYear: 2021, grouping: 'component', distribution, tasks });
}

const cell = taskCell;
const contents = taskContents;

describe('Phụ lục as a grid (browser mode)', () => {
  it('pastes a block from Excel, edits by keyboard, deletes and undoes, imports an .xlsx, and exports in component order', { timeout: 120_000 }, async () => {
    const { page } = session;
    const plan = await planWith();
    await page.goto(`${session.web.url}#/ke-hoach/${plan.id}`);
    await page.getByRole('button', { name: '+ Thêm nhiệm vụ' }).click();
    // the new row's required fields are flagged on the row itself
    await expect.poll(() => cell(page, 1, 'content').innerText()).toContain('Nhiệm vụ, giải pháp: chưa ghi nội dung');
    expect(await cell(page, 1, 'lead').innerText()).toContain('Cơ quan chủ trì: chưa chọn');

    // From the content cell the focus moves left to the component cell, where the block goes.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe('content');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe('component');
    const tsv = [
      ['1.1 Tri thức công dân', 'Đẩy mạnh công tác thông tin, tuyên truyền về Pháp lệnh thực hiện dân chủ.', 'Sở Nội vụ', 'Các sở, ban, ngành; UBND cấp huyện', 'Thường xuyên', ''],
      ['8.1', '"Công khai kết quả giải quyết thủ tục hành chính\r\ntrên Cổng ""Dịch vụ công"" của tỉnh."', 'Sở TT&TT', 'UBND cấp huyện', 'Quý II', 'Báo cáo quý'],
      ['1.2', 'Vận động người dân tham gia các tổ chức chính trị - xã hội.', 'STTTT', '', '31/02/2022', ''],
      ['1.1', 'Triển khai các quy định về bầu Trưởng thôn, Tổ trưởng dân phố.', 'Hội Cựu chiến binh tỉnh', '', 'Tháng 6', ''],
    ]
      .map((r) => r.join('\t'))
      .join('\r\n');
    await pasteTsv(page, `${tsv}\r\n`);
    await expect.poll(() => page.getByText(/^Đã dán 4 dòng × 6 cột; thêm 3 nhiệm vụ \(xếp theo thứ tự chỉ số thành phần\); 2 ô cần xem lại/).isVisible()).toBe(true);
    // new rows took their place in the index order (1.1, 1.1, 1.2, 8.1)
    expect((await contents(page)).map((c) => c.slice(0, 20))).toEqual(['Đẩy mạnh công tác th', 'Triển khai các quy đ', 'Vận động người dân t', 'Công khai kết quả gi']);
    expect(await cell(page, 4, 'content').innerText()).toBe('Công khai kết quả giải quyết thủ tục hành chính\ntrên Cổng "Dịch vụ công" của tỉnh.');
    expect(await cell(page, 4, 'lead').innerText()).toBe('Sở Thông tin và Truyền thông');
    expect(await cell(page, 1, 'coordinators').innerText()).toBe('Các sở, ban, ngành thuộc tỉnh; UBND các huyện, thành phố');
    expect(await cell(page, 4, 'deadline').innerText()).toBe('Quý II năm 2022');
    // what did not parse or match is kept as pasted and marked on the cell
    expect(await cell(page, 3, 'deadline').innerText()).toBe('31/02/2022\nThời gian thực hiện: ngày 31/02/2022 không có thật');
    expect(await cell(page, 2, 'lead').innerText()).toBe('Hội Cựu chiến binh tỉnh\nCơ quan chủ trì: "Hội Cựu chiến binh tỉnh" không có trong danh mục — sẽ in nguyên văn');
    await expect.poll(() => page.getByText(/Chưa lưu: nhiệm vụ 3 — Thời gian thực hiện: ngày 31\/02\/2022 không có thật/).first().isVisible(), { timeout: 10_000 }).toBe(true);
    await screenshot(page, 'task-grid-pasted');

    // the invalid deadline is corrected by keyboard: Enter edits, typing replaces, Enter commits
    await cell(page, 3, 'deadline').click();
    await page.keyboard.press('Enter');
    const editor = editingInput(page);
    await expect.poll(() => editor.inputValue()).toBe('31/02/2022');
    await editor.fill('Quý III');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 3, 'deadline').innerText()).toBe('Quý III năm 2022');
    // content is several lines: Shift+Enter breaks the line, Enter commits
    await cell(page, 1, 'content').click();
    await page.keyboard.press('Enter');
    await expect.poll(() => editingInput(page).evaluate((el) => el.tagName)).toBe('TEXTAREA');
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('Dòng thứ hai của nhiệm vụ.');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 1, 'content').innerText()).toBe('Đẩy mạnh công tác thông tin, tuyên truyền về Pháp lệnh thực hiện dân chủ.\nDòng thứ hai của nhiệm vụ.');

    // delete a row, undo from the message; delete it again, undo with Ctrl+Z
    await page.getByLabel('Xóa nhiệm vụ 2', { exact: true }).click();
    await expect.poll(() => contents(page)).toHaveLength(3);
    await page.getByRole('button', { name: 'Hoàn tác' }).click();
    await expect.poll(async () => (await contents(page))[1]?.slice(0, 20)).toBe('Triển khai các quy đ');
    await page.getByLabel('Xóa nhiệm vụ 2', { exact: true }).click();
    await expect.poll(() => contents(page)).toHaveLength(3);
    await cell(page, 1, 'deadline').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => contents(page)).toHaveLength(4);
    expect((await contents(page))[1]!.slice(0, 20)).toBe('Triển khai các quy đ');

    // Alt+↓ moves a row down, Alt+↑ back
    await cell(page, 1, 'deadline').click();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(async () => (await contents(page))[1]?.slice(0, 20)).toBe('Đẩy mạnh công tác th');
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(async () => (await contents(page))[0]?.slice(0, 20)).toBe('Đẩy mạnh công tác th');

    // import from .xlsx: mapping guessed from the header, one unmatched name reviewed
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Nhiệm vụ');
    sheet.addRow(['STT', 'Nội dung thành phần', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời hạn']);
    sheet.addRow([1, '1.2 Cơ hội tham gia', 'Phối hợp tổ chức hội nghị đối thoại với Nhân dân.', 'Hội Nông dân tỉnh', 'UBND cấp huyện', 'Quý IV']);
    sheet.addRow([2, '8', 'Rà soát, đơn giản hóa thủ tục hành chính.', 'Sở TT&TT', '', '30/11/2022']);
    const xlsx = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'noivu-tasks-')), 'nhiem-vu.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    await page.getByRole('button', { name: 'Nhập từ Excel/CSV…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tệp nhiệm vụ').setInputFiles(xlsx);
    await expect.poll(() => dialog.getByRole('table', { name: 'Các dòng đầu của tệp' }).isVisible()).toBe(true);
    expect(await dialog.getByRole('combobox', { name: 'Cột nhiệm vụ, giải pháp' }).innerText()).toBe('Cột C — Nội dung nhiệm vụ');
    expect(await dialog.getByRole('combobox', { name: 'Cột cơ quan chủ trì' }).innerText()).toBe('Cột D — Đơn vị chủ trì');
    expect(await dialog.getByRole('combobox', { name: 'Cột thời gian thực hiện' }).innerText()).toBe('Cột F — Thời hạn');
    await screenshot(page, 'task-grid-import-mapping');
    await dialog.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect.poll(() => dialog.getByRole('table', { name: 'Tên cơ quan cần xem lại' }).innerText()).toContain('Hội Nông dân tỉnh');
    expect(await contents(page)).toHaveLength(4); // nothing added before the user confirms
    await dialog.getByRole('combobox', { name: 'Cơ quan cho "Hội Nông dân tỉnh"' }).fill('tu phap');
    await page.getByRole('option', { name: 'Sở Tư pháp' }).click();
    await screenshot(page, 'task-grid-import-review');
    await dialog.getByRole('button', { name: 'Thêm 2 nhiệm vụ' }).click();
    await expect.poll(() => contents(page)).toHaveLength(6);
    expect((await contents(page)).map((c) => c.slice(0, 20))).toEqual([
      'Đẩy mạnh công tác th',
      'Triển khai các quy đ',
      'Vận động người dân t',
      'Phối hợp tổ chức hội',
      'Rà soát, đơn giản hó',
      'Công khai kết quả gi',
    ]);
    expect(await cell(page, 4, 'lead').innerText()).toBe('Sở Tư pháp');

    // saved by the plan's own autosave, then exported
    await expect.poll(() => page.getByText(/Đã lưu lúc/).isVisible(), { timeout: 15_000 }).toBe(true);
    const stored = await call<Plan>('getPlan', { id: plan.id });
    expect(stored.tasks.map((t) => t.deadline)).toEqual([
      { kind: 'thuong-xuyen' },
      { kind: 'thang', month: 6, year: 2022 },
      { kind: 'quy', quarter: 3, year: 2022 },
      { kind: 'quy', quarter: 4, year: 2022 },
      { kind: 'ngay', date: '2022-11-30' },
      { kind: 'quy', quarter: 2, year: 2022 },
    ]);
    expect(stored.tasks[1]!.lead).toEqual({ type: 'text', text: 'Hội Cựu chiến binh tỉnh' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất .docx' }).click()]);
    const xml = await (await JSZip.loadAsync(fs.readFileSync((await download.path())!))).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    const at = (s: string) => text.indexOf(s);
    const order = ['Đẩy mạnh công tác thông tin', 'Triển khai các quy định về bầu', 'Vận động người dân tham gia', 'Phối hợp tổ chức hội nghị', 'Rà soát, đơn giản hóa', 'Công khai kết quả giải quyết'].map(at);
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(at('trên Cổng &quot;Dịch vụ công&quot; của tỉnh.') > 0 || at('trên Cổng "Dịch vụ công" của tỉnh.') > 0).toBe(true);
  });

  it('shows a plan of twenty tasks readably', { timeout: 60_000 }, async () => {
    const { page } = session;
    const agencies = await call<Agency[]>('listAgencies', { query: '', tier: null, includeInactive: false });
    const byName = (n: string) => ({ type: 'agency' as const, agencyId: agencies.find((a) => a.shortName === n)!.id });
    const codes = papi.components.filter((c) => c.firstYear <= 2021 && (c.lastYear === null || c.lastYear >= 2021) && c.parentId !== null).slice(0, 10);
    const leads = ['Sở Nội vụ', 'Sở Tư pháp', 'Sở Thông tin và Truyền thông', 'Văn phòng UBND tỉnh'];
    const tasks: TaskInput[] = Array.from({ length: 20 }, (_, i) => ({
      componentId: codes[i % codes.length]!.id,
      componentLabel: '',
      content: i % 4 === 0 ? `Nhiệm vụ ${i + 1}: tăng cường tuyên truyền, phổ biến chính sách, pháp luật\ntới các tầng lớp Nhân dân.` : `Nhiệm vụ ${i + 1}: rà soát, kiểm tra việc thực hiện.`,
      lead: byName(leads[i % leads.length]!),
      coordinators: i % 3 === 0 ? [byName('Sở Tư pháp')] : [],
      deadline: i % 2 ? { kind: 'quy', quarter: (i % 4) + 1, year: 2022 } : { kind: 'thuong-xuyen' },
      expectedOutput: '',
    }));
    const plan = await planWith(tasks);
    await page.goto(`${session.web.url}#/ke-hoach/${plan.id}`);
    await expect.poll(() => page.getByRole('tab', { name: 'Phụ lục nhiệm vụ (20)' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Sắp xếp theo thứ tự chỉ số thành phần' }).click();
    await expect.poll(async () => (await contents(page))[1]?.slice(0, 12)).toBe('Nhiệm vụ 11:');
    await page.waitForTimeout(400); // let the message finish appearing
    await screenshot(page, 'task-grid-20');

    // an agency is picked from the list by keyboard alone
    await taskCell(page, 1, 'lead').click();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('tu phap');
    await expect.poll(() => page.getByRole('option', { name: 'Sở Tư pháp' }).isVisible()).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => taskCell(page, 1, 'lead').innerText()).toBe('Sở Tư pháp');
    expect(await page.locator('.MuiDataGrid-cell--editing').count()).toBe(0);

    // pasting while a cell is being edited goes into that cell's text, not over the table
    await taskCell(page, 1, 'expectedOutput').click();
    await page.keyboard.press('Enter');
    await pasteTsv(page, 'X\tY\r\nZ\tW\r\n');
    expect(await page.getByText(/^Đã dán/).count()).toBe(0);
    await page.keyboard.press('Escape');
    expect(await page.getByRole('tab', { name: 'Phụ lục nhiệm vụ (20)' }).isVisible()).toBe(true);
    expect(await taskCell(page, 2, 'expectedOutput').innerText()).toBe('');

    // a pasted block is undone in one step
    await taskCell(page, 2, 'content').click();
    await pasteTsv(page, 'Dán đè một\tSở Tư pháp\r\nDán đè hai\tSở Nội vụ\r\n');
    await expect.poll(async () => (await contents(page)).slice(1, 3)).toEqual(['Dán đè một', 'Dán đè hai']);
    expect(await taskCell(page, 3, 'lead').innerText()).toBe('Sở Nội vụ');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await contents(page)).slice(1, 2)).toEqual(['Nhiệm vụ 11: rà soát, kiểm tra việc thực hiện.']);
    expect((await contents(page))[2]!.slice(0, 12)).toBe('Nhiệm vụ 2: ');
  });
});
