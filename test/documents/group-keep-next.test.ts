import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDocument } from '../../electron/documents/index.js';
import { attr, descendants, kid, kids } from './docx-xml.js';
import { DOMParser } from '@xmldom/xmldom';
import { baseModel } from './fixtures.js';
import { docxToPdf, type Pdf } from './libreoffice.js';

/** A long phụ lục with a heading every few rows (lead groups, then components of 2–4 tasks), so page ends often fall near a heading. */
function denseAppendix(leads: number) {
  let n = 0;
  const groups = Array.from({ length: leads }, (_, g) => ({
    index: ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'][g] ?? String(g + 1),
    title: `NHÓM CHỦ TRÌ SỐ ${g + 1}`,
    groups: Array.from({ length: 5 }, (_, s) => ({
      index: String(s + 1),
      title: `Thành phần tiêu đề ${g + 1}.${s + 1}`,
      rows: Array.from({ length: 2 + ((g + s) % 3) }, () => {
        n++;
        return [String(n), 'Nội dung', `Nhiệm vụ số ${n}: tăng cường kiểm tra, đôn đốc thực hiện các giải pháp nâng cao chỉ số`, 'UBND cấp huyện', 'Thường xuyên'];
      }),
    })),
  }));
  return {
    title: 'Danh mục nhiệm vụ cụ thể',
    table: {
      columns: [
        { header: 'TT', width: 6 },
        { header: 'Chỉ số thành phần', width: 17 },
        { header: 'Nhiệm vụ, giải pháp', width: 47 },
        { header: 'Cơ quan phối hợp', width: 18 },
        { header: 'Thời gian thực hiện', width: 12, align: 'center' as const },
      ],
      groups,
    },
  };
}

const withAppendix = (leads: number) => {
  const m = baseModel();
  return { ...m, body: [...m.body, { type: 'paragraph', text: '(Chi tiết tại Phụ lục kèm theo)' }], appendices: [denseAppendix(leads)] };
};

const isHeading = (line: string) => /NHÓM CHỦ TRÌ SỐ \d+|Thành phần tiêu đề \d+\.\d+/.test(line);

async function appendixRows(docx: Buffer) {
  const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const rows = descendants(doc.documentElement!, 'tr');
  const text = (el: Parameters<typeof descendants>[0]) => descendants(el, 't').map((t) => t.textContent).join('');
  return rows.map((tr) => ({
    text: text(tr),
    cantSplit: Boolean(kid(kid(tr, 'trPr'), 'cantSplit')),
    keepNext: kids(tr, 'tc').flatMap((tc) => kids(tc, 'p')).map((p) => {
      const k = kid(kid(p, 'pPr'), 'keepNext');
      return Boolean(k) && !['false', '0'].includes(attr(k, 'val') ?? '');
    }),
  }));
}

const pdfs: Pdf[] = [];
afterAll(() => pdfs.forEach((p) => p.cleanup()));

describe('phụ lục group headings stay with the next row', () => {
  it('marks every paragraph of a group row keepNext, and rows cantSplit (data rows are not glued)', async () => {
    const docx = await renderDocument(withAppendix(2));
    const rows = (await appendixRows(docx)).filter((r) => /NHÓM CHỦ TRÌ|Thành phần tiêu đề|Nhiệm vụ số/.test(r.text));
    const headings = rows.filter((r) => isHeading(r.text));
    const data = rows.filter((r) => !isHeading(r.text));
    expect(headings.length).toBe(12);
    for (const r of headings) expect(r.keepNext.length > 0 && r.keepNext.every(Boolean), r.text).toBe(true);
    for (const r of data) expect(r.keepNext.some(Boolean), r.text).toBe(false);
    expect(rows.every((r) => r.cantSplit)).toBe(true);
  });

  it('LibreOffice: no page of a long plan ends with a group heading', { timeout: 240_000 }, async () => {
    const docx = await renderDocument(withAppendix(12));
    const pdf = docxToPdf(docx, 'nhom-giu-dong');
    pdfs.push(pdf);
    expect(pdf.pages).toBeGreaterThan(8);
    // A page ends with a heading when no task starts below the page's last heading.
    const stranded: string[] = [];
    let pagesWithTasks = 0;
    for (let page = 1; page < pdf.pages; page++) {
      const lines = pdf.pageText(page, true).split('\n');
      const lastHeading = lines.findLastIndex(isHeading);
      const lastTask = lines.findLastIndex((l) => /Nhiệm vụ số \d+/.test(l));
      if (lastTask >= 0) pagesWithTasks++;
      if (lastHeading >= 0 && lastHeading > lastTask) stranded.push(`trang ${page}: ${lines[lastHeading]!.trim()}`);
    }
    expect(stranded).toEqual([]);
    expect(pagesWithTasks).toBeGreaterThan(5);
  });
});
