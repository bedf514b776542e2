/** Dates cross the contract as ISO "yyyy-mm-dd" and are shown as dd/mm/yyyy. */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function isIsoDate(s: string): boolean {
  const m = ISO.exec(s);
  return Boolean(m && isRealDate(Number(m[1]), Number(m[2]), Number(m[3])));
}

/** "05/03/2024" (also 5/3/2024, 05-03-2024, 05.03.2024) → "2024-03-05"; null when it is not a real date. */
export function parseVnDate(input: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(input);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isRealDate(y, mo, d)) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * What a person typed in a date field: empty, a real date (ISO), or an error naming what was typed.
 * "31/02/2022" is an error, never rounded to another day.
 */
export function checkVnDate(input: string): { iso: string | null } | { error: string } {
  const text = input.trim();
  if (text === '') return { iso: null };
  const iso = parseVnDate(text);
  return iso ? { iso } : { error: `Ngày không hợp lệ: ${text}` };
}

const two = (n: number) => String(n).padStart(2, '0');

/** The local calendar day of `d` as "yyyy-mm-dd" (toISOString() would give the UTC day: yesterday before 07:00 in Việt Nam). */
export function localIsoDate(d: Date): string {
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/**
 * The local calendar day of a stored moment: an ISO timestamp ("2026-12-01T23:30:00.000Z" is
 * 2 December in Việt Nam) or a plain date, kept as it is. '' when it cannot be read.
 */
export function localDayOf(stamp: string): string {
  if (ISO.test(stamp)) return stamp;
  const d = new Date(stamp);
  return Number.isNaN(d.getTime()) ? '' : localIsoDate(d);
}

/** Today on this computer's calendar, "yyyy-mm-dd". */
export function todayIso(): string {
  return localIsoDate(new Date());
}

/** The local clock time of `d`: "06:30:05". */
export function formatClock(d: Date): string {
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** "2024-03-05" → "05/03/2024". */
export function formatVnDate(iso: string | null | undefined): string {
  const m = iso ? ISO.exec(iso) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/** An ISO timestamp in local time: "14:05 ngày 02/12/2026". */
export function formatVnDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${two(d.getHours())}:${two(d.getMinutes())} ngày ${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** "2026-03-05" → { year: 2026, month: 3, day: 5 } (the date of a document model). */
export function isoDateParts(iso: string): { year: number; month: number; day: number } {
  const [year, month, day] = iso.split('-').map(Number);
  return { year: year!, month: month!, day: day! };
}

/** "2026-12-30" + 7 → "2027-01-06". */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}
