import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planInput, type Plan } from '../../shared/plans';
import { VALID_PROFILE } from '../fixtures/profile';
import { openSession, screenshot, type Session } from './harness';

let session: Session;

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await session.web.backend.dispatch(name, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.data as T;
}

const PLAN_COUNT = 2000;
// Names whose Vietnamese order differs from code-point order (Đ after every Latin letter there).
const NAMED = ['Dân vận khéo năm 2024', 'Đắk Lắk: hỗ trợ cải cách năm 2024', 'Đào tạo công chức năm 2024', 'Dự án số hóa năm 2024', 'Ê-đê: tiếng dân tộc năm 2024', 'An toàn thông tin năm 2024'];
const LAST = 'Kế hoạch cuối danh sách về Sở Nội vụ';

/** 2,000 plans in one transaction: one made by the backend, copied row by row with other titles. */
async function seedPlans(): Promise<void> {
  const plan = await call<Plan>('createBlankPlan', { year: 2024 });
  const { sqlite } = session.web.backend.database;
  const copy = sqlite.prepare(
    `INSERT INTO plans (title, index_id, index_year, draft_year, body_json, grouping, appendix_title, distribution_json, signer_json, search_key, created_at, updated_at, issuer_id)
     SELECT ?, index_id, index_year, draft_year, body_json, grouping, appendix_title, distribution_json, signer_json, ?, created_at, ?, issuer_id FROM plans WHERE id = ?`,
  );
  const titles = [...NAMED, ...Array.from({ length: PLAN_COUNT - NAMED.length - 2 }, (_, i) => `Kế hoạch công tác số ${i + 1}`), LAST];
  sqlite.transaction(() => {
    // newest first in the list: the last title gets the oldest date, so it is the last row
    titles.forEach((title, i) => copy.run(title, title.toLowerCase(), `2025-12-31T00:00:00.${String(9999 - i).padStart(4, '0')}Z`, plan.id));
    sqlite.prepare('UPDATE plans SET updated_at = ? WHERE id = ?').run('2026-01-01T00:00:00Z', plan.id);
  })();
}

beforeAll(async () => {
  session = await openSession();
  await call('saveIssuer', VALID_PROFILE);
  await call('loadSampleAgencies', {});
});
afterAll(async () => {
  await session?.close();
});

const grid = (name: string) => session.page.getByRole('grid', { name });
/** The row elements the grid has put in the page (the header row is not one). */
const renderedRows = (name: string) => grid(name).locator('.MuiDataGrid-row');
const titles = (name: string, field: string) => grid(name).locator(`.MuiDataGrid-row [data-field="${field}"]`).allInnerTexts();

