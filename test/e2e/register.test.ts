import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VALID_PROFILE } from '../fixtures/profile';
import { SIGNABLE_CONG_VAN } from '../fixtures/documents';
import { openSession, screenshot, type Session } from './harness';

let session: Session;

async function request<T>(name: string, input: unknown): Promise<T> {
  const result = await session.web.backend.dispatch(name, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.data as T;
}

async function congVan(title: string): Promise<{ id: number; revision: number }> {
  const d = await request<{ id: number; revision: number; draftYear: number; content: Record<string, unknown> }>('createDraft', { kind: 'cong-van', year: 2026, template: null });
  // complete enough to be issued: a body and a Nơi nhận line
  const content = { ...d.content, ...SIGNABLE_CONG_VAN };
  return request('saveDraft', { id: d.id, revision: d.revision, title, draftYear: d.draftYear, content });
}

beforeAll(async () => {
  session = await openSession();
  await request('saveIssuer', VALID_PROFILE);
  const issued = await congVan('rà soát, sắp xếp biên chế năm 2026');
  await request('issueRecord', { recordType: 'document', id: issued.id, revision: issued.revision, number: 1250, date: '2026-03-05' });
  await congVan('tăng cường kỷ luật, kỷ cương hành chính');
  // a công văn withdrawn for correction, as the lifecycle leaves it: back to draft, its issue kept as history
  const corrected = await congVan('đôn đốc báo cáo biên chế');
  session.web.backend.database.sqlite
    .prepare(
      `INSERT INTO issued_copies (record_type, record_id, kind, issuer_id, year, number, code, issued_date, title, legacy, issued_by, issued_at, withdrawn_at, withdrawn_by, withdraw_reason)
       VALUES ('document', ?, 'cong-van', 1, 2026, 7, 'UBND-NV', '2026-02-01', 'đôn đốc báo cáo biên chế', 1, 'Văn thư', '2026-02-01', '2026-02-03', 'Văn thư', 'sai tên cơ quan nhận')`,
    )
    .run(corrected.id);
});
afterAll(async () => {
  await session?.close();
});

describe('Sổ văn bản', () => {
  it('finds a document by "1250" and by "1250/UBND", shows the status and history, and exports the book', async () => {
    const { page } = session;
    await page.getByRole('navigation').getByRole('link', { name: 'Sổ văn bản', exact: true }).click();
    const register = page.getByRole('grid', { name: 'Sổ văn bản' });
    // the grid's code loads with the page the first time
    await expect.poll(async () => register.locator('.MuiDataGrid-row').count(), { timeout: 15_000 }).toBe(3);
    await screenshot(page, 'register-book');

    const search = page.getByRole('textbox', { name: 'Tìm theo số, ký hiệu hoặc trích yếu' });
    for (const query of ['1250', '1250/UBND']) {
      await search.fill(query);
      await expect.poll(async () => (await register.locator('.MuiDataGrid-row').count()) === 1 && (await register.innerText()).includes('V/v rà soát, sắp xếp biên chế')).toBe(true);
    }
    const row = await register.locator('.MuiDataGrid-row').innerText();
    for (const text of ['1250', 'UBND-NV', '05/03/2026', 'Công văn', 'Ủy ban nhân dân tỉnh Bắc Kạn', 'Phạm Duy Hưng', 'Đã ban hành']) expect(row).toContain(text);
    await screenshot(page, 'register-search');

    await search.fill('');
    await page.getByRole('combobox', { name: 'Trạng thái' }).click();
    await page.getByRole('option', { name: 'Đang đính chính' }).click();
    await expect.poll(async () => (await register.locator('.MuiDataGrid-row').count()) === 1 && (await register.innerText()).includes('đã thu hồi 1 lần')).toBe(true);
    await page.getByRole('combobox', { name: 'Trạng thái' }).click();
    await page.getByRole('option', { name: 'Tất cả' }).click();
    await expect.poll(async () => register.locator('.MuiDataGrid-row').count()).toBe(3);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất sổ (.xlsx)' }).click()]);
    expect(download.suggestedFilename()).toBe('so-dang-ky-van-ban-di.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('SỔ ĐĂNG KÝ VĂN BẢN ĐI');
    // the withdrawn 07 (its number stays taken) then 1250, in the order numbers were given; the draft not at all
    expect([sheet.getCell('A4').value, sheet.getCell('A5').value, sheet.rowCount]).toEqual(['07/UBND-NV', '1250/UBND-NV', 5]);
    expect(sheet.getCell('H4').value).toContain('thu hồi: sai tên cơ quan nhận');
  });

  it('shows 2,000 records in pages of 100 rows, drawing only the rows in view', async () => {
    const { page } = session;
    const { sqlite } = session.web.backend.database;
    const insert = sqlite.prepare("INSERT INTO documents (kind, title, draft_year, content_json, search_key, created_at, updated_at) VALUES ('cong-van', ?, 2026, ?, ?, ?, ?)");
    const content = JSON.stringify({ signer: { name: 'Phạm Duy Hưng' } });
    sqlite.transaction(() => {
      for (let n = 1; n <= 2000; n++) insert.run(`báo cáo số ${n}`, content, `bao cao so ${n}`, '2026-01-01T00:00:00Z', `2026-01-02T00:00:00.${String(n).padStart(4, '0')}Z`);
    })();
    await page.reload();
    const register = page.getByRole('grid', { name: 'Sổ văn bản' });
    // the MIT grid pages by at most 100 rows; within a page only the rows in view are in the page
    await expect.poll(async () => page.getByText('1–100 / 2.003').count(), { timeout: 15_000 }).toBe(1);
    expect(await register.getAttribute('aria-rowcount')).toBe('2004');
    expect(await register.locator('.MuiDataGrid-row').count()).toBeLessThan(60);
    await page.getByRole('button', { name: 'Tới trang tiếp theo' }).click();
    await expect.poll(async () => page.getByText('101–200 / 2.003').count()).toBe(1);
    expect(await register.locator('.MuiDataGrid-row').count()).toBeLessThan(60);
    await screenshot(page, 'register-pages');
  });
});
