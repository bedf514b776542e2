import { parseVnDate } from './dates';
import type { Deadline } from './plans';
import { foldVietnamese } from './text';

export type DeadlineParse = { ok: true; deadline: Deadline } | { ok: false; message: string };

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const YEAR = /^(?:(?:nam|\/|-)\s*)?(\d{4})$/;
const HINT = 'gõ như 31/12/2022, Quý II, Tháng 6, Trong năm 2022 hoặc Thường xuyên';

function yearOf(rest: string, defaultYear: number): number | null {
  const t = rest.trim();
  if (t === '') return defaultYear;
  const m = YEAR.exec(t);
  return m ? Number(m[1]) : null;
}

const fail = (message: string): DeadlineParse => ({ ok: false, message });
const inRange = (y: number) => y >= 2000 && y <= 2100;

/**
 * A deadline typed as a person writes it in the Phụ lục ("31/12/2022", "Trước ngày 31/12/2022",
 * "Quý II", "Quý 2/2022", "Tháng 6", "Tháng 6/2022", "Trong năm 2022", "Thường xuyên", "Theo nhiệm kỳ");
 * a missing year is `defaultYear`. Reads back everything `formatDeadline` prints.
 */
export function parseDeadline(input: string, defaultYear: number): DeadlineParse {
  const raw = input.replace(/\s+/g, ' ').trim();
  const t = foldVietnamese(raw).replace(/\.$/, '');
  if (t === '') return fail('Thời gian thực hiện: chưa ghi');
  if (t === 'thuong xuyen') return { ok: true, deadline: { kind: 'thuong-xuyen' } };
  if (t === 'theo nhiem ky' || t === 'ca nhiem ky') return { ok: true, deadline: { kind: 'theo-nhiem-ky' } };

  const checkedYear = (y: number | null, what: string): number | string => {
    if (y === null) return `Thời gian thực hiện: không hiểu "${raw}" (${HINT})`;
    if (!inRange(y)) return `Thời gian thực hiện: năm ${y} của ${what} nằm ngoài 2000–2100`;
    return y;
  };

  const quarter = /^quy\s+(iv|iii|ii|i|[1-4])\b\s*(.*)$/.exec(t);
  if (quarter) {
    const y = checkedYear(yearOf(quarter[2]!, defaultYear), 'quý');
    if (typeof y === 'string') return fail(y);
    return { ok: true, deadline: { kind: 'quy', quarter: ROMAN[quarter[1]!] ?? Number(quarter[1]), year: y } };
  }
  const month = /^(?:thang\s+(\d{1,2})(?:\s*(?:\/|-|nam)\s*(\d{4}))?|(\d{1,2})\s*[/-]\s*(\d{4}))$/.exec(t);
  if (month) {
    const m = Number(month[1] ?? month[3]);
    if (m < 1 || m > 12) return fail(`Thời gian thực hiện: không có tháng ${m}`);
    const given = month[2] ?? month[4];
    const y = checkedYear(given ? Number(given) : defaultYear, 'tháng');
    if (typeof y === 'string') return fail(y);
    return { ok: true, deadline: { kind: 'thang', month: m, year: y } };
  }
  const year = /^(?:trong\s+)?(?:nam\s+)?(\d{4})$/.exec(t);
  if (year) {
    const y = checkedYear(Number(year[1]), 'năm');
    if (typeof y === 'string') return fail(y);
    return { ok: true, deadline: { kind: 'trong-nam', year: y } };
  }
  const date = /^(?:truoc\s+)?(?:ngay\s+)?(\d{1,2}[/.-]\d{1,2}[/.-]\d{4})$/.exec(t);
  if (date) {
    const iso = parseVnDate(date[1]!);
    if (!iso) return fail(`Thời gian thực hiện: ngày ${date[1]} không có thật`);
    if (!inRange(Number(iso.slice(0, 4)))) return fail(`Thời gian thực hiện: năm của ngày ${date[1]} nằm ngoài 2000–2100`);
    return { ok: true, deadline: { kind: 'ngay', date: iso } };
  }
  return fail(`Thời gian thực hiện: không hiểu "${raw}" (${HINT})`);
}
