import fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Draft } from '../../shared/drafts';
import { planInput, type Plan } from '../../shared/plans';
import { readDocx, type Para } from '../documents/docx-xml';
import { checkNd30 } from '../documents/nd30-checker';
import { SIGNABLE_CONG_VAN } from '../fixtures/documents';
import { VALID_PROFILE } from '../fixtures/profile';
import { openSession, screenshot, type Session } from './harness';

let session: Session;

async function call<T>(name: string, input: unknown): Promise<T> {
  const result = await session.web.backend.dispatch(name, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.data as T;
}

async function congVan(body: unknown[]): Promise<Draft> {
  const d = await call<Draft>('createDraft', { kind: 'cong-van', year: 2026, template: null });
  return call<Draft>('saveDraft', { id: d.id, revision: d.revision, title: 'tăng cường kỷ luật hành chính', draftYear: 2026, content: { ...d.content, unit: 'NV', ...SIGNABLE_CONG_VAN, body } });
}

beforeAll(async () => {
  session = await openSession();
  await call('saveIssuer', VALID_PROFILE);
});
afterAll(async () => {
  await session?.close();
});

/** A real paste: a ClipboardEvent carrying both flavours, dispatched on the editor element. */
async function paste(editor: Locator, data: { text: string; html: string }) {
  await editor.evaluate((el, d) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', d.text);
    transfer.setData('text/html', d.html);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, data);
}

/** Each block as printed: the number or marker (drawn before the text by CSS) and the text. */
const blocksOf = (editor: Locator) =>
  editor.evaluate((el) =>
    [...el.children].map((c) => {
      const b = c as HTMLElement;
      const text = getComputedStyle(b).textTransform === 'uppercase' ? b.innerText.toLocaleUpperCase('vi') : b.innerText;
      return (b.dataset.prefix ?? b.dataset.marker ?? '') + text;
    }),
  );

async function bodyParagraphs(page: Page): Promise<Para[]> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất .docx' }).first().click()]);
  const buffer = fs.readFileSync(await file.path());
  expect(await checkNd30(buffer)).toEqual([]);
  const docx = await readDocx(buffer);
  return docx.sections.flatMap((s) => s.blocks).filter((b): b is Para => b.kind === 'p');
}

