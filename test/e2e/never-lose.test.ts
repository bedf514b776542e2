import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agency, AgencyGroup } from '../../shared/agencies';
import { planInput, type Plan } from '../../shared/plans';
import { VALID_PROFILE } from '../fixtures/profile';
import { dateFieldText, typeDate } from './date-input';
import { openSession, screenshot, type Session } from './harness';

let session: Session;
async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await session.web.backend.dispatch(name, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.data as T;
}
const agencies = () => call<Agency[]>('listAgencies', { query: '', tier: null, includeInactive: true });

beforeAll(async () => {
  session = await openSession();
  await call('saveIssuer', VALID_PROFILE);
});
afterAll(async () => {
  await session?.close();
});

const confirm = () => session.page.getByRole('dialog', { name: 'Bỏ các thay đổi?' });
const isOpen = (l: Locator) => l.isVisible();

/** Escape and a click outside both ask first when something was typed; "Tiếp tục sửa" keeps it, "Bỏ thay đổi" closes. */
async function checkAsksBeforeDiscarding(open: () => Promise<void>, dialog: Locator, field: Locator, typed: string, shot?: string) {
  const { page } = session;
  // unchanged: closes at once, nothing asked
  await open();
  await expect.poll(() => isOpen(dialog)).toBe(true);
  await page.keyboard.press('Escape');
  await expect.poll(() => isOpen(dialog)).toBe(false);
  expect(await confirm().count()).toBe(0);
  await open();
  await page.mouse.click(8, 8);
  await expect.poll(() => isOpen(dialog)).toBe(false);
  expect(await confirm().count()).toBe(0);

  await open();
  await field.fill(typed);
  await page.keyboard.press('Escape');
  await expect.poll(() => isOpen(confirm())).toBe(true);
  if (shot) await screenshot(page, shot);
  await confirm().getByRole('button', { name: 'Tiếp tục sửa' }).click();
  await expect.poll(() => isOpen(confirm())).toBe(false);
  expect(await isOpen(dialog)).toBe(true);
  expect(await field.inputValue()).toBe(typed);

  await page.mouse.click(8, 8);
  await expect.poll(() => isOpen(confirm())).toBe(true);
  await confirm().getByRole('button', { name: 'Tiếp tục sửa' }).click();
  expect(await field.inputValue()).toBe(typed);
  await page.mouse.click(8, 8);
  await expect.poll(() => isOpen(confirm())).toBe(true);
  await confirm().getByRole('button', { name: 'Bỏ thay đổi' }).click();
  await expect.poll(() => isOpen(dialog)).toBe(false);
  expect(await confirm().count()).toBe(0);
}

