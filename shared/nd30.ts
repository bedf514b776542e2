// Pure Nghị định 30/2020/NĐ-CP helpers: numbers, dates, ký hiệu, signature prefixes.
// See /work/shared/spec/nd30-format.md §4 and §6.

export const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';

/** Kinds the engine renders, with their tên loại and abbreviation (Phụ lục III, Mục I). */
export const DOCUMENT_KINDS = {
  'ke-hoach': { name: 'Kế hoạch', abbreviation: 'KH' },
  'chi-thi': { name: 'Chỉ thị', abbreviation: 'CT' },
  'bao-cao': { name: 'Báo cáo', abbreviation: 'BC' },
  'thong-bao': { name: 'Thông báo', abbreviation: 'TB' },
  'cong-van': { name: 'Công văn', abbreviation: '' },
  'quyet-dinh': { name: 'Quyết định', abbreviation: 'QĐ' },
  'to-trinh': { name: 'Tờ trình', abbreviation: 'TTr' },
  'giay-moi': { name: 'Giấy mời', abbreviation: 'GM' },
} as const;
export type DocumentKind = keyof typeof DOCUMENT_KINDS;
export const DOCUMENT_KIND_IDS = Object.keys(DOCUMENT_KINDS) as [DocumentKind, ...DocumentKind[]];

/** Every abbreviation of Phụ lục III, Mục I (some contain lower-case letters: CTr, TTr, QyĐ, TrS). */
export const KIND_ABBREVIATIONS: Readonly<Record<string, string>> = {
  'Nghị quyết': 'NQ', 'Quyết định': 'QĐ', 'Chỉ thị': 'CT', 'Quy chế': 'QC', 'Quy định': 'QyĐ',
  'Thông cáo': 'TC', 'Thông báo': 'TB', 'Hướng dẫn': 'HD', 'Chương trình': 'CTr', 'Kế hoạch': 'KH',
  'Phương án': 'PA', 'Đề án': 'ĐA', 'Dự án': 'DA', 'Báo cáo': 'BC', 'Biên bản': 'BB', 'Tờ trình': 'TTr',
  'Hợp đồng': 'HĐ', 'Công điện': 'CĐ', 'Bản ghi nhớ': 'BGN', 'Bản thỏa thuận': 'BTT',
  'Giấy ủy quyền': 'GUQ', 'Giấy mời': 'GM', 'Giấy giới thiệu': 'GGT', 'Giấy nghỉ phép': 'GNP',
  'Phiếu gửi': 'PG', 'Phiếu chuyển': 'PC', 'Phiếu báo': 'PB', 'Bản sao y': 'SY', 'Bản trích sao': 'TrS',
  'Bản sao lục': 'SL',
};

/** Signature authority prefixes (Điều 13): written with a full stop, never "T/M", "K/T", "T/L". */
export const AUTHORITY_PREFIXES = ['TM.', 'KT.', 'TL.', 'TUQ.', 'Q.'] as const;
export type AuthorityPrefix = (typeof AUTHORITY_PREFIXES)[number];
export const INVALID_AUTHORITY_PREFIX = /^(T\/M|K\/T|T\/L|TUQ\/|Q\/)/;

export const URGENCY_MARKS = ['KHẨN', 'THƯỢNG KHẨN', 'HỎA TỐC'] as const;
export type UrgencyMark = (typeof URGENCY_MARKS)[number];