describe('the body editor (browser mode)', () => {
  it('types bold by keyboard, makes a heading, pastes paragraphs as blocks, undoes a deletion, saves with Ctrl+S and exports them apart', async () => {
    const { page } = session;
    const draft = await congVan([]);
    await page.goto(`${session.web.url}#/cong-van/${draft.id}`);
    const editor = page.getByRole('textbox', { name: 'Nội dung công văn' });
    await editor.click();

    await page.keyboard.type('Đề nghị các cơ quan ');
    await page.keyboard.press('Control+B');
    await page.keyboard.type('khẩn trương');
    await page.keyboard.press('Control+B');
    await page.keyboard.type(' thực hiện các việc sau:');
    await expect.poll(() => editor.locator('strong').allInnerTexts()).toEqual(['khẩn trương']);
    expect(await page.getByRole('button', { name: 'Chữ đậm (Ctrl+B)' }).getAttribute('aria-pressed')).toBe('false');

    await page.keyboard.press('Enter');
    await page.keyboard.type('Nhiệm vụ trọng tâm');
    await page.keyboard.press('Control+Alt+2');
    const heading = editor.getByRole('heading', { name: 'Nhiệm vụ trọng tâm' });
    await expect.poll(() => heading.getAttribute('aria-level')).toBe('2');
    // Tab / Shift+Tab move a heading down and up a level
    await page.keyboard.press('Tab');
    await expect.poll(() => heading.getAttribute('aria-level')).toBe('3');
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => heading.getAttribute('aria-level')).toBe('2');
    await page.getByRole('textbox', { name: 'Số đề mục' }).fill('1');
    await editor.getByText('Nhiệm vụ trọng tâm').click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');

    // three paragraphs from a word processor, with a no-break space and a zero-width space in them
    await paste(editor, {
      text: 'Rà soát\u00a0thủ tục hành chính.\n\nĐơn giản hóa\u200b hồ sơ.\n\nBáo cáo kết quả trước ngày 15/12/2026.',
      html: '<p>Rà soát&nbsp;thủ tục hành chính.</p><p>Đơn giản hóa\u200b hồ sơ.</p><p>Báo cáo kết quả trước ngày 15/12/2026.</p>',
    });
    await expect.poll(() => blocksOf(editor)).toEqual([
      'Đề nghị các cơ quan khẩn trương thực hiện các việc sau:',
      '1. Nhiệm vụ trọng tâm',
      'Rà soát thủ tục hành chính.',
      'Đơn giản hóa hồ sơ.',
      'Báo cáo kết quả trước ngày 15/12/2026.',
    ]);
    await screenshot(page, 'body-editor-cong-van');

    // a drop from outside goes the same way as a paste: cleaned, split into blocks, no foreign formatting
    await editor.evaluate((el) => {
      const last = el.lastElementChild!.getBoundingClientRect();
      const transfer = new DataTransfer();
      transfer.setData('text/plain', 'Kéo\u00a0thả một.\nKéo thả hai.');
      transfer.setData('text/html', '<p style="color:red;font-size:30px">Kéo thả một.</p><p>Kéo thả hai.</p>');
      el.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, clientX: last.right - 2, clientY: last.top + last.height / 2, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => blocksOf(editor)).toEqual([
      'Đề nghị các cơ quan khẩn trương thực hiện các việc sau:',
      '1. Nhiệm vụ trọng tâm',
      'Rà soát thủ tục hành chính.',
      'Đơn giản hóa hồ sơ.',
      'Báo cáo kết quả trước ngày 15/12/2026.Kéo thả một.',
      'Kéo thả hai.',
    ]);
    expect(await editor.locator('[style]').count()).toBe(0);
    await page.keyboard.press('Control+Z');
    await expect.poll(() => blocksOf(editor)).toHaveLength(5);

    // delete a block, then Ctrl+Z brings it back
    await editor.getByText('Đơn giản hóa hồ sơ.').click();
    await page.getByRole('button', { name: 'Xoá khối đang chọn (hoàn tác được)' }).click();
    await expect.poll(() => blocksOf(editor)).not.toContain('Đơn giản hóa hồ sơ.');
    await page.keyboard.press('Control+Z');
    await expect.poll(() => blocksOf(editor)).toContain('Đơn giản hóa hồ sơ.');

    // Ctrl+S writes at once (sooner than the autosave delay) and the browser's own save is stopped
    await page.evaluate(() => {
      window.addEventListener('keydown', (e) => {
        if (e.code === 'KeyS' && e.ctrlKey) (window as { ctrlS?: boolean }).ctrlS = e.defaultPrevented;
      });
    });
    await page.keyboard.press('Control+S');
    expect(await page.evaluate(() => (window as { ctrlS?: boolean }).ctrlS)).toBe(true);
    await expect
      .poll(async () => ((await call<Draft>('getDraft', { id: draft.id })).content as { body: unknown[] }).body, { timeout: 2000, interval: 100 })
      .toEqual([
        { type: 'paragraph', text: [{ text: 'Đề nghị các cơ quan ' }, { text: 'khẩn trương', bold: true }, { text: ' thực hiện các việc sau:' }] },
        { type: 'heading', level: 2, number: '1', text: 'Nhiệm vụ trọng tâm' },
        { type: 'paragraph', text: 'Rà soát thủ tục hành chính.' },
        { type: 'paragraph', text: 'Đơn giản hóa hồ sơ.' },
        { type: 'paragraph', text: 'Báo cáo kết quả trước ngày 15/12/2026.' },
      ]);
    await expect.poll(() => page.getByText(/Đã lưu lúc/).isVisible()).toBe(true);

    const paras = await bodyParagraphs(page);
    const texts = paras.map((p) => p.text);
    const first = paras.find((p) => p.text.startsWith('Đề nghị các cơ quan'))!;
    expect(first.runs.filter((r) => r.props.b).map((r) => r.text)).toEqual(['khẩn trương']);
    expect(texts).toContain('1. Nhiệm vụ trọng tâm');
    const at = texts.indexOf('Rà soát thủ tục hành chính.');
    expect(texts.slice(at, at + 3)).toEqual(['Rà soát thủ tục hành chính.', 'Đơn giản hóa hồ sơ.', 'Báo cáo kết quả trước ngày 15/12/2026./.']);
  });

  it('shows a plan body as printed, keeps its table untouched, and is read-only once issued', async () => {
    const { page } = session;
    const table = { type: 'table', columns: [{ header: 'TT', width: 6 }, { header: 'Nội dung', width: 60 }], rows: [['1', 'Rà soát']] };
    const body = [
      { type: 'heading', level: 1, number: 'I', text: 'Mục đích, yêu cầu' },
      { type: 'heading', level: 2, number: '1', text: 'Mục đích' },
      { type: 'paragraph', text: [{ text: 'Thứ nhất,', italic: true }, { text: ' nâng cao Chỉ số PAPI của tỉnh.' }] },
      { type: 'item', marker: '-', text: 'Bảo đảm tiến độ;' },
      { type: 'item', marker: '+', text: 'Phân công rõ người, rõ việc;' },
      { type: 'heading', level: 3, number: '1.1', text: 'Điểm cấp ba' },
      { type: 'heading', level: 4, number: 'a', text: 'Điểm cấp bốn' },
      table,
      { type: 'paragraph', text: '(Chi tiết tại Phụ lục kèm theo)' },
    ];
    const blank = await call<Plan>('createBlankPlan', { year: 2026 });
    const plan = await call<Plan>('savePlan', { ...planInput(blank), body });
    await page.goto(`${session.web.url}#/ke-hoach/${plan.id}`);
    await page.getByRole('tab', { name: 'Nội dung' }).click();
    const editor = page.getByRole('textbox', { name: 'Nội dung kế hoạch' });
    await expect.poll(() => blocksOf(editor)).toEqual([
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Mục đích',
      'Thứ nhất, nâng cao Chỉ số PAPI của tỉnh.',
      '- Bảo đảm tiến độ;',
      '+ Phân công rõ người, rõ việc;',
      '1.1. Điểm cấp ba',
      'a) Điểm cấp bốn',
      'Bảng (giữ nguyên) — 2 cột',
      '(Chi tiết tại Phụ lục kèm theo)',
    ]);
    await screenshot(page, 'body-editor-plan');
    // opening the body is not an edit
    expect(await page.getByText('Dự thảo — đang chờ tự lưu').count()).toBe(0);

    await page.getByRole('button', { name: 'Phím tắt của trình soạn thảo' }).click();
    await expect.poll(() => page.getByRole('dialog').getByText('Ctrl+Alt+=').isVisible()).toBe(true);
    await page.waitForTimeout(400); // let the dialog finish fading in before the picture
    await screenshot(page, 'body-editor-help');
    await page.getByRole('dialog').getByRole('button', { name: 'Đóng' }).click();

    // an edit elsewhere in the body leaves the table exactly as it was
    await editor.getByText('(Chi tiết tại Phụ lục kèm theo)').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' và Nơi nhận.');
    await page.keyboard.press('Control+S');
    await expect
      .poll(async () => (await call<Plan>('getPlan', { id: plan.id })).body, { timeout: 2000, interval: 100 })
      .toEqual([...body.slice(0, -1), { type: 'paragraph', text: '(Chi tiết tại Phụ lục kèm theo) và Nơi nhận.' }]);

    // the snippet library: keep the block holding the cursor, insert it later after another block
    await editor.getByText('nâng cao Chỉ số PAPI').click();
    await page.getByRole('button', { name: 'Lưu khối đang chọn vào thư viện đoạn mẫu' }).click();
    await expect.poll(() => page.getByText('Đã lưu đoạn vào thư viện đoạn mẫu.').isVisible()).toBe(true);
    await editor.getByText('Bảo đảm tiến độ;').click();
    await page.getByRole('button', { name: 'Chèn đoạn mẫu…' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: 'Tìm đoạn mẫu' }).fill('chi so papi');
    await page.getByRole('dialog').getByRole('button', { name: /Thứ nhất, nâng cao/ }).click();
    await expect.poll(async () => (await blocksOf(editor)).slice(3, 6)).toEqual(['- Bảo đảm tiến độ;', 'Thứ nhất, nâng cao Chỉ số PAPI của tỉnh.', '+ Phân công rõ người, rõ việc;']);
    await page.keyboard.press('Control+S');
    await expect.poll(() => page.getByText('Dự thảo — đang chờ tự lưu').count()).toBe(0);

    const draft = await congVan([{ type: 'paragraph', text: 'Đề nghị các cơ quan, đơn vị thực hiện.' }]);
    await call('issueRecord', { recordType: 'document', id: draft.id, revision: draft.revision, number: 7, date: '2026-03-05' });
    await page.goto(`${session.web.url}#/cong-van/${draft.id}`);
    const issued = page.getByRole('textbox', { name: 'Nội dung công văn' });
    await expect.poll(() => issued.getAttribute('contenteditable')).toBe('false');
    expect(await page.getByRole('toolbar', { name: 'Định dạng nội dung' }).count()).toBe(0);
  });

  it('a Chỉ thị assignment moved up shows the other text, and Ctrl+Z there does not bring back the text shown before', async () => {
    const { page } = session;
    const d = await call<Draft>('createDraft', { kind: 'chi-thi', year: 2026, template: null });
    const assignment = (agency: string, item: string) => ({ addressee: { type: 'text', text: agency }, text: 'Thực hiện các việc sau:', items: [{ type: 'item', marker: '-', text: item }] });
    const content = { ...d.content, assignments: [assignment('Sở Tư pháp', 'Thẩm định văn bản đúng hạn.'), assignment('Sở Nội vụ', 'Tổng hợp kết quả CCHC.')] };
    await call('saveDraft', { id: d.id, revision: d.revision, title: 'Về việc tăng cường cải cách hành chính', draftYear: 2026, content });
    await page.goto(`${session.web.url}#/chi-thi/${d.id}`);
    const first = page.getByRole('textbox', { name: 'Nhiệm vụ 1: các ý tiếp theo' });
    await expect.poll(() => blocksOf(first)).toEqual(['- Thẩm định văn bản đúng hạn.']);
    await page.getByRole('button', { name: 'Đưa nhiệm vụ 2 lên' }).click();
    await expect.poll(() => blocksOf(first)).toEqual(['- Tổng hợp kết quả CCHC.']);
    await first.click();
    await page.keyboard.press('Control+Z');
    await page.waitForTimeout(300);
    expect(await blocksOf(first)).toEqual(['- Tổng hợp kết quả CCHC.']);
    await page.keyboard.press('Control+S');
    await expect.poll(() => page.getByText('Dự thảo — đang chờ tự lưu').count()).toBe(0);
  });
});
