import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../shared/plans';
import { checkNd30 } from '../documents/nd30-checker';
import { docxToPdf } from '../documents/libreoffice';
import { SO_NOI_VU } from '../fixtures/profile';
import { typeDate } from './date-input';
import { openSession, screenshot, type Session } from './harness';

let session: Session;

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await session.web.backend.dispatch(name, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.data as T;
}

const SO_NOI_VU_WITH_CONTACT = {
  ...SO_NOI_VU,
  contact: { address: 'Tổ 1, phường Đức Xuân, thành phố Bắc Kạn', phone: '0209.3870.123', email: 'snv@backan.gov.vn', website: 'sonoivu.backan.gov.vn' },
};

beforeAll(async () => {
  session = await openSession();
  await call('saveIssuer', SO_NOI_VU_WITH_CONTACT);
  await call<Plan>('savePlan', {
    title: 'Tuyên truyền cải cách hành chính năm 2026',
    indexId: null,
    indexYear: null,
    draftYear: 2026,
    body: [
      { type: 'heading', level: 1, number: 'I', text: 'MỤC ĐÍCH, YÊU CẦU' },
      { type: 'paragraph', text: 'Nâng cao nhận thức của cán bộ, công chức, viên chức và người dân về cải cách hành chính.' },
      { type: 'heading', level: 1, number: 'II', text: 'NỘI DUNG TUYÊN TRUYỀN' },
      { type: 'item', marker: '-', text: 'Kết quả thực hiện Chỉ số cải cách hành chính của tỉnh.' },
    ],
    grouping: 'lead',
    appendixTitle: 'PHÂN CÔNG NHIỆM VỤ',
    distribution: { lines: [], options: { electronic: false, withKinhGui: false, drafter: '' } },
    signer: SO_NOI_VU.signer,
    tasks: [],
  });
});
afterAll(async () => {
  await session?.close();
});

async function download(page: Page): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất .docx' }).click()]);
  return fs.readFileSync(await file.path());
}

/** The .docx as LibreOffice lays it out, page 1 (and 2 when there is one) as PNG under test-results/. */
function renderPages(docx: Buffer, name: string): string {
  const pdf = docxToPdf(docx, name);
  try {
    const prefix = path.resolve('test-results', `new-kinds-${name}-lo`);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '3', pdf.file, prefix]);
    return pdf.text();
  } finally {
    pdf.cleanup();
  }
}

async function issue(page: Page, series: string, number: string, date: string) {
  await page.getByRole('button', { name: 'Ghi số ban hành' }).click();
  const dialog = page.getByRole('dialog');
  await expect.poll(() => dialog.getByText(new RegExp(`Sổ “${series}”`)).isVisible()).toBe(true);
  await typeDate(dialog, 'Ngày ban hành', date);
  await dialog.getByRole('spinbutton', { name: 'Số do Văn thư cấp' }).fill(number);
  await dialog.getByRole('button', { name: 'Ghi' }).click();
  await expect.poll(() => page.getByTestId('issued-banner').isVisible()).toBe(true);
}

async function typeInto(page: Page, editorName: string, text: string) {
  await page.getByRole('textbox', { name: editorName }).click();
  await page.keyboard.type(text);
}

async function waitSaved(page: Page) {
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await expect.poll(() => page.getByText('Đã lưu.').isVisible()).toBe(true);
}