describe('Lists (virtualised grids)', () => {
  it('shows 2,000 plans without drawing 2,000 rows, sorts them in Vietnamese order and finds the last one', async () => {
    await seedPlans();
    const { page } = session;
    await page.goto(`${session.web.url}#/ke-hoach`);
    const plans = grid('Danh sách kế hoạch');
    // the grid knows every row (aria-rowcount counts the header row too) but draws only those in view
    await expect.poll(() => plans.getAttribute('aria-rowcount'), { timeout: 15_000 }).toBe(String(PLAN_COUNT + 1));
    await expect.poll(() => renderedRows('Danh sách kế hoạch').count()).toBeGreaterThan(5);
    expect(await renderedRows('Danh sách kế hoạch').count()).toBeLessThan(100);
    await screenshot(page, 'lists-plans');

    // the MIT grid pages by 100 (its maximum); within a page only the rows in view are drawn.
    // The last page, scrolled to its end, brings the last plan into the page, still a window of rows.
    await expect.poll(() => page.getByText(`1–100 / ${PLAN_COUNT.toLocaleString('vi-VN')}`).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Tới trang cuối cùng' }).click();
    await expect.poll(() => page.getByText(`1901–2000 / ${PLAN_COUNT.toLocaleString('vi-VN')}`).isVisible()).toBe(true);
    await plans.locator('.MuiDataGrid-virtualScroller').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect.poll(() => page.getByRole('gridcell', { name: LAST }).isVisible()).toBe(true);
    expect(await renderedRows('Danh sách kế hoạch').count()).toBeLessThan(100);
    await screenshot(page, 'lists-plans-last');
    await page.getByRole('button', { name: 'Tới trang đầu tiên' }).click();

    // sort by Trích yếu: "An…", the D-words, then Đ ("Đào" < "Đắk": a < ă), then Ê, as Vietnamese orders them
    await plans.getByRole('columnheader', { name: 'Trích yếu' }).click();
    await expect.poll(async () => (await titles('Danh sách kế hoạch', 'title')).slice(0, 6)).toEqual([
      'An toàn thông tin năm 2024',
      'Dân vận khéo năm 2024',
      'Dự án số hóa năm 2024',
      'Đào tạo công chức năm 2024',
      'Đắk Lắk: hỗ trợ cải cách năm 2024',
      'Ê-đê: tiếng dân tộc năm 2024',
    ]);
    // numbers inside titles by value
    expect((await titles('Danh sách kế hoạch', 'title')).slice(6, 9)).toEqual(['Kế hoạch công tác số 1', 'Kế hoạch công tác số 2', 'Kế hoạch công tác số 3']);
    await screenshot(page, 'lists-plans-sorted');

    // the filter ignores diacritics, đ/d included
    const search = page.getByRole('textbox', { name: 'Tìm kế hoạch' });
    await search.fill('dak lak');
    await expect.poll(() => titles('Danh sách kế hoạch', 'title')).toEqual(['Đắk Lắk: hỗ trợ cải cách năm 2024']);
    await search.fill('so noi vu');
    await expect.poll(() => titles('Danh sách kế hoạch', 'title')).toEqual([LAST]);
    await screenshot(page, 'lists-plans-filtered');

    // a click on the row opens it
    await page.getByRole('gridcell', { name: LAST }).click();
    await expect.poll(() => page.url()).toMatch(/#\/ke-hoach\/\d+$/);
    await expect.poll(() => page.getByRole('heading', { name: `Kế hoạch: ${LAST}` }).isVisible()).toBe(true);
  });

  it('opens a plan from the keyboard', async () => {
    const { page } = session;
    await page.goto(`${session.web.url}#/ke-hoach`);
    await page.getByRole('textbox', { name: 'Tìm kế hoạch' }).fill('dan van kheo');
    const cell = page.getByRole('gridcell', { name: 'Dân vận khéo năm 2024' });
    await expect.poll(() => cell.isVisible(), { timeout: 15_000 }).toBe(true);
    // Tab from the search box goes to the grid's header; ArrowDown to the first row, Enter opens it
    await page.getByRole('textbox', { name: 'Tìm kế hoạch' }).press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[role="grid"]')?.getAttribute('aria-label') ?? '')).toBe('Danh sách kế hoạch');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { name: 'Kế hoạch: Dân vận khéo năm 2024' }).isVisible()).toBe(true);
  });

  it('finds an agency without diacritics and sorts the agencies in Vietnamese order', async () => {
    const { page } = session;
    await page.goto(`${session.web.url}#/co-quan`);
    const agencies = grid('Danh mục cơ quan');
    await expect.poll(() => renderedRows('Danh mục cơ quan').count(), { timeout: 15_000 }).toBeGreaterThan(5);
    await agencies.getByRole('columnheader', { name: 'Tên viết gọn' }).click();
    await expect.poll(async () => (await titles('Danh mục cơ quan', 'shortName')).length).toBeGreaterThan(5);
    const names = await titles('Danh mục cơ quan', 'shortName');
    expect(names).toEqual([...names].sort(new Intl.Collator('vi').compare));
    await screenshot(page, 'lists-agencies');
    await page.getByRole('textbox', { name: 'Tìm cơ quan' }).fill('so noi vu');
    await expect.poll(() => titles('Danh mục cơ quan', 'shortName')).toEqual(['Sở Nội vụ']);
    // every action of a row is still there, by name
    for (const action of ['Sửa Sở Nội vụ', 'Ngừng sử dụng Sở Nội vụ', 'Xóa Sở Nội vụ']) expect(await agencies.getByRole('menuitem', { name: action }).or(agencies.getByRole('button', { name: action })).count()).toBe(1);
    await screenshot(page, 'lists-agencies-filtered');

    // a click or Enter on the row opens it (the edit dialog); End reaches the row's actions from the keyboard
    const dialog = page.getByRole('dialog', { name: 'Sửa thông tin cơ quan' });
    await agencies.getByRole('gridcell', { name: 'Sở Nội vụ', exact: true }).click();
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await page.keyboard.press('End');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Sửa Sở Nội vụ');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Ngừng sử dụng Sở Nội vụ');
    // Enter on an action does that action only, it does not also open the row
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('Đã ngừng sử dụng "Sở Nội vụ".').isVisible()).toBe(true);
    expect(await dialog.count()).toBe(0);
    await page.getByRole('checkbox', { name: 'Hiện cả cơ quan ngừng sử dụng' }).check();
    // so does a click
    await agencies.getByRole('button', { name: 'Dùng lại Sở Nội vụ' }).click();
    await expect.poll(() => page.getByText('Đã dùng lại "Sở Nội vụ".').isVisible()).toBe(true);
    expect(await dialog.count()).toBe(0);

    // "Xếp theo thứ tự Nơi nhận" is the sort by Thứ tự
    await page.getByRole('textbox', { name: 'Tìm cơ quan' }).fill('');
    await page.getByRole('checkbox', { name: 'Xếp theo thứ tự Nơi nhận' }).check();
    await expect.poll(async () => (await titles('Danh mục cơ quan', 'protocolOrder')).length).toBeGreaterThan(5);
    const order = (await titles('Danh mục cơ quan', 'protocolOrder')).map(Number);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(await agencies.getByRole('columnheader', { name: 'Thứ tự' }).getAttribute('aria-sort')).toBe('ascending');
  });

  it('filters the Công văn list without diacritics and opens one with Enter', async () => {
    const { page } = session;
    for (const title of ['tăng cường kỷ luật, kỷ cương hành chính', 'đôn đốc báo cáo biên chế']) {
      const d = await call<{ id: number; revision: number; draftYear: number; content: unknown }>('createDraft', { kind: 'cong-van', year: 2026, template: null });
      await call('saveDraft', { id: d.id, revision: d.revision, title, draftYear: d.draftYear, content: d.content });
    }
    await page.goto(`${session.web.url}#/cong-van`);
    const list = grid('Sổ văn bản');
    await expect.poll(() => renderedRows('Sổ văn bản').count(), { timeout: 15_000 }).toBe(2);
    await page.getByRole('textbox', { name: 'Tìm công văn' }).fill('don doc');
    await expect.poll(() => titles('Sổ văn bản', 'title')).toEqual(['V/v đôn đốc báo cáo biên chế']);
    await screenshot(page, 'lists-cong-van');
    await list.getByRole('gridcell', { name: 'Dự thảo' }).click();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toMatch(/#\/cong-van\/\d+$/);
    await expect.poll(() => page.getByRole('textbox', { name: 'Trích yếu (sau "V/v")', exact: true }).inputValue()).toBe('đôn đốc báo cáo biên chế');
  });

  it('copies a plan for next year after showing what changes, and the copy is what was shown', async () => {
    const { page } = session;
    const plan = await call<Plan>('createBlankPlan', { year: 2022 });
    const saved = await call<Plan>('savePlan', {
      ...planInput(plan),
      title: 'Kế hoạch nâng cao Chỉ số PAPI năm 2022, thực hiện Nghị định số 30/2020/NĐ-CP',
      appendixTitle: 'Các nhiệm vụ nâng cao Chỉ số PAPI năm 2022 giai đoạn 2021 – 2025',
      body: [{ type: 'heading', level: 1, number: 'I', text: 'MỤC ĐÍCH, YÊU CẦU NĂM 2022' }, { type: 'paragraph', text: 'Năm 2022, tỉnh đạt 42,153 điểm.' }],
      tasks: [{ componentId: null, componentLabel: '', content: 'Tuyên truyền', lead: { type: 'text', text: 'Sở Nội vụ' }, coordinators: [], deadline: { kind: 'ngay', date: '2022-06-30' }, expectedOutput: '' }],
    });
    await page.goto(`${session.web.url}#/ke-hoach/${saved.id}`);
    await page.getByRole('button', { name: 'Nhân bản cho năm sau…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nhân bản cho năm sau' });
    const changes = dialog.getByRole('table', { name: 'Các thay đổi khi nhân bản' });
    await expect.poll(() => changes.isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(async () => (await changes.locator('tbody tr').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
      'Trích yếu Kế hoạch nâng cao Chỉ số PAPI năm 2022, thực hiện Nghị định số 30/2020/NĐ-CP Kế hoạch nâng cao Chỉ số PAPI năm 2023, thực hiện Nghị định số 30/2020/NĐ-CP',
      'Tên phụ lục Các nhiệm vụ nâng cao Chỉ số PAPI năm 2022 giai đoạn 2021 – 2025 Các nhiệm vụ nâng cao Chỉ số PAPI năm 2023 giai đoạn 2021 – 2025',
      'Đề mục I MỤC ĐÍCH, YÊU CẦU NĂM 2022 MỤC ĐÍCH, YÊU CẦU NĂM 2023',
      'Năm ghi trên dự thảo 2022 2023',
    ]);
    expect(await dialog.getByText('Thời hạn của 1/1 nhiệm vụ lùi sang năm sau').count()).toBe(1);
    await expect.poll(() => dialog.evaluate((el) => getComputedStyle(el.closest('.MuiDialog-root')!.querySelector('.MuiDialog-paper')!).opacity)).toBe('1');
    await screenshot(page, 'lists-next-year-preview');

    // Hủy creates nothing
    const count = async () => (await call<unknown[]>('listPlans', {})).length;
    const before = await count();
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    expect(await dialog.count()).toBe(0);
    expect(await count()).toBe(before);

    await page.getByRole('button', { name: 'Nhân bản cho năm sau…' }).click();
    await dialog.getByRole('button', { name: 'Tạo dự thảo năm 2023' }).click();
    await expect.poll(() => page.url()).not.toMatch(new RegExp(`#/ke-hoach/${saved.id}$`));
    const copyId = Number(/(\d+)$/.exec(page.url())![1]);
    const copy = await call<Plan>('getPlan', { id: copyId });
    expect(copy).toMatchObject({
      status: 'draft',
      draftYear: 2023,
      title: 'Kế hoạch nâng cao Chỉ số PAPI năm 2023, thực hiện Nghị định số 30/2020/NĐ-CP',
      appendixTitle: 'Các nhiệm vụ nâng cao Chỉ số PAPI năm 2023 giai đoạn 2021 – 2025',
      body: [{ type: 'heading', level: 1, number: 'I', text: 'MỤC ĐÍCH, YÊU CẦU NĂM 2023' }, { type: 'paragraph', text: 'Năm 2022, tỉnh đạt 42,153 điểm.' }],
    });
    expect(copy.tasks.map((t) => t.deadline)).toEqual([{ kind: 'ngay', date: '2023-06-30' }]);
    await expect.poll(() => page.getByRole('heading', { name: `Kế hoạch: ${copy.title}` }).isVisible()).toBe(true);
    expect(await count()).toBe(before + 1);
  });
});
