import fs from 'node:fs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkNd30 } from '../documents/nd30-checker';
import { openSession, screenshot, type Session } from './harness';

let session: Session;
beforeAll(async () => {
  session = await openSession();
  const { dispatch } = session.web.backend;
  await dispatch('saveIssuer', {
    parentName: '',
    issuerName: 'ỦY BAN NHÂN DÂN\nTHÀNH PHỐ BẮC KẠN',
    issuerFullName: 'Ủy ban nhân dân thành phố Bắc Kạn',
    issuerAbbr: 'UBND',
    place: 'TP. Bắc Kạn',
    draftingUnitAbbr: 'NV',
    signer: { authority: ['TM. ỦY BAN NHÂN DÂN'], title: 'CHỦ TỊCH', name: 'Hoàng Hà Bắc' },
  });
  await dispatch('saveRecipientList', {
    name: 'Công văn của UBND thành phố',
    kind: 'noi-nhan',
    lines: [
      { type: 'text', text: 'TT Thành ủy', note: '(để b/c)' },
      { type: 'text', text: 'CT, PCT UBND TP', note: '' },
    ],
  });
});
afterAll(async () => {
  await session?.close();
});

const box = (name: string) => session.page.getByRole('textbox', { name, exact: true });

/** Types a block at the end of a body editor, then gives it its kind by keyboard. */
async function addBlock(page: Page, editor: string, kind: 'paragraph' | '-', text: string) {
  const body = page.getByRole('textbox', { name: editor, exact: true });
  await body.click();
  await page.keyboard.press('Control+End');
  if ((await body.innerText()).trim()) await page.keyboard.press('Enter');
  await page.keyboard.insertText(text);
  await page.keyboard.press(kind === '-' ? 'Control+Alt+Minus' : 'Control+Alt+0');
}

async function exportAndCheck(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất .docx' }).first().click()]);
  const buffer = fs.readFileSync(await download.path());
  expect(await checkNd30(buffer)).toEqual([]);
  return (await JSZip.loadAsync(buffer)).file('word/document.xml')!.async('string');
}