describe('Quyết định, Tờ trình and Giấy mời from the UI (browser mode)', () => {
  it('drafts a Quyết định ban hành Kế hoạch from a plan, exports it with the plan attached, and issues it', async () => {
    const { page } = session;
    await page.goto(`${session.web.url}#/quyet-dinh`);
    await page.getByRole('button', { name: 'Mẫu: ban hành kế hoạch' }).click();
    await page.getByRole('dialog').getByRole('combobox', { name: 'Kế hoạch' }).click();
    await page.getByRole('option', { name: 'Tuyên truyền cải cách hành chính năm 2026' }).click();
    await page.getByRole('button', { name: 'Tạo dự thảo' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Thẩm quyền ban hành' }).inputValue()).toBe('GIÁM ĐỐC SỞ NỘI VỤ');
    await expect.poll(() => page.getByTestId('dieu-3').isVisible()).toBe(true);
    await page.getByRole('textbox', { name: 'Căn cứ' }).fill('Căn cứ Quyết định số 15/2025/QĐ-UBND của Ủy ban nhân dân tỉnh quy định chức năng, nhiệm vụ của Sở Nội vụ\nTheo đề nghị của Trưởng phòng Cải cách hành chính');
    // a fourth article, then the executing article is chosen by the user
    await page.getByRole('button', { name: 'Thêm Điều 4' }).click();
    await typeInto(page, 'Nội dung Điều 4', 'Giao Phòng Cải cách hành chính theo dõi, đôn đốc thực hiện Kế hoạch.');
    await page.getByRole('combobox', { name: /Điều thi hành/ }).click();
    await page.getByRole('option', { name: 'Điều 3', exact: true }).click();
    await waitSaved(page);
    await page.getByRole('tab', { name: 'Nơi nhận và người ký' }).click();
    await expect.poll(() => page.getByTestId('plan-noi-nhan').allInnerTexts()).toEqual(['Nơi nhận:', '- Như Điều 3;', '- Lưu: VT, CCHC.']);
    await page.getByRole('tab', { name: 'Nội dung' }).click();
    await screenshot(page, 'new-kinds-quyet-dinh-editor');
    await page.getByTestId('dieu-4').scrollIntoViewIfNeeded();
    await screenshot(page, 'new-kinds-quyet-dinh-editor-articles');

    const docx = await download(page);
    expect(await checkNd30(docx)).toEqual([]);
    const text = renderPages(docx, 'quyet-dinh');
    for (const line of ['GIÁM ĐỐC SỞ NỘI VỤ', 'QUYẾT ĐỊNH:', 'Điều 4. Giao Phòng Cải cách hành chính', '- Như Điều 3;', 'KẾ HOẠCH', 'Ban hành kèm theo Quyết định số']) expect(text).toContain(line);

    await issue(page, 'Quyết định', '15', '10/03/2026');
    await expect.poll(() => page.getByText('Đã ban hành: số 15/QĐ-SNV, ngày 10/03/2026').isVisible()).toBe(true);
  });

  it('drafts a Tờ trình to Ủy ban nhân dân tỉnh with Ô 12 on the Nơi nhận tab, exports and issues it', async () => {
    const { page } = session;
    await page.goto(`${session.web.url}#/to-trinh`);
    await page.getByRole('button', { name: 'Soạn tờ trình mới' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Kính gửi' }).inputValue()).toBe('Ủy ban nhân dân tỉnh');
    expect(await page.getByTestId('con-thieu').innerText()).toContain('Nội dung tờ trình: chưa có nội dung.');
    await page.getByRole('textbox', { name: 'Trích yếu', exact: true }).fill('Đề nghị phê duyệt Kế hoạch kiểm tra công tác cải cách hành chính năm 2026');
    await typeInto(page, 'Nội dung tờ trình', 'Thực hiện Kế hoạch cải cách hành chính năm 2026, Sở Nội vụ kính trình Ủy ban nhân dân tỉnh xem xét, phê duyệt Kế hoạch kiểm tra.');
    await expect.poll(() => page.getByTestId('con-thieu').count()).toBe(0);
    await page.getByRole('tab', { name: 'Nơi nhận và người ký' }).click();
    await page.getByRole('textbox', { name: 'Ký hiệu người đánh máy' }).fill('pl');
    await page.getByRole('spinbutton', { name: 'Số lượng bản' }).fill('30');
    await expect.poll(() => page.getByText('In: "- Lưu: VT, …, PL.(30)."').isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('plan-noi-nhan').allInnerTexts()).toEqual(['Nơi nhận:', '- Như trên;', '- Lưu: VT, CCHC, PL.(30).']);
    await waitSaved(page);
    await screenshot(page, 'new-kinds-to-trinh-noi-nhan');
    await page.getByRole('tab', { name: 'Nội dung' }).click();
    await screenshot(page, 'new-kinds-to-trinh-editor');

    const docx = await download(page);
    expect(await checkNd30(docx)).toEqual([]);
    const text = renderPages(docx, 'to-trinh');
    for (const line of ['TỜ TRÌNH', 'Kính gửi: Ủy ban nhân dân tỉnh', '- Như trên;', 'PL.(30)']) expect(text).toContain(line);

    await issue(page, 'Tờ trình', '4', '11/03/2026');
    await expect.poll(() => page.getByText('Đã ban hành: số 04/TTr-SNV, ngày 11/03/2026').isVisible()).toBe(true);
  });

  it('drafts a Giấy mời with time, place, chair and participants, prints the Ô 13 footer, exports and issues it', async () => {
    const { page } = session;
    await page.goto(`${session.web.url}#/giay-moi`);
    await page.getByRole('button', { name: 'Soạn giấy mời mới' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Lời mời' }).inputValue()).toBe('Sở Nội vụ tỉnh Bắc Kạn trân trọng kính mời');
    await page.getByRole('textbox', { name: 'Trích yếu', exact: true }).fill('Dự Hội nghị triển khai Chỉ số cải cách hành chính năm 2026');
    await page.getByRole('textbox', { name: 'Lời mời' }).fill('Sở Nội vụ trân trọng kính mời đại diện lãnh đạo các sở, ban, ngành tham dự Hội nghị triển khai Chỉ số cải cách hành chính năm 2026');
    await page.getByRole('textbox', { name: 'Thời gian' }).fill('08 giờ 00 phút, ngày 25 tháng 3 năm 2026 (thứ Tư)');
    await page.getByRole('textbox', { name: 'Địa điểm' }).fill('Hội trường tầng 3, Sở Nội vụ tỉnh Bắc Kạn');
    await page.getByRole('textbox', { name: 'Chủ trì' }).fill('Đồng chí Giám đốc Sở Nội vụ');
    await page.getByRole('textbox', { name: 'Thành phần' }).fill('Lãnh đạo các sở, ban, ngành\nLãnh đạo Ủy ban nhân dân các huyện, thành phố');
    await typeInto(page, 'Nội dung giấy mời', 'Đề nghị đại biểu tham dự đúng thành phần, thời gian.');
    await waitSaved(page);
    await screenshot(page, 'new-kinds-giay-moi-editor');

    const docx = await download(page);
    expect(await checkNd30(docx)).toEqual([]);
    const text = renderPages(docx, 'giay-moi');
    for (const line of ['GIẤY MỜI', 'Thời gian: 08 giờ 00 phút', 'Địa điểm: Hội trường tầng 3', '- Như thành phần mời;', 'Điện thoại: 0209.3870.123']) expect(text).toContain(line);

    await issue(page, 'Giấy mời', '9', '12/03/2026');
    await expect.poll(() => page.getByText('Đã ban hành: số 09/GM-SNV, ngày 12/03/2026').isVisible()).toBe(true);
  });

  it('edits the Ô 13 contacts of the issuer in Cài đặt', async () => {
    const { page } = session;
    await page.goto(`${session.web.url}#/cai-dat`);
    await page.getByRole('button', { name: 'Sửa Sở Nội vụ tỉnh Bắc Kạn' }).click();
    const address = page.getByRole('textbox', { name: 'Địa chỉ', exact: true });
    await expect.poll(() => address.inputValue()).toBe('Tổ 1, phường Đức Xuân, thành phố Bắc Kạn');
    await page.getByRole('textbox', { name: 'Điện thoại' }).fill('0209.3870.999');
    await address.scrollIntoViewIfNeeded();
    await screenshot(page, 'new-kinds-settings-contact');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(() => page.getByText('Đã lưu thông tin cơ quan ban hành.').isVisible()).toBe(true);
    const [issuer] = await call<{ contact?: { phone: string } }[]>('listIssuers', {});
    expect(issuer!.contact?.phone).toBe('0209.3870.999');
  });

  it('lists the three issued documents in the register under their kinds', async () => {
    const { page } = session;
    await page.goto(`${session.web.url}#/so-van-ban`);
    const rows: [title: string, cells: RegExp][] = [
      ['Ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2026', /^15\tQĐ-SNV\t10\/03\/2026\tQuyết định\t/],
      ['Đề nghị phê duyệt Kế hoạch kiểm tra công tác cải cách hành chính năm 2026', /^04\tTTr-SNV\t11\/03\/2026\tTờ trình\t/],
      ['Dự Hội nghị triển khai Chỉ số cải cách hành chính năm 2026', /^09\tGM-SNV\t12\/03\/2026\tGiấy mời\t/],
    ];
    for (const [title, cells] of rows) {
      const row = page.getByRole('row').filter({ hasText: title });
      await expect.poll(() => row.count()).toBe(1);
      // the grid's cells come out separated by tabs or line breaks depending on the layout
      expect((await row.innerText()).replace(/\s*\n\s*/g, '\t')).toMatch(cells);
    }
    await screenshot(page, 'new-kinds-register');
  });
});
