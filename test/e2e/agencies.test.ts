import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VALID_PROFILE } from '../fixtures/profile';
import { openSession, screenshot, type Session } from './harness';

let session: Session;
beforeAll(async () => {
  session = await openSession();
  await session.web.backend.dispatch('saveIssuer', VALID_PROFILE);
});
afterAll(async () => {
  await session?.close();
});

const textbox = (name: string) => session.page.getByRole('textbox', { name });
const dialog = () => session.page.getByRole('dialog');

async function addAgency(full: string, short: string, abbreviation: string) {
  const { page } = session;
  await page.getByRole('button', { name: 'Thêm cơ quan' }).click();
  await dialog().getByRole('textbox', { name: 'Tên đầy đủ' }).fill(full);
  await dialog().getByRole('textbox', { name: 'Tên viết gọn' }).fill(short);
  await dialog().getByRole('textbox', { name: 'Viết tắt' }).fill(abbreviation);
  await dialog().getByRole('button', { name: 'Lưu' }).click();
  await expect.poll(() => page.getByText(`Đã lưu "${short}".`).isVisible()).toBe(true);
}

describe('Cơ quan and Nơi nhận (browser mode)', () => {
  it('creates agencies, finds them without diacritics, and warns about a duplicate', async () => {
    const { page } = session;
    await page.goto(`${session.web.url}#/co-quan`);
    await addAgency('Sở Nội vụ tỉnh Bắc Kạn', 'Sở Nội vụ', 'SNV');
    await addAgency('Đài Phát thanh và Truyền hình Bắc Kạn', 'Đài Phát thanh - Truyền hình Bắc Kạn', 'ĐPTTH');
    await addAgency('Thường trực Thành ủy Bắc Kạn', 'TT Thành ủy', 'TU');

    await page.getByRole('button', { name: 'Thêm cơ quan' }).click();
    await dialog().getByRole('textbox', { name: 'Tên đầy đủ' }).fill('Sở Nội Vụ');
    await dialog().getByRole('textbox', { name: 'Tên viết gọn' }).fill('Sở nội vụ');
    await dialog().getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => dialog().getByText('Có thể trùng với cơ quan đã có: Sở Nội vụ').isVisible()).toBe(true);
    await screenshot(page, 'agencies-duplicate');
    await dialog().getByRole('button', { name: 'Hủy' }).click();

    await textbox('Tìm cơ quan').fill('dai phat thanh');
    const table = page.getByRole('grid', { name: 'Danh mục cơ quan' });
    const rows = table.locator('.MuiDataGrid-row');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(1);
    expect(await table.innerText()).toContain('Đài Phát thanh - Truyền hình Bắc Kạn');
    await textbox('Tìm cơ quan').fill('');
    await expect.poll(() => rows.count()).toBe(3);
    // Vietnamese order: Đ after D-words and before S
    const names = await table.locator('.MuiDataGrid-row [data-field="shortName"]').allInnerTexts();
    expect(names).toEqual(['Đài Phát thanh - Truyền hình Bắc Kạn', 'Sở Nội vụ', 'TT Thành ủy']);
    await screenshot(page, 'agencies-list');
  });

  it('imports agencies from a file after showing the rows with errors', async () => {
    const { page } = session;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'noivu-import-'));
    const bad = path.join(dir, 'co-quan-loi.csv');
    fs.writeFileSync(bad, 'Tên đầy đủ,Tên viết gọn,Viết tắt,Loại\nỦy ban nhân dân xã A,UBND xã A,,UBND cấp xã\nSai loại,Sai loại,,Không biết\n');
    await page.getByRole('button', { name: 'Nhập từ Excel/CSV' }).click();
    await dialog().getByLabel('Tệp nhập').setInputFiles(bad);
    await expect.poll(() => dialog().getByText('1 dòng thêm mới, 0 dòng cập nhật, 1 dòng lỗi').isVisible()).toBe(true);
    expect(await dialog().getByText(/Loại "Không biết" không có trong danh mục/).isVisible()).toBe(true);
    expect(await dialog().getByRole('button', { name: /^Nhập \d+ dòng$/ }).isDisabled()).toBe(true);
    await screenshot(page, 'agencies-import-errors');

    // A CSV saved in a legacy encoding (here Excel's "CSV (Comma delimited)" on a Western Windows) is refused, naming the fix.
    const legacy = path.join(dir, 'co-quan-ansi.csv');
    fs.writeFileSync(legacy, iconv.encode('Tên đầy đủ,Tên viết gọn,Viết tắt,Loại\nỦy ban nhân dân xã Â,UBND xã Â,,UBND cấp xã\n', 'windows1252'));
    await dialog().getByLabel('Tệp nhập').setInputFiles(legacy);
    await expect.poll(() => page.getByText(/^Tệp CSV "co-quan-ansi\.csv" không phải mã UTF-8/).isVisible()).toBe(true);
    await screenshot(page, 'agencies-import-not-utf8');

    const good = path.join(dir, 'co-quan.csv');
    fs.writeFileSync(good, 'Tên đầy đủ,Tên viết gọn,Viết tắt,Loại\nỦy ban nhân dân xã A,UBND xã A,,UBND cấp xã\nỦy ban nhân dân xã B,UBND xã B,,UBND cấp xã\n');
    await dialog().getByLabel('Tệp nhập').setInputFiles(good);
    await expect.poll(() => dialog().getByText('2 dòng thêm mới').isVisible()).toBe(true);
    await dialog().getByRole('button', { name: 'Nhập 2 dòng' }).click();
    await expect.poll(() => page.getByText('Đã nhập danh mục cơ quan.').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('grid', { name: 'Danh mục cơ quan' }).locator('.MuiDataGrid-row').count()).toBe(5);
  });

  it('builds a group and a Nơi nhận list, and shows the block as the document will print it', async () => {
    const { page } = session;
    await page.getByRole('tab', { name: 'Nhóm cơ quan' }).click();
    await page.getByRole('button', { name: 'Thêm nhóm' }).click();
    await dialog().getByRole('textbox', { name: 'Tên nhóm' }).fill('UBND các xã, phường');
    const members = dialog().getByRole('combobox', { name: 'Các cơ quan trong nhóm' });
    for (const name of ['UBND xã A', 'UBND xã B']) {
      await members.fill(name);
      await page.getByRole('option', { name }).click();
    }
    await dialog().getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => page.getByText('UBND xã A, UBND xã B').isVisible()).toBe(true);
    await screenshot(page, 'agencies-groups');

    await page.getByRole('navigation').getByRole('link', { name: 'Nơi nhận', exact: true }).click();
    await textbox('Tên danh sách').fill('Công văn gửi xã');
    await page.getByRole('button', { name: '+ Cơ quan' }).click();
    await page.getByRole('combobox', { name: 'Dòng 1: cơ quan' }).fill('thanh uy');
    await page.getByRole('option', { name: 'TT Thành ủy' }).click();
    await page.getByRole('textbox', { name: 'Ghi chú' }).first().fill('(để b/c)');
    await page.getByRole('button', { name: '+ Dòng tự nhập' }).click();
    await textbox('Dòng 2: tự nhập').fill('CT, PCT UBND TP');
    await page.getByRole('button', { name: '+ Nhóm' }).click();
    await page.getByRole('combobox', { name: 'Dòng 3: nhóm' }).click();
    await page.getByRole('option', { name: 'UBND các xã, phường' }).click();
    // move the group above the free-text line with the keyboard-reachable button
    await page.getByRole('button', { name: 'Đưa dòng 3 lên' }).click();
    await page.getByLabel('Gửi bản điện tử').check();
    await page.getByLabel('Văn bản có Kính gửi').check();
    await textbox('Người soạn thảo').fill('Vân');

    const printed = page.getByTestId('printed-line');
    const expected = ['Nơi nhận:', 'Gửi bản điện tử:', '- Như trên;', '- TT Thành ủy (để b/c);', '- UBND các xã, phường;', '- CT, PCT UBND TP;', '- Lưu: VT, NV (Vân).'];
    await expect.poll(() => printed.allInnerTexts()).toEqual(expected);
    await page.getByRole('button', { name: 'Lưu danh sách' }).click();
    await expect.poll(() => page.getByText('Đã lưu danh sách "Công văn gửi xã".').isVisible()).toBe(true);
    await screenshot(page, 'recipients-list');

    await page.reload();
    await page.getByRole('button', { name: /Công văn gửi xã/ }).click();
    // the list remembers "Gửi bản điện tử" and the drafter; "Như trên" depends on the document
    await expect.poll(() => printed.allInnerTexts()).toEqual(['Nơi nhận:', 'Gửi bản điện tử:', '- TT Thành ủy (để b/c);', '- UBND các xã, phường;', '- CT, PCT UBND TP;', '- Lưu: VT, NV (Vân).']);
  });

  it('refuses to delete an agency that a list uses, and explains why', async () => {
    const { page } = session;
    await page.goto(`${session.web.url}#/co-quan`);
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Xóa TT Thành ủy' }).click();
    await expect.poll(() => page.getByText(/Không xóa được "TT Thành ủy" vì đang được dùng trong 1 danh sách nơi nhận/).isVisible()).toBe(true);
  });
});
