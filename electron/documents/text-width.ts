import { ADVANCES, GLYPHS, UNITS_PER_EM } from './font-metrics.js';

export type FontStyle = keyof typeof ADVANCES;

const INDEX = new Map<string, number>([...GLYPHS].map((ch, i) => [ch, i]));
const HORN = '\u031B';

/** The glyph whose advance a character takes: itself if known, else its base letter (keeping a horn: ơ, ư). */
function metricChar(ch: string): string {
  if (INDEX.has(ch)) return ch;
  const nfd = ch.normalize('NFD');
  const base = nfd.includes(HORN) ? (nfd[0]! + HORN).normalize('NFC') : nfd[0]!;
  return INDEX.has(base) ? base : 'n';
}

/** Estimated width in twips of `text` set in Times New Roman at `sizePt`. */
export function textWidthTw(text: string, sizePt: number, style: FontStyle = 'regular'): number {
  const table = ADVANCES[style];
  let units = 0;
  for (const ch of text) units += table[INDEX.get(metricChar(ch))!]!;
  return Math.round((units / UNITS_PER_EM) * sizePt * 20);
}