describe('never lose typed work (browser mode)', () => {
  it('asks before an agency dialog with changes is closed by Escape or a click outside', async () => {
    const { page } = session;
    await page.goto(`${session.web.url}#/co-quan`);
    const dialog = page.getByRole('dialog', { name: 'Thêm cơ quan' });
    await checkAsksBeforeDiscarding(
      () => page.getByRole('button', { name: 'Thêm cơ quan' }).click(),
      dialog,
      dialog.getByRole('textbox', { name: 'Tên đầy đủ' }),
      'Sở Tư pháp tỉnh Bắc Kạn',
      'never-lose-confirm',
    );
    expect((await agencies()).map((a) => a.fullName)).not.toContain('Sở Tư pháp tỉnh Bắc Kạn');
  });

  it('asks before an agency group dialog with changes is closed', async () => {
    const { page } = session;
    await page.goto(`${session.web.url}#/co-quan`);
    await page.getByRole('tab', { name: 'Nhóm cơ quan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm nhóm cơ quan' });
    await checkAsksBeforeDiscarding(
      () => page.getByRole('button', { name: 'Thêm nhóm' }).click(),
      dialog,
      dialog.getByRole('textbox', { name: 'Tên nhóm (như in trong Nơi nhận)' }),
      'Các sở, ban, ngành thuộc tỉnh',
    );
    expect(await call<AgencyGroup[]>('listAgencyGroups', {})).toEqual([]);
  });

  it('asks before an index component dialog with changes is closed', async () => {
    const { page } = session;
    await page.goto(`${session.web.url}#/chi-so`);
    await page.getByRole('tab', { name: 'Cấu trúc' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm thành phần' });
    await checkAsksBeforeDiscarding(() => page.getByRole('button', { name: 'Thêm thành phần' }).click(), dialog, dialog.getByRole('textbox', { name: 'Tên' }), 'Thủ tục hành chính công');
  });

  it('keeps an impossible date as typed, shows the error beside it and refuses the save', async () => {
    const { page } = session;
    await call('saveAgency', {
      agency: { fullName: 'Sở Xây dựng tỉnh Bắc Kạn', shortName: 'Sở Xây dựng', abbreviation: 'SXD', tier: 'so-ban-nganh', parentId: null, protocolOrder: 10, email: '', phone: '', validFrom: '2021-01-01', validTo: null, replacedById: null },
      confirmDuplicate: false,
    });
    await page.goto(`${session.web.url}#/co-quan`);
    await page.getByRole('button', { name: 'Sửa Sở Xây dựng' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sửa thông tin cơ quan' });
    expect(await dateFieldText(dialog, 'Hiệu lực từ')).toBe('01/01/2021');

    await typeDate(dialog, 'Hiệu lực từ', '31/02/2022');
    await expect.poll(() => dialog.getByText('Ngày không hợp lệ: 31/02/2022', { exact: true }).isVisible()).toBe(true);
    expect(await dateFieldText(dialog, 'Hiệu lực từ')).toBe('31/02/2022');
    await screenshot(page, 'never-lose-invalid-date');

    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => dialog.getByText('Chưa lưu — Hiệu lực từ: Ngày không hợp lệ: 31/02/2022').isVisible()).toBe(true);
    expect(await dateFieldText(dialog, 'Hiệu lực từ')).toBe('31/02/2022');
    expect((await agencies()).find((a) => a.shortName === 'Sở Xây dựng')?.validFrom).toBe('2021-01-01');

    // the typed date counts as a change: Escape asks
    await page.keyboard.press('Escape');
    await expect.poll(() => isOpen(confirm())).toBe(true);
    await confirm().getByRole('button', { name: 'Tiếp tục sửa' }).click();

    await typeDate(dialog, 'Hiệu lực từ', '28/02/2022');
    await expect.poll(() => dialog.getByText('Ngày không hợp lệ: 31/02/2022', { exact: true }).count()).toBe(0);
    expect(await dateFieldText(dialog, 'Hiệu lực từ')).toBe('28/02/2022');
    expect(await dialog.getByText(/^Chưa lưu — /).count()).toBe(0);
    // the calendar, in Vietnamese; Escape closes only the calendar, not the dialog
    await dialog.getByRole('button', { name: /^Chọn ngày/ }).first().click();
    const calendar = page.getByRole('dialog').filter({ has: page.getByRole('grid') });
    await expect.poll(() => calendar.isVisible()).toBe(true);
    expect(await calendar.innerText()).toContain('Tháng Hai 2022');
    expect(await calendar.getByRole('columnheader').allInnerTexts()).toEqual(['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN']);
    await screenshot(page, 'never-lose-date-picker');
    await page.keyboard.press('Escape');
    await expect.poll(() => calendar.count()).toBe(0);
    expect(await confirm().count()).toBe(0);
    expect(await isOpen(dialog)).toBe(true);

    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => page.getByText('Đã lưu "Sở Xây dựng".').isVisible()).toBe(true);
    expect((await agencies()).find((a) => a.shortName === 'Sở Xây dựng')?.validFrom).toBe('2022-02-28');
  });

  it('refuses to add a report round with an impossible date, keeping what was typed', async () => {
    const { page } = session;
    // a round needs a plan with tasks
    const plan = await call<Plan>('createBlankPlan', { year: 2022 });
    await call('savePlan', {
      ...planInput(plan),
      tasks: [{ componentId: null, componentLabel: '', content: 'Rà soát thủ tục hành chính', lead: { type: 'text', text: 'Sở Tư pháp' }, coordinators: [], deadline: { kind: 'trong-nam', year: 2022 }, expectedOutput: '' }],
    });
    await page.goto(`${session.web.url}#/bao-cao`);
    await expect.poll(() => page.getByRole('button', { name: 'Thêm', exact: true }).isVisible()).toBe(true);
    await typeDate(page, 'Hạn gửi', '31/02/2022');
    await expect.poll(() => page.getByText('Ngày không hợp lệ: 31/02/2022', { exact: true }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Thêm', exact: true }).click();
    await expect.poll(() => page.getByText('Chưa thêm kỳ báo cáo — Hạn gửi: Ngày không hợp lệ: 31/02/2022').isVisible()).toBe(true);
    expect(await dateFieldText(page, 'Hạn gửi')).toBe('31/02/2022');
    for (const p of await call<{ id: number }[]>('listPlans', {})) expect(await call<unknown[]>('listRounds', { planId: p.id })).toEqual([]);

    await typeDate(page, 'Hạn gửi', '28/02/2022');
    await page.getByRole('button', { name: 'Thêm', exact: true }).click();
    await expect.poll(() => page.url()).toMatch(/#\/bao-cao\/\d+$/);
    const rounds = (await Promise.all((await call<{ id: number }[]>('listPlans', {})).map((p) => call<{ dueDate: string }[]>('listRounds', { planId: p.id })))).flat();
    expect(rounds.map((r) => r.dueDate)).toEqual(['2022-02-28']);
  });

  it('keeps an emptied or non-numeric number field as typed, with the error beside it, and refuses the save', async () => {
    const { page } = session;
    await page.goto(`${session.web.url}#/co-quan`);
    await page.getByRole('tab', { name: 'Nhóm cơ quan' }).click();
    await page.getByRole('button', { name: 'Thêm nhóm' }).click();
    const group = page.getByRole('dialog', { name: 'Thêm nhóm cơ quan' });
    await group.getByRole('textbox', { name: 'Tên nhóm (như in trong Nơi nhận)' }).fill('Các huyện, thành phố');
    await group.getByRole('spinbutton', { name: 'Thứ tự' }).fill('');
    expect(await group.getByRole('spinbutton', { name: 'Thứ tự' }).inputValue()).toBe('');
    expect(await group.getByText('Hãy nhập một số', { exact: true }).isVisible()).toBe(true);
    await group.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => group.getByText('Chưa lưu — Thứ tự: Hãy nhập một số').isVisible()).toBe(true);
    expect(await call<AgencyGroup[]>('listAgencyGroups', {})).toEqual([]);
    await group.getByRole('button', { name: 'Hủy' }).click();

    await page.goto(`${session.web.url}#/chi-so`);
    await page.getByRole('tab', { name: 'Cấu trúc' }).click();
    await page.getByRole('button', { name: 'Thêm thành phần' }).click();
    const component = page.getByRole('dialog', { name: 'Thêm thành phần' });
    await component.getByRole('textbox', { name: 'Số thứ tự' }).fill('9');
    await component.getByRole('textbox', { name: 'Tên' }).fill('Thành phần thử nghiệm');
    await component.getByRole('textbox', { name: 'Điểm tối đa' }).fill('mười');
    expect(await component.getByText('Không phải số: mười').isVisible()).toBe(true);
    await component.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => component.getByText(/^Chưa lưu: Điểm tối đa và Trọng số phải là số/).isVisible()).toBe(true);
    expect(await component.getByRole('textbox', { name: 'Điểm tối đa' }).inputValue()).toBe('mười');
    const indices = await call<{ components: { name: string }[] }[]>('listIndices', {});
    expect(indices.flatMap((i) => i.components.map((c) => c.name))).not.toContain('Thành phần thử nghiệm');
    await component.getByRole('button', { name: 'Hủy' }).click();
  });

  it('shows the counter of a field with a length limit and keeps text over the limit', async () => {
    const { page } = session;
    await page.goto(`${session.web.url}#/co-quan`);
    await page.getByRole('button', { name: 'Thêm cơ quan' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm cơ quan' });
    await dialog.getByRole('textbox', { name: 'Tên viết gọn' }).fill('Sở Nội vụ');
    expect(await dialog.getByLabel('Số ký tự: 9/150').isVisible()).toBe(true);
    const long = 'Sở '.repeat(60);
    await dialog.getByRole('textbox', { name: 'Tên viết gọn' }).fill(long);
    expect(await dialog.getByRole('textbox', { name: 'Tên viết gọn' }).inputValue()).toBe(long);
    expect(await dialog.getByText('Dài quá 30 ký tự (tối đa 150)').isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Hủy' }).click();
  });

  it('clears the failed-save message once a later save succeeds and shows when it was saved', async () => {
    const { page } = session;
    const plan = await call<Plan>('createBlankPlan', { year: 2026 });
    await page.goto(`${session.web.url}#/ke-hoach/${plan.id}`);
    await page.getByRole('tab', { name: 'Thông tin chung' }).click();
    const title = page.getByRole('textbox', { name: 'Trích yếu' });
    const status = page.getByRole('status', { name: 'Trạng thái lưu' });
    await title.fill('');
    await expect.poll(() => status.innerText()).toBe('Có thay đổi chưa lưu');
    await expect.poll(() => status.innerText(), { timeout: 15_000 }).toMatch(/^Chưa lưu: /);
    const banner = page.getByRole('alert').filter({ hasText: /^Chưa lưu: / });
    expect(await banner.isVisible()).toBe(true);
    // and beside the field that was refused
    expect(await page.locator('#' + (await title.getAttribute('aria-describedby'))).innerText()).toContain('không được để trống');
    await screenshot(page, 'never-lose-save-failed');
    expect((await call<Plan>('getPlan', { id: plan.id })).title).toBe(plan.title);

    await title.fill('Kế hoạch cải cách hành chính năm 2026');
    await expect.poll(() => status.innerText(), { timeout: 15_000 }).toMatch(/^Đã lưu lúc \d\d:\d\d:\d\d$/);
    expect(await banner.count()).toBe(0);
    expect(await page.getByText('không được để trống').count()).toBe(0);
    await screenshot(page, 'never-lose-saved');
    expect((await call<Plan>('getPlan', { id: plan.id })).title).toBe('Kế hoạch cải cách hành chính năm 2026');
  });
});
