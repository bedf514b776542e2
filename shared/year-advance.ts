/**
 * "Nhân bản cho năm sau": moving the years of a plan on by one inside its texts.
 * Pure functions: no node, electron, react, docx or kysely imports here.
 *
 * Only the plan's own years move (given by the caller, e.g. the index year and the draft year). Inside
 * those, a year stays as it is when it belongs to something fixed:
 * - a citation: "30/2020/NĐ-CP", "Quyết định số 59/2015/QĐ-TTg" (a year next to "/");
 * - a date: "ngày 12/12/2022", "12-12-2022", "12.12.2022", "ngày 05 tháng 3 năm 2022";
 * - a period of several years: "2021-2025", "giai đoạn 2021 – 2025", "2022/2023" (the programme
 *   it names does not move with the plan).
 * A year of a month or a quarter ("tháng 6 năm 2022", "quý I năm 2022") is a period of the plan and moves.
 */

const YEAR = /(?<!\d)(\d{4})(?!\d)/g;
// Characters that make a year part of a citation or a numeric date when they touch it.
const CITATION_BEFORE = /[/.\-–—]$/;
const CITATION_AFTER = /^[/\-–—]|^\.\d/;
// "2021 - 2025", "2021–2025": the two ends of a period.
const RANGE_AFTER = /^\s*[-–—]\s*\d{4}(?!\d)/;
const RANGE_BEFORE = /(?<!\d)\d{4}\s*[-–—]\s*$/;
// The year of a date written in words: "ngày 05 tháng 3 năm 2022" (the day may be left blank, as on drafts).
const DATE_IN_WORDS_BEFORE = /ngày\s*\d{0,2}\s*tháng\s*\d{0,2}\s*năm\s*$/iu;

/** True when the year at `start` (4 digits) is a citation, a date or an end of a period. */
function isFixed(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(start + 4, start + 20);
  return (
    CITATION_BEFORE.test(before) ||
    CITATION_AFTER.test(after) ||
    RANGE_AFTER.test(after) ||
    RANGE_BEFORE.test(before) ||
    DATE_IN_WORDS_BEFORE.test(before)
  );
}

/** The text with each of `years` moved on by one, except in citations, dates and periods (see above). */
export function advanceYears(text: string, years: Iterable<number>): string {
  const moving = new Set(years);
  if (moving.size === 0) return text;
  return text.replace(YEAR, (match, _y: string, offset: number) => {
    const year = Number(match);
    // 9999 → 10000 would change the length, which runs rely on (see advanceYearsInRuns).
    if (!moving.has(year) || year >= 9999 || isFixed(text, offset)) return match;
    return String(year + 1);
  });
}

/**
 * The same for text split in runs (bold/italic parts): the year is judged on the whole text, so
 * "năm " in one run and "2022" in the next still count, and each run keeps its formatting.
 */
export function advanceYearsInRuns<R extends { text: string }>(runs: readonly R[], years: Iterable<number>): R[] {
  const whole = runs.map((r) => r.text).join('');
  const advanced = advanceYears(whole, years);
  let at = 0;
  return runs.map((r) => {
    const text = advanced.slice(at, at + r.text.length);
    at += r.text.length;
    return text === r.text ? r : { ...r, text };
  });
}
