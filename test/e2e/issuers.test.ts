import fs from 'node:fs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VALID_PROFILE } from '../fixtures/profile';
import { openSession, screenshot, type Session } from './harness';

let session: Session;
let draftId: number;
const call = async <T>(name: string, input: unknown): Promise<T> => {
  const r = await session.web.backend.dispatch(name, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.data as T;
};

beforeAll(async () => {
  session = await openSession();
  await call('saveIssuer', { ...VALID_PROFILE, label: 'UBND tỉnh' });
  const d = await call<{ id: number; revision: number; content: Record<string, unknown> }>('createDraft', { kind: 'cong-van', year: 2026, template: null });
  draftId = d.id;
  await call('saveDraft', {
    id: d.id,
    revision: d.revision,
    title: 'tổng hợp báo cáo cải cách hành chính',
    draftYear: 2026,
    content: {
      ...d.content,
      body: [{ type: 'paragraph', text: 'Đề nghị các cơ quan gửi báo cáo đúng hạn.' }],
      distribution: { ...(d.content.distribution as object), lines: [{ type: 'text', text: 'Các sở, ban, ngành', note: '' }] },
    },
  });
});
afterAll(async () => {
  await session?.close();
});

const field = (label: string) => session.page.getByRole('textbox', { name: label, exact: true });

describe('several issuing bodies (browser mode)', () => {
  it('adds "Sở Nội vụ" beside "UBND tỉnh" in Cài đặt', async () => {
    const { page } = session;
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${session.web.url}#/cai-dat`);
    await page.getByRole('button', { name: 'Thêm cơ quan ban hành' }).click();
    await field('Tên gọi trong danh sách').fill('Sở Nội vụ');
    await field('Tên cơ quan chủ quản (nếu có)').fill('UBND TỈNH BẮC KẠN');
    await field('Tên cơ quan ban hành').fill('SỞ NỘI VỤ');
    await field('Tên cơ quan ban hành khi viết trong câu').fill('Sở Nội vụ tỉnh Bắc Kạn');
    await field('Viết tắt trong số ký hiệu').fill('SNV');
    await field('Đơn vị soạn thảo (dòng Lưu)').fill('CCHC');
    await field('Địa danh ghi ở dòng ngày tháng').fill('Chợ Mới');
    await page.getByRole('button', { name: /Thêm dòng thẩm quyền/ }).click();
    await field('Dòng thẩm quyền 1').fill('KT. GIÁM ĐỐC');
    await field('Chức vụ người ký').fill('PHÓ GIÁM ĐỐC');
    await field('Họ tên người ký').fill('Lê Thị Hoa');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    const table = page.getByRole('table', { name: 'Các cơ quan ban hành' });
    await expect.poll(() => table.innerText()).toContain('Sở Nội vụ');
    const rows = (await table.getByRole('row').allInnerTexts()).map((r) => r.replace(/\s+/g, ' '));
    expect(rows[1]).toMatch(/^UBND tỉnh Mặc định UBND Bắc Kạn Phạm Duy Hưng/);
    expect(rows[2]).toMatch(/^Sở Nội vụ SNV Chợ Mới Lê Thị Hoa/);
    await page.getByRole('button', { name: 'Đóng' }).click();
    await screenshot(page, 'settings-issuers-list');
  });

  it('edits the number series of the Sở: merges Thông báo into the Công văn series, refuses a kind left without a series', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Sổ đăng ký của Sở Nội vụ' }).click();
    const editor = page.getByRole('region', { name: 'Sổ đăng ký văn bản đi của Sở Nội vụ' });
    await expect.poll(() => editor.getByTestId('number-series').count()).toBe(8);
    expect(await editor.innerText()).toContain('Số văn bản chạy từ 01 mỗi năm, riêng cho từng sổ; một số chỉ cấp cho một văn bản');
    // listed by name: Báo cáo, Chỉ thị, Công văn, Giấy mời, Kế hoạch, Quyết định, Thông báo, Tờ trình
    const row = (i: number) => editor.getByTestId('number-series').nth(i);
    const congVan = row(2);
    expect(await congVan.getByRole('textbox', { name: 'Tên sổ' }).inputValue()).toBe('Công văn');
    await congVan.getByRole('button', { name: 'Thông báo' }).click();
    await congVan.getByRole('textbox', { name: 'Tên sổ' }).fill('Công văn và thông báo');
    await congVan.getByRole('button', { name: 'Lưu sổ' }).click();
    await expect.poll(() => editor.getByText('Đã lưu sổ "Công văn và thông báo".').isVisible()).toBe(true);
    await expect.poll(() => editor.innerText()).toContain('chưa đánh số loại nào');
    await screenshot(page, 'settings-number-series');

    // Kế hoạch taken out of its only series: refused, naming the kind
    const keHoach = row(4);
    expect(await keHoach.getByRole('textbox', { name: 'Tên sổ' }).inputValue()).toBe('Kế hoạch');
    await keHoach.getByRole('button', { name: 'Kế hoạch' }).click();
    await keHoach.getByRole('button', { name: 'Chỉ thị' }).click();
    await keHoach.getByRole('button', { name: 'Lưu sổ' }).click();
    await expect.poll(() => editor.getByRole('alert').filter({ hasText: 'Loại văn bản chưa có sổ' }).innerText()).toContain('Loại văn bản chưa có sổ nào đánh số: Kế hoạch.');
    const series = await call<{ name: string; kinds: string[] }[]>('listNumberSeries', { issuerId: 2 });
    expect(series.find((s) => s.name === 'Kế hoạch')?.kinds).toEqual(['ke-hoach']);
    expect(series.find((s) => s.name === 'Công văn và thông báo')?.kinds).toEqual(['thong-bao', 'cong-van']);

    const emptied = row(6);
    expect(await emptied.getByRole('textbox', { name: 'Tên sổ' }).inputValue()).toBe('Thông báo');
    await emptied.getByRole('button', { name: 'Xóa sổ' }).click();
    await expect.poll(() => editor.getByText('Đã xóa sổ "Thông báo".').isVisible()).toBe(true);
    expect(await editor.getByTestId('number-series').count()).toBe(7);
  });

  it('makes a Công văn for the Sở and exports it with the Sở’s header and place', async () => {
    const { page } = session;
    await page.goto(`${session.web.url}#/cong-van/${draftId}`);
    await page.getByRole('combobox', { name: 'Cơ quan ban hành' }).click();
    await page.getByRole('option', { name: 'Sở Nội vụ' }).click();
    // the signer is not replaced unasked
    await expect.poll(() => page.getByRole('dialog').innerText()).toContain('Người ký mặc định của Sở Nội vụ: KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / Lê Thị Hoa');
    await screenshot(page, 'issuer-picker-asks');
    await page.getByRole('button', { name: 'Dùng người ký của Sở Nội vụ' }).click();
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(async () => (await call<{ issuerId: number }>('getDraft', { id: draftId })).issuerId).toBe(2);
    expect((await call<{ content: { signer: { name: string } } }>('getDraft', { id: draftId })).content.signer.name).toBe('Lê Thị Hoa');

    await screenshot(page, 'cong-van-for-so');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất .docx' }).first().click()]);
    const zip = await JSZip.loadAsync(fs.readFileSync((await download.path())!));
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(text).toContain('SỞ NỘI VỤ');
    expect(text).toContain('UBND TỈNH BẮC KẠN');
    expect(text).toContain('Chợ Mới, ngày');
    expect(text).not.toContain('Bắc Kạn, ngày');
    expect(text).toContain('Lê Thị Hoa');
  });

  it('refuses to delete the Sở while its Công văn uses it', async () => {
    const { page } = session;
    await page.goto(`${session.web.url}#/cai-dat`);
    await page.getByRole('button', { name: 'Xóa Sở Nội vụ' }).click();
    await expect.poll(() => page.getByRole('alert').first().innerText()).toContain('Không xóa được "Sở Nội vụ" vì đang được dùng: 1 văn bản');
    expect(await call<unknown[]>('listIssuers', {})).toHaveLength(2);
  });

  it('lets a signer profile serve one issuer', async () => {
    const { page } = session;
    await page.getByRole('tab', { name: 'Người ký' }).click();
    await page.getByRole('textbox', { name: 'Tên gọi' }).fill('Giám đốc Sở ký');
    await page.getByRole('combobox', { name: 'Dùng cho' }).click();
    await page.getByRole('option', { name: 'Sở Nội vụ' }).click();
    await page.getByRole('textbox', { name: 'Chức vụ người ký' }).fill('GIÁM ĐỐC');
    await page.getByRole('textbox', { name: 'Họ tên người ký' }).fill('Trần Văn Minh');
    await page.getByRole('button', { name: 'Lưu người ký' }).click();
    const table = page.getByRole('table', { name: 'Người ký đã lưu' });
    await expect.poll(() => table.innerText()).toContain('Sở Nội vụ');
    expect(await call<{ label: string; issuerId: number | null }[]>('listSignerProfiles', {})).toEqual([expect.objectContaining({ label: 'Giám đốc Sở ký', issuerId: 2 })]);
    await screenshot(page, 'settings-signers-issuer');
  });
});
