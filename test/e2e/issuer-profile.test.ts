import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, screenshot, type Session } from './harness';

let session: Session;
beforeAll(async () => {
  session = await openSession();
});
afterAll(async () => {
  await session?.close();
});

const field = (label: string) => session.page.getByRole('textbox', { name: label });

async function savedProfile() {
  const result = await session.web.backend.dispatch('listIssuers', {});
  return result.ok ? (result.data as unknown[])[0] : undefined;
}

describe('Cài đặt → Cơ quan ban hành (browser mode)', () => {
  it('shows the shell with every area', async () => {
    const { page } = session;
    await expect.poll(() => page.getByText('Chưa khai báo cơ quan ban hành').isVisible()).toBe(true);
    for (const label of ['Cơ quan', 'Nơi nhận', 'Chỉ số', 'Kế hoạch', 'Chỉ thị', 'Công văn', 'Báo cáo', 'Cài đặt']) {
      await expect.poll(() => page.getByRole('navigation').getByRole('link', { name: label, exact: true }).count()).toBe(1);
    }
    await screenshot(page, 'shell-home');
    for (const [label, heading] of [['Cơ quan', 'Cơ quan'], ['Chỉ số', 'Chỉ số cải cách hành chính'], ['Kế hoạch', 'Kế hoạch'], ['Sổ văn bản', 'Sổ văn bản'], ['Báo cáo', 'Báo cáo']]) {
      await page.getByRole('navigation').getByRole('link', { name: label, exact: true }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1, name: heading, exact: true }).isVisible()).toBe(true);
    }
  });

  it('is reachable with the keyboard', async () => {
    const { page } = session;
    await page.getByRole('link', { name: 'Cài đặt', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('#/cai-dat');
    await expect.poll(() => page.getByText('Người ký mặc định').isVisible()).toBe(true);
  });

  it('saves the profile, cleans pasted text, and keeps it across a reload', async () => {
    const { page } = session;
    await session.page.getByRole('textbox', { name: 'Tên cơ quan ban hành', exact: true }).fill('ỦY BAN NHÂN DÂN\nTỈNH BẮC KẠN');
    await field('Tên cơ quan ban hành khi viết trong câu').fill('Ủy ban nhân dân tỉnh Bắc Kạn');
    await field('Viết tắt trong số ký hiệu').fill('UBND');
    await field('Đơn vị soạn thảo').fill('NV');
    // as pasted from a PDF: decomposed marks and a no-break space
    await field('Địa danh').fill('Ba\u0306\u0301c\u00a0Ka\u0323n');
    await page.getByRole('button', { name: /Thêm dòng thẩm quyền/ }).click();
    await field('Dòng thẩm quyền 1').fill('TM. ỦY BAN NHÂN DÂN');
    await page.getByRole('button', { name: /Thêm dòng thẩm quyền/ }).click();
    await field('Dòng thẩm quyền 2').fill('KT. CHỦ TỊCH');
    await field('Chức vụ người ký').fill('PHÓ CHỦ TỊCH');
    await field('Họ tên người ký').fill('Phạm Duy Hưng');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(() => page.getByText('Đã lưu thông tin cơ quan ban hành.').isVisible()).toBe(true);
    expect(await field('Địa danh').inputValue()).toBe('Bắc Kạn');
    await screenshot(page, 'settings-issuer-saved');

    await page.reload();
    // the first issuer saved is now in the list, as the default
    await expect.poll(() => page.getByRole('table', { name: 'Các cơ quan ban hành' }).innerText()).toContain('Mặc định');
    await page.getByRole('button', { name: 'Sửa Ủy ban nhân dân tỉnh Bắc Kạn' }).click();
    await expect.poll(() => field('Họ tên người ký').inputValue()).toBe('Phạm Duy Hưng');
    expect(await session.page.getByRole('textbox', { name: 'Tên cơ quan ban hành', exact: true }).inputValue()).toBe('ỦY BAN NHÂN DÂN\nTỈNH BẮC KẠN');
    expect(await field('Dòng thẩm quyền 2').inputValue()).toBe('KT. CHỦ TỊCH');
    expect(await savedProfile()).toMatchObject({ place: 'Bắc Kạn', issuerAbbr: 'UBND', signer: { authority: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'] } });
  });

  it('rejects invalid values with Vietnamese messages and saves nothing', async () => {
    const { page } = session;
    const before = await savedProfile();
    await field('Viết tắt trong số ký hiệu').fill('Ủy ban');
    await field('Dòng thẩm quyền 1').fill('T/M ỦY BAN NHÂN DÂN');
    await field('Địa danh').fill('Thái Nguyên');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Chữ viết tắt' });
    await expect.poll(() => alert.isVisible()).toBe(true);
    const text = await alert.innerText();
    expect(text).toContain('Chữ viết tắt cơ quan ban hành: chỉ gồm chữ cái không dấu');
    expect(text).toContain('Người ký › Dòng thẩm quyền 1: Nghị định 30 viết "TM."');
    // the field itself is marked, with the message beside it
    expect(await field('Viết tắt trong số ký hiệu').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#' + (await field('Viết tắt trong số ký hiệu').getAttribute('aria-describedby'))).innerText()).toMatch(/^chỉ gồm chữ cái/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'settings-issuer-invalid');
    expect(await savedProfile()).toEqual(before);

    await page.reload();
    await page.getByRole('button', { name: 'Sửa Ủy ban nhân dân tỉnh Bắc Kạn' }).click();
    await expect.poll(() => field('Viết tắt trong số ký hiệu').inputValue()).toBe('UBND');
    expect(await field('Địa danh').inputValue()).toBe('Bắc Kạn');
  });

  it('survives a restart of the application on the same data folder', async () => {
    const dataDir = session.dataDir;
    await session.close();
    session = await openSession(dataDir);
    await session.page.goto(`${session.web.url}#/cai-dat`);
    await session.page.getByRole('button', { name: 'Sửa Ủy ban nhân dân tỉnh Bắc Kạn' }).click();
    await expect.poll(() => field('Họ tên người ký').inputValue()).toBe('Phạm Duy Hưng');
    await session.page.goto(session.web.url);
    await expect.poll(() => session.page.getByText('Cơ quan ban hành', { exact: true }).isVisible()).toBe(true);
    expect(await session.page.getByText('ỦY BAN NHÂN DÂN TỈNH BẮC KẠN').isVisible()).toBe(true);
  });
});