/** Number in a document: below 10 gets a leading 0, nothing more ("05", "12", "123"). */
export function padNd30(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Month in a date line: only 1 and 2 are padded ("01", "02", "3", …, "12"). */
export function formatNd30Month(m: number): string {
  return m <= 2 ? `0${m}` : String(m);
}

export interface Nd30Date { day?: number | null; month?: number | null; year: number }

// Draft blanks, wide enough to write the figure in by hand (as in the Bắc Kạn drafts).
const BLANK_DAY = '\u0020'.repeat(6);
const BLANK_MONTH = '\u0020'.repeat(4);

/** "Bắc Kạn, ngày 05 tháng 3 năm 2024"; a missing day/month is left blank (draft). */
export function formatNd30Date(place: string, date: Nd30Date): string {
  const day = date.day ? padNd30(date.day) : BLANK_DAY;
  const month = date.month ? formatNd30Month(date.month) : BLANK_MONTH;
  return `${place}, ngày ${day} tháng ${month} năm ${date.year}`;
}

/** The same date inside a sentence: "ngày 05 tháng 3 năm 2024". */
export function formatNd30DatePhrase(date: Nd30Date): string {
  return formatNd30Date('', date).slice(2);
}

const BLANK_NUMBER = '\u0020'.repeat(6);

export type SoKyHieuInput =
  | { kind: Exclude<DocumentKind, 'cong-van'> | 'named'; abbreviation?: string; number?: number | null; issuer: string }
  | { kind: 'cong-van'; number?: number | null; issuer: string; unit: string };

/** The code after the slash: "KH-UBND" for a named kind, "UBND-NV" for a công văn. */
export function composeKyHieu(input: SoKyHieuInput): string {
  if (input.kind === 'cong-van') return `${input.issuer}-${input.unit}`;
  const abbr = input.abbreviation ?? (input.kind === 'named' ? '' : DOCUMENT_KINDS[input.kind].abbreviation);
  return `${abbr}-${input.issuer}`;
}

/** "Số: 12/KH-UBND"; without a number (draft) "Số:      /KH-UBND". */
export function composeSoKyHieu(input: SoKyHieuInput): string {
  return formatSoLine(input.number, composeKyHieu(input));
}

export function formatSoLine(number: number | null | undefined, kyHieu: string): string {
  return `Số: ${number ? padNd30(number) : BLANK_NUMBER}/${kyHieu}`;
}

const ROMAN: ReadonlyArray<[number, string]> = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

export function toRoman(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) throw new RangeError(`Số La Mã không hợp lệ: ${n}`);
  let out = '';
  for (const [value, symbol] of ROMAN) while (n >= value) { out += symbol; n -= value; }
  return out;
}

/** Vietnamese point letters (a, b, c, d, đ, e, g, …): no f, j, w, z. */
export const POINT_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'] as const;

/** 1 → "a", 5 → "đ"; beyond y, letters double ("aa"). */
export function pointLetter(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Thứ tự điểm không hợp lệ: ${n}`);
  const L = POINT_LETTERS.length;
  return n <= L ? POINT_LETTERS[n - 1]! : pointLetter(Math.ceil(n / L) - 1) + POINT_LETTERS[(n - 1) % L]!;
}

/** Date-line regex of spec §4; draft mode allows a blank day/month. */
export const ND30_DATE_RE = /^\S.*, ngày (0[1-9]|[12]\d|3[01]) tháng (0[12]|[3-9]|1[0-2]) năm \d{4}$/;
export const ND30_DRAFT_DATE_RE = /^\S.*, ngày (0[1-9]|[12]\d|3[01]|\s+) tháng (0[12]|[3-9]|1[0-2]|\s+) năm \d{4}$/;
export const SO_LINE_RE = /^Số: (\s*|0[1-9]|[1-9]\d+)\/[A-ZĐ][A-Za-zĐđ0-9]*(-[A-ZĐ][A-Za-zĐđ0-9]*)+$/;

/** Ends a list item with ";" (or "." when last), replacing whatever ending punctuation it had. */
export function withListEnding(text: string, last: boolean): string {
  return text.replace(/[\s;.,:]+$/u, '') + (last ? '.' : ';');
}

/** Makes sure the closing "./." ends the content. */
export function withClosingMark(text: string): string {
  if (text.endsWith('./.')) return text;
  return text.replace(/[\s.;:,]+$/u, '') + './.';
}
