import { describe, expect, it } from 'vitest';
import { parseDocumentModel } from '../../shared/document/model.js';
import { composeSoKyHieu, formatNd30Date, ND30_DATE_RE, padNd30, pointLetter, toRoman } from '../../shared/nd30.js';
import { cleanMultiline, cleanText, compareVietnamese, foldVietnamese } from '../../shared/text.js';
import { baseModel, hostile } from './fixtures.js';

describe('shared/text', () => {
  it('cleans hostile text', () => {
    expect(cleanText('  A\u00A0\u00A0b\u0007\u00AD c\u200B \u00D0ồng ' + 'ệ'.normalize('NFD') + ' \uD800x\uFFFF ')).toBe('A b c Đồng ệ x');
    expect(cleanMultiline(' a  b\r\n\r\n\r\n c ')).toBe('a b\n\nc');
  });
  it('folds and sorts Vietnamese', () => {
    expect(foldVietnamese('Đắk Lắk ĐÀ NẴNG')).toBe('dak lak da nang');
    expect(['Ea', 'Đài', 'Dung', 'Ăn', 'An', 'Bé'].sort(compareVietnamese)).toEqual(['An', 'Ăn', 'Bé', 'Dung', 'Đài', 'Ea']);
  });
});

describe('shared/nd30', () => {
  it('formats dates, numbers and ký hiệu', () => {
    expect(formatNd30Date('Bắc Kạn', { day: 5, month: 3, year: 2024 })).toBe('Bắc Kạn, ngày 05 tháng 3 năm 2024');
    expect(formatNd30Date('Bắc Kạn', { day: 28, month: 2, year: 2023 })).toMatch(ND30_DATE_RE);
    expect(formatNd30Date('Bắc Kạn', { day: 1, month: 1, year: 2020 })).toBe('Bắc Kạn, ngày 01 tháng 01 năm 2020');
    expect(padNd30(123)).toBe('123');
    expect(composeSoKyHieu({ kind: 'ke-hoach', number: 12, issuer: 'UBND' })).toBe('Số: 12/KH-UBND');
    expect(composeSoKyHieu({ kind: 'cong-van', number: 123, issuer: 'UBND', unit: 'NV' })).toBe('Số: 123/UBND-NV');
    expect(composeSoKyHieu({ kind: 'chi-thi', issuer: 'UBND' })).toMatch(/^Số: +\/CT-UBND$/);
    expect(toRoman(13)).toBe('XIII');
    expect([1, 4, 5, 6, 7].map(pointLetter)).toEqual(['a', 'd', 'đ', 'e', 'g']);
  });
});

describe('document model', () => {
  it('accepts and cleans a hostile model', () => {
    const r = parseDocumentModel(hostile());
    expect(r.ok).toBe(true);
    if (r.ok) expect(JSON.stringify(r.model)).not.toMatch(/[\u00A0\u00D0\u0000-\u0008\u200B\uFEFF]/);
  });
  it('names the field in Vietnamese', () => {
    const r = parseDocumentModel({ ...baseModel(), subject: '', kind: 'nghi-quyet', extra: 1, signature: { authority: ['T/M UBND'], name: 'TS. A' } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const messages = r.errors.map((e) => e.message);
      expect(messages).toContain('Trích yếu: không được để trống');
      expect(messages.some((m) => m.startsWith('Loại văn bản:'))).toBe(true);
      expect(messages.some((m) => m.startsWith('Thẩm quyền ký:'))).toBe(true);
      expect(messages.some((m) => m.startsWith('Người ký:'))).toBe(true);
      expect(messages.some((m) => m.includes('"extra"'))).toBe(true);
      expect(r.errors.find((e) => e.message.startsWith('Trích yếu'))?.path).toBe('subject');
    }
  });
  it('checks a named kind code and the Như trên rule', () => {
    const r = parseDocumentModel({ ...baseModel(), code: 'QĐ-SNV', recipients: ['UBND tỉnh'] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['code', 'distribution.items[0]']));
  });
});
