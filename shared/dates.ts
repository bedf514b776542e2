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

/** "2024-03-05" → "05/03/2024". */
export function formatVnDate(iso: string | null | undefined): string {
  const m = iso ? ISO.exec(iso) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/** An ISO timestamp in local time: "14:05 ngày 02/12/2026". */
export function formatVnDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())} ngày ${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** "2026-03-05" → { year: 2026, month: 3, day: 5 } (the date of a document model). */
export function isoDateParts(iso: string): { year: number; month: number; day: number } {
  const [year, month, day] = iso.split('-').map(Number);
  return { year: year!, month: month!, day: day! };
}

/** The calendar day in the computer's own time zone, ISO ("yyyy-mm-dd"); toISOString() would give UTC, the day before until 07:00 in Việt Nam. */
export function localIsoDate(d: Date = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** "2026-12-30" + 7 → "2027-01-06". */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}
