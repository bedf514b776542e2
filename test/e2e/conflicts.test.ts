import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agency } from '../../shared/agencies';
import type { Draft } from '../../shared/drafts';
import type { Plan } from '../../shared/plans';
import { VALID_PROFILE } from '../fixtures/profile';
import { openSession, screenshot, type Session } from './harness';

let session: Session;
let tabB: Page;

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await session.web.backend.dispatch(name, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.data as T;
}

beforeAll(async () => {
  session = await openSession();
  await call('saveIssuer', VALID_PROFILE);
  // a second page of the same browser on the same server (the harness's page owns its context)
  tabB = await session.browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
});
afterAll(async () => {
  await session?.close();
});

const banner = (page: Page) => page.getByTestId('conflict-banner');

describe('two tabs editing the same record (browser mode)', () => {
  it('Kế hoạch: tab B’s autosave is refused, its text stays on screen, tab A’s saved text is kept', async () => {
    const plan = await call<Plan>('createBlankPlan', { year: 2025 });
    const tabA = session.page;
    for (const page of [tabA, tabB]) {
      await page.goto(`${session.web.url}#/ke-hoach/${plan.id}`);
      await page.getByRole('tab', { name: 'Thông tin chung' }).click();
    }
    const titleA = tabA.getByRole('textbox', { name: 'Trích yếu' });
    const titleB = tabB.getByRole('textbox', { name: 'Trích yếu' });
    await expect.poll(() => titleB.inputValue()).toBe('Kế hoạch mới');

    await titleA.fill('Kế hoạch cải cách hành chính năm 2025 (cửa sổ A)');
    await expect.poll(() => tabA.getByText(/Đã lưu lúc/).isVisible(), { timeout: 15_000 }).toBe(true);

    const typedInB = 'Kế hoạch nâng cao Chỉ số PAR INDEX năm 2025 (cửa sổ B, chưa lưu)';
    await titleB.fill(typedInB);
    await expect.poll(() => banner(tabB).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await banner(tabB).innerText()).toMatch(/Kế hoạch "Kế hoạch cải cách hành chính năm 2025 \(cửa sổ A\)" vừa được thay đổi ở cửa sổ khác \(lúc \d\d:\d\d ngày \d\d\/\d\d\/\d{4}\)/);
    expect(await titleB.inputValue()).toBe(typedInB);
    expect(await tabB.getByRole('button', { name: 'Lưu', exact: true }).isDisabled()).toBe(true);
    expect((await call<Plan>('getPlan', { id: plan.id })).title).toBe('Kế hoạch cải cách hành chính năm 2025 (cửa sổ A)');
    await screenshot(tabB, 'conflict-plan-banner');

    // B keeps its version as a new draft plan, then loads A's
    await banner(tabB).getByRole('button', { name: 'Lưu bản của tôi thành bản sao' }).click();
    await expect.poll(() => banner(tabB).getByRole('link', { name: 'Mở bản sao' }).isVisible()).toBe(true);
    const plans = await call<{ id: number; title: string }[]>('listPlans', {});
    expect(plans.map((p) => p.title)).toContain(`Bản sao — ${typedInB}`);
    await banner(tabB).getByRole('button', { name: 'Tải bản mới' }).click();
    await expect.poll(() => titleB.inputValue()).toBe('Kế hoạch cải cách hành chính năm 2025 (cửa sổ A)');
    expect(await banner(tabB).count()).toBe(0);
    expect((await call<Plan>('getPlan', { id: plan.id })).title).toBe('Kế hoạch cải cách hành chính năm 2025 (cửa sổ A)');
  });

  it('Công văn: the same, and "Tải bản mới" asks before replacing what was typed', async () => {
    const draft = await call<Draft>('createDraft', { kind: 'cong-van', year: 2025, template: null });
    const tabA = session.page;
    for (const page of [tabA, tabB]) await page.goto(`${session.web.url}#/cong-van/${draft.id}`);
    const label = 'Trích yếu (sau "V/v")';
    const titleA = tabA.getByRole('textbox', { name: label });
    const titleB = tabB.getByRole('textbox', { name: label });
    await expect.poll(() => titleB.inputValue()).toBe('…');

    await titleA.fill('đôn đốc báo cáo công tác cải cách hành chính quý I');
    await expect.poll(() => tabA.getByText(/Đã lưu lúc/).isVisible(), { timeout: 15_000 }).toBe(true);
    await titleB.fill('tăng cường kỷ luật, kỷ cương hành chính');
    await expect.poll(() => banner(tabB).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await banner(tabB).innerText()).toContain('Công văn "V/v đôn đốc báo cáo công tác cải cách hành chính quý I" vừa được thay đổi ở cửa sổ khác');
    expect(await titleB.inputValue()).toBe('tăng cường kỷ luật, kỷ cương hành chính');
    expect((await call<Draft>('getDraft', { id: draft.id })).title).toBe('đôn đốc báo cáo công tác cải cách hành chính quý I');
    await screenshot(tabB, 'conflict-draft-banner');

    // declining the warning keeps the typed text; accepting it loads A's version
    tabB.once('dialog', (d) => void d.dismiss());
    await banner(tabB).getByRole('button', { name: 'Tải bản mới' }).click();
    expect(await titleB.inputValue()).toBe('tăng cường kỷ luật, kỷ cương hành chính');
    tabB.once('dialog', (d) => void d.accept());
    await banner(tabB).getByRole('button', { name: 'Tải bản mới' }).click();
    await expect.poll(() => titleB.inputValue()).toBe('đôn đốc báo cáo công tác cải cách hành chính quý I');
    expect(await banner(tabB).count()).toBe(0);
  });

  it('Cơ quan: a dialog whose save is refused stays open with what was typed and says why', async () => {
    const fields = { abbreviation: 'STP', tier: 'so-ban-nganh', parentId: null, protocolOrder: 5, email: '', phone: '', validFrom: null, validTo: null, replacedById: null };
    const created = await call<Agency>('saveAgency', { agency: { ...fields, fullName: 'Sở Tư pháp tỉnh Bắc Kạn', shortName: 'Sở Tư pháp' }, confirmDuplicate: false });
    const { page } = session;
    await page.goto(`${session.web.url}#/co-quan`);
    await page.getByRole('button', { name: 'Sửa Sở Tư pháp' }).click();
    const dialog = page.getByRole('dialog');
    // meanwhile, another window saves the same agency
    await call('saveAgency', { agency: { ...fields, id: created.id, revision: created.revision, fullName: 'Sở Tư pháp tỉnh Bắc Kạn', shortName: 'Sở Tư pháp', email: 'stp@backan.gov.vn' }, confirmDuplicate: true });
    await dialog.getByRole('textbox', { name: 'Điện thoại' }).fill('0209 3870 000');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => dialog.getByText(/Cơ quan "Sở Tư pháp" vừa được thay đổi ở cửa sổ khác/).isVisible()).toBe(true);
    expect(await dialog.getByRole('textbox', { name: 'Điện thoại' }).inputValue()).toBe('0209 3870 000');
    const stored = (await call<Agency[]>('listAgencies', { query: 'tu phap', tier: null, includeInactive: true })).find((a) => a.id === created.id)!;
    expect(stored).toMatchObject({ email: 'stp@backan.gov.vn', phone: '' });
    await screenshot(page, 'conflict-agency-dialog');
  });
});
