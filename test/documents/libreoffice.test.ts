import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDocument } from '../../electron/documents/index.js';
import { baseModel, loadExample, REFERENCE_DIR, syntheticVariants, taskAppendix } from './fixtures.js';
import { docxToPdf, firstLine, type Pdf } from './libreoffice.js';
import { bagRatio, matchRatio } from './text-match.js';

// [example, minimum pages, maximum pages, minimum text match ratio of the main text]
const EXAMPLES: Array<[string, number, number, number]> = [
  ['chi-thi-04-2024-bac-kan', 5, 9, 0.98],
  ['cong-van-ubnd-tp-bac-kan-2023', 2, 3, 0.97],
  ['ke-hoach-papi-2022-bac-kan', 12, 24, 0.98],
];
/** Reference phụ lục tables were extracted column-interleaved: compared order-insensitively. */
const MIN_APPENDIX_BAG_RATIO = 0.95;

/** Splits a text at its phụ lục ("Phụ lục" line, or "PHỤ LỤC" in the references). */
function splitAppendix(text: string): [string, string] {
  const i = text.search(/^\s*(Phụ lục|PHỤ LỤC)\s*$/m);
  return i < 0 ? [text, ''] : [text.slice(0, i), text.slice(i)];
}

const pdfs: Pdf[] = [];
afterAll(() => pdfs.forEach((p) => p.cleanup()));

function checkPageNumbers(pdf: Pdf) {
  expect(firstLine(pdf.pageText(1))).not.toMatch(/^\d+$/);
  expect(firstLine(pdf.pageText(2))).toBe('2');
}

describe('LibreOffice opens the rendered examples', () => {
  it.each(EXAMPLES)('%s: pages, page numbers, text match', async (name, minPages, maxPages, minRatio) => {
    const pdf = docxToPdf(await renderDocument(loadExample(name)), name);
    pdfs.push(pdf);
    expect(pdf.pages).toBeGreaterThanOrEqual(minPages);
    expect(pdf.pages).toBeLessThanOrEqual(maxPages);
    checkPageNumbers(pdf);
    const [refMain, refAppendix] = splitAppendix(readFileSync(path.join(REFERENCE_DIR, `${name}.txt`), 'utf8'));
    const [main, appendix] = splitAppendix(pdf.text());
    const ratio = matchRatio(main, refMain);
    console.log(`text match ${name}: main text ${(ratio * 100).toFixed(2)} %`);
    expect(ratio).toBeGreaterThanOrEqual(minRatio);
    if (refAppendix) {
      const ordered = matchRatio(appendix, refAppendix);
      const bag = bagRatio(appendix, refAppendix);
      console.log(`text match ${name}: phụ lục ${(bag * 100).toFixed(2)} % (words, any order), ${(ordered * 100).toFixed(2)} % (characters, in order)`);
      expect(bag).toBeGreaterThanOrEqual(MIN_APPENDIX_BAG_RATIO);
    }
  });

  it('the Kế hoạch phụ lục restarts at 1 and shows "2" on its second page', async () => {
    const pdf = pdfs.find((p) => p.file.includes('ke-hoach')) ?? docxToPdf(await renderDocument(loadExample('ke-hoach-papi-2022-bac-kan')), 'kh');
    const texts = Array.from({ length: pdf.pages }, (_, i) => pdf.pageText(i + 1));
    const start = texts.findIndex((t) => firstLine(t) === 'Phụ lục');
    expect(start).toBeGreaterThan(0);
    expect(firstLine(texts[start + 1]!)).toBe('2');
    expect(texts[start + 1]).toContain('Nhiệm vụ, giải pháp'); // repeated header row
  });
});

// The kinds without a reference text: Quyết định (one issuing a Kế hoạch), Tờ trình, Giấy mời.
const NEW_KINDS = [
  'quyet-dinh-thanh-lap-doan-kiem-tra-2025-so-noi-vu',
  'quyet-dinh-ban-hanh-ke-hoach-tuyen-truyen-2025-so-noi-vu',
  'to-trinh-ke-hoach-kiem-tra-cchc-2025-so-noi-vu',
  'giay-moi-hoi-nghi-chi-so-cchc-2025-so-noi-vu',
];

describe('LibreOffice opens the Quyết định, Tờ trình and Giấy mời examples', () => {
  it.each(NEW_KINDS)('%s: quốc hiệu on one line, no number on a first page, numbers from page 2', async (name) => {
    const pdf = docxToPdf(await renderDocument(loadExample(name)), name);
    try {
      const pages = Array.from({ length: pdf.pages }, (_, i) => pdf.pageText(i + 1, true));
      expect(pages[0]).toMatch(/CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
      // Each document (the decision, then what it issues) starts on a page with the header and no number.
      const starts = pages.map((t, i) => (/CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/.test(t) ? i : -1)).filter((i) => i >= 0);
      let expected = 0;
      pages.forEach((t, i) => {
        expected = starts.includes(i) ? 1 : expected + 1;
        if (expected === 1) expect(firstLine(t), `${name} page ${i + 1}`).not.toMatch(/^\d+$/);
        else expect(firstLine(t), `${name} page ${i + 1}`).toBe(String(expected));
      });
      if (name.includes('ban-hanh')) {
        expect(starts.length).toBe(2);
        expect(pdf.pages).toBeGreaterThan(starts[1]! + 1); // the attached Kế hoạch has a page 2 to number
        expect(pages[starts[1]!]).toMatch(/\(Ban hành kèm theo Quyết định số 09\/QĐ-SNV/);
      }
    } finally {
      pdf.cleanup();
    }
  }, 120_000);
});

describe('LibreOffice opens synthetic documents', () => {
  it('báo cáo example and every synthetic variant convert', async () => {
    for (const [name, model] of [['bao-cao', loadExample('bao-cao-cchc-2023-so-noi-vu')] as const, ...syntheticVariants()]) {
      const pdf = docxToPdf(await renderDocument(model), 'synthetic');
      try {
        expect(pdf.pages, name).toBeGreaterThanOrEqual(1);
        expect(firstLine(pdf.pageText(1)), name).not.toMatch(/^\d+$/);
        // page 2 shows "2", unless it is the first page of a phụ lục (its number is hidden too)
        if (pdf.pages > 1) expect(firstLine(pdf.pageText(2)), name).toMatch(/^(2|Phụ lục( [IVX]+)?)$/);
      } finally {
        pdf.cleanup();
      }
    }
  }, 300_000);

  it('a 1,000-row phụ lục converts to a sane number of pages', async () => {
    const model = { ...baseModel(), body: [...baseModel().body, { type: 'paragraph' as const, text: '(Chi tiết tại Phụ lục kèm theo)' }], appendices: [taskAppendix(1000)] };
    const pdf = docxToPdf(await renderDocument(model), 'big');
    pdfs.push(pdf);
    expect(pdf.pages).toBeGreaterThan(30);
    expect(pdf.pages).toBeLessThan(200);
    expect(pdf.pageText(pdf.pages)).toContain('Nhiệm vụ số 1000');
  }, 300_000);
});
