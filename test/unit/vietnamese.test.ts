import { describe, expect, it } from 'vitest';
import { cleanMultiline, cleanText, compareVietnamese, compareVietnameseNatural, foldVietnamese } from '../../shared/text';

describe('Vietnamese text helpers', () => {
  it('folds diacritics and đ/Đ for search', () => {
    expect(foldVietnamese('Sở Nội vụ')).toBe('so noi vu');
    expect(foldVietnamese('ĐÀI PHÁT THANH')).toBe('dai phat thanh');
    expect(foldVietnamese('Đắk Lắk')).toBe('dak lak');
    // decomposed input (e + combining marks) folds the same as composed
    expect(foldVietnamese('Ne\u0323\u0302n')).toBe(foldVietnamese('Nện'));
  });

  it('sorts with Vietnamese collation, not code points', () => {
    const names = ['Đài Phát thanh', 'Ủy ban', 'Ban Dân vận', 'Dân tộc', 'Sở Y tế', 'Ấp', 'An Giang', 'Ê-đê', 'Báo Bắc Kạn'];
    const sorted = [...names].sort(compareVietnamese);
    expect(sorted).toEqual(['An Giang', 'Ấp', 'Ban Dân vận', 'Báo Bắc Kạn', 'Dân tộc', 'Đài Phát thanh', 'Ê-đê', 'Sở Y tế', 'Ủy ban']);
    // code-point order would put Đ (U+0110) after every Latin letter
    expect([...names].sort().indexOf('Đài Phát thanh')).toBeGreaterThan(sorted.indexOf('Đài Phát thanh'));
  });

  it('sorts the lists with numbers by value, still in Vietnamese order', () => {
    const titles = ['Kế hoạch số 10', 'Đắk Lắk', 'Kế hoạch số 2', 'Dân vận', 'Kế hoạch số 1'];
    expect([...titles].sort(compareVietnameseNatural)).toEqual(['Dân vận', 'Đắk Lắk', 'Kế hoạch số 1', 'Kế hoạch số 2', 'Kế hoạch số 10']);
  });

  it('cleans text pasted from PDFs', () => {
    expect(cleanText('Sở\u00a0Nội\u200bvụ\u0007 \u2003 tỉnh\r\n')).toBe('Sở Nộivụ tỉnh');
    expect(cleanText('\u00d0ài')).toBe('Đài');
    expect(cleanText('Ho\u0300a')).toBe('Hòa');
    expect(cleanText('Ho\u0300a').normalize('NFC')).toBe(cleanText('Ho\u0300a'));
    expect(cleanMultiline('ỦY BAN NHÂN DÂN \r\n  TỈNH BẮC KẠN\n\n\n')).toBe('ỦY BAN NHÂN DÂN\nTỈNH BẮC KẠN');
  });

  it('removes every bidirectional control, so text shows in the order it is stored', () => {
    const controls = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];
    for (const c of controls) {
      expect(cleanText(`Sở${c} Nội vụ`), `U+${c.codePointAt(0)!.toString(16).toUpperCase()}`).toBe('Sở Nội vụ');
      expect(cleanMultiline(`Dòng 1${c}\n${c}Dòng 2`)).toBe('Dòng 1\nDòng 2');
    }
    // the classic spoof: an override that makes "xslx.exe" display as "exe.xlsx"
    expect(cleanText('bao-cao\u202Exslx.exe')).toBe('bao-caoxslx.exe');
  });
});
