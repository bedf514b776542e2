// Text hygiene applied at every boundary (input, storage, rendering).
// Pure functions: no node, electron, react, docx or kysely imports here.

// C0 controls except \t \n \r, DEL/C1 are legal in XML 1.0 but never wanted in
// official text, U+FFFE/U+FFFF are illegal.
const ILLEGAL_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Spaces that arrive from PDF copy-paste or word processors.
const ODD_SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g;
// Invisible characters that should simply vanish: zero-width spaces and joiners, BOM, soft hyphen,
// and the bidirectional controls (LRM/RLM, ALM, embeddings/overrides U+202A-E, isolates U+2066-9),
// which can make stored text display in an order other than the one it is stored in.
const INVISIBLES = /[\u200B-\u200F\uFEFF\u00AD\u061C\u202A-\u202E\u2066-\u2069]/g;
// Ð (U+00D0, Icelandic eth) and ð look like Đ/đ and come from legacy fonts and PDF
// extraction; in this application they are always the Vietnamese letter.
const ETH_UPPER = /\u00D0/g;
const ETH_LOWER = /\u00F0/g;

function scrub(s: string): string {
  return s
    .replace(LONE_SURROGATES, '')
    .replace(ILLEGAL_CONTROLS, '')
    .replace(INVISIBLES, '')
    .replace(ODD_SPACES, ' ')
    .replace(ETH_UPPER, '\u0110')
    .replace(ETH_LOWER, '\u0111')
    .normalize('NFC');
}

/** One-line text: NFC, XML-safe, odd spaces folded, runs of whitespace (incl. line breaks) collapsed, trimmed. */
export function cleanText(s: string): string {
  return scrub(String(s ?? ''))
    .replace(/[\r\n]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Like cleanText but keeps line breaks (normalised to \n); each line is cleaned, leading/trailing blank lines dropped. */
export function cleanMultiline(s: string): string {
  return scrub(String(s ?? ''))
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

/** Search key: cleaned, lower case, diacritics stripped, đ→d. "Đắk Lắk" → "dak lak". */
export function foldVietnamese(s: string): string {
  return cleanText(s)
    .toLocaleLowerCase('vi')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .normalize('NFC');
}

const collator = new Intl.Collator('vi');

/** Vietnamese (CLDR) order: a < ă < â, d < đ < e, o < ô < ơ, u < ư; never code-point order. */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a.normalize('NFC'), b.normalize('NFC'));
}

const naturalCollator = new Intl.Collator('vi', { numeric: true });

/** Vietnamese order with the numbers inside compared by value ("Kế hoạch số 2" < "Kế hoạch số 10"): the lists' column sort. */
export function compareVietnameseNatural(a: string, b: string): number {
  return naturalCollator.compare(a.normalize('NFC'), b.normalize('NFC'));
}