describe('Công văn and Chỉ thị editors (browser mode)', () => {
  it('reproduces the Công văn example: V/v, several Kính gửi, "Thứ nhất" items, Nơi nhận starting "Như trên"', async () => {
    const { page } = session;
    await page.goto(`${session.web.url}#/cong-van`);
    await page.getByRole('button', { name: 'Soạn công văn mới' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/cong-van\/\d+$/);
    await box('Trích yếu (sau "V/v")').fill('thực hiện kết luận của Chủ tịch UBND tỉnh tại Hội nghị đánh giá kết quả Chỉ số CCHC cấp tỉnh năm 2022');
    expect(await box('Đơn vị soạn thảo').inputValue()).toBe('NV');
    const kinhGui = page.getByRole('combobox', { name: 'Kính gửi' });
    for (const name of ['Các phòng chuyên môn, đơn vị sự nghiệp công lập thuộc UBND thành phố', 'UBND các xã, phường']) {
      await kinhGui.fill(name);
      await kinhGui.press('Enter');
    }
    await addBlock(page, 'Nội dung công văn', 'paragraph', 'Thực hiện Thông báo số 141/TB-UBND ngày 10 tháng 5 năm 2023, Ủy ban nhân dân thành phố yêu cầu các cơ quan tập trung thực hiện một số nhiệm vụ sau:');
    await addBlock(page, 'Nội dung công văn', '-', 'Thứ nhất, siết chặt kỷ luật, kỷ cương trong hoạt động công vụ.');
    await addBlock(page, 'Nội dung công văn', '-', 'Thứ hai, rà soát, đơn giản hóa thủ tục hành chính.');
    await addBlock(page, 'Nội dung công văn', 'paragraph', 'Với những nội dung trên, yêu cầu các cơ quan, đơn vị, địa phương nghiêm túc tổ chức thực hiện.');

    await page.getByRole('tab', { name: 'Nơi nhận và người ký' }).click();
    await page.getByRole('combobox', { name: 'Chép từ danh sách đã lưu' }).click();
    await page.getByRole('option', { name: /Công văn của UBND thành phố/ }).click();
    await page.getByLabel('Có dòng "Gửi bản điện tử:"').check();
    // the document's copy of the list can be changed without touching the saved list
    await page.getByRole('button', { name: '+ Dòng tự nhập' }).click();
    await page.getByRole('textbox', { name: 'Dòng 3: tự nhập' }).fill('Phòng Nội vụ thành phố');
    await expect.poll(() => page.getByTestId('plan-noi-nhan').allInnerTexts()).toEqual([
      'Nơi nhận:',
      'Gửi bản điện tử:',
      '- Như trên;',
      '- TT Thành ủy (để b/c);',
      '- CT, PCT UBND TP;',
      '- Phòng Nội vụ thành phố;',
      '- Lưu: VT, NV.',
    ]);
    const lists = await session.web.backend.dispatch('listRecipientLists', {});
    expect(lists.ok && (lists.data as { lines: unknown[] }[])[0]!.lines).toHaveLength(2);
    await screenshot(page, 'cong-van-distribution');
    // autosave
    await expect.poll(() => page.getByText(/Đã lưu lúc/).isVisible(), { timeout: 10_000 }).toBe(true);

    await page.getByRole('button', { name: 'Xem trước' }).click();
    const preview = page.getByTestId('docx-preview');
    await expect.poll(() => preview.innerText(), { timeout: 15_000 }).toContain('V/v thực hiện kết luận');
    expect(await preview.innerText()).toContain('Kính gửi:');
    await screenshot(page, 'cong-van-preview');
    await page.getByRole('dialog').getByRole('button', { name: 'Đóng' }).click();

    const xml = await exportAndCheck(page);
    // the items typed in the body editor are "-" items, each its own paragraph
    expect(xml).toMatch(/>- <\/w:t>(?:(?!<w:p[ >]).)*Thứ nhất, siết chặt/s);
    expect(xml).toMatch(/>- <\/w:t>(?:(?!<w:p[ >]).)*Thứ hai, rà soát/s);
    for (const text of ['V/v thực hiện kết luận', '- Các phòng chuyên môn, đơn vị sự nghiệp công lập thuộc UBND thành phố;', '- UBND các xã, phường.', 'Thứ nhất, siết chặt', '- Như trên;', 'TP. Bắc Kạn, ngày', '/UBND-NV']) {
      expect(xml).toContain(text);
    }
  });

  it('reproduces the Chỉ thị example: preamble, numbered assignments in bold, closing, signer without prefix', async () => {
    const { page } = session;
    await page.getByRole('navigation').getByRole('link', { name: 'Chỉ thị', exact: true }).click();
    await page.getByRole('button', { name: 'Soạn chỉ thị mới' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/chi-thi\/\d+$/);
    await box('Trích yếu').fill('Về việc nâng cao sự hài lòng của người dân, doanh nghiệp đối với sự phục vụ của cơ quan hành chính nhà nước');
    await addBlock(page, 'Phần mở đầu', 'paragraph', 'Năm 2023, công tác cải cách hành chính (CCHC) là một trong những nhiệm vụ trọng tâm của tỉnh.');
    await page.getByRole('button', { name: '+ Giao nhiệm vụ cho một cơ quan' }).click();
    const first = page.getByRole('combobox', { name: 'Nhiệm vụ 1: cơ quan được giao' });
    await first.fill('Giám đốc các sở, Thủ trưởng các ban, ngành');
    await first.press('Enter');
    await addBlock(page, 'Nhiệm vụ 1: các ý tiếp theo', '-', 'Quyết liệt hơn trong chỉ đạo tổ chức thực hiện CCHC.');
    await page.getByRole('button', { name: '+ Giao nhiệm vụ cho một cơ quan' }).click();
    const second = page.getByRole('combobox', { name: 'Nhiệm vụ 2: cơ quan được giao' });
    await second.fill('Sở Tư pháp');
    await second.press('Enter');
    await page.getByRole('textbox', { name: 'Nội dung (viết tiếp sau tên cơ quan)' }).nth(1).fill('Nâng cao chất lượng công tác thẩm định dự thảo văn bản quy phạm pháp luật.');
    // Sở Tư pháp goes first: the numbers follow
    await page.getByRole('button', { name: 'Đưa nhiệm vụ 2 lên' }).click();
    await expect.poll(() => page.getByRole('combobox', { name: 'Nhiệm vụ 1: cơ quan được giao' }).inputValue()).toBe('Sở Tư pháp');
    await box('Đoạn kết').fill('Chủ tịch UBND tỉnh yêu cầu các cơ quan có trách nhiệm thực hiện nghiêm túc Chỉ thị này.');
    await screenshot(page, 'chi-thi-editor');

    await page.getByRole('tab', { name: 'Nơi nhận và người ký' }).click();
    await page.getByRole('combobox', { name: 'Chép từ danh sách đã lưu' }).click();
    await page.getByRole('option', { name: /Công văn của UBND thành phố/ }).click();
    await box('Dòng thẩm quyền 1 (TM., KT., TL., TUQ., Q.)').fill('');
    await box('Họ tên người ký').fill('Nguyễn Đăng Bình');

    const xml = await exportAndCheck(page);
    expect(xml).toMatch(/<w:b\/>.*?1\. Sở Tư pháp:/s);
    expect(xml).toContain('2. Giám đốc các sở, Thủ trưởng các ban, ngành:');
    expect(xml).toContain('thực hiện nghiêm túc Chỉ thị này./.');
    expect(xml).toContain('Nguyễn Đăng Bình');
    expect(xml).not.toContain('TM. ỦY BAN');

    await page.getByRole('navigation').getByRole('link', { name: 'Sổ văn bản', exact: true }).click();
    await page.getByRole('textbox', { name: 'Tìm theo số, ký hiệu hoặc trích yếu' }).fill('hai long nguoi dan');
    const register = page.getByRole('grid', { name: 'Sổ văn bản' });
    // the unfiltered list shows first; wait for the search result itself
    await expect.poll(async () => (await register.locator('.MuiDataGrid-row').count()) === 1 && (await register.innerText()).includes('Về việc nâng cao sự hài lòng'), { timeout: 15_000 }).toBe(true);
    expect(await register.innerText()).toContain('Chỉ thị');
    await screenshot(page, 'register');
  });
});
