// Prints bench rows as an aligned table, one block per section.
import type { Row } from './stats.js';

function num(v: number): string {
  const a = Math.abs(v);
  return a >= 1000 ? v.toFixed(0) : a >= 100 ? v.toFixed(0) : a >= 10 ? v.toFixed(1) : v.toFixed(2);
}

function cells(r: Row): [string, string, string, string] {
  if (r.missing) return ['—', '', '', r.note ?? 'chưa có tính năng'];
  if (r.stats) {
    const s = r.stats;
    const spread = s.runs === 1 ? '' : s.runs >= 10 ? `p10–p90 ${num(s.p10)}–${num(s.p90)}` : `${num(s.min)}–${num(s.max)}`;
    return [`${num(s.median)} ${r.unit}`, spread, String(s.runs), r.note ?? ''];
  }
  const v = r.value ?? NaN;
  return [r.unit === '×' ? `×${num(v)}` : `${num(v)} ${r.unit}`.trim(), '', '', r.note ?? ''];
}

export function printTable(rows: readonly Row[], heading?: string): void {
  const head = ['Phép đo', 'trung vị', 'dao động (min–max)', 'số lần', 'ghi chú'] as const;
  const body = rows.map((r) => [r.name, ...cells(r)]);
  const w = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (c: readonly string[]) => [c[0]!.padEnd(w[0]!), c[1]!.padStart(w[1]!), c[2]!.padStart(w[2]!), c[3]!.padStart(w[3]!), c[4]!].join('  ').trimEnd();
  if (heading) console.log(heading);
  console.log(line(head));
  console.log(w.map((n, i) => '─'.repeat(i === 4 ? Math.min(n, 40) : n)).join('  '));
  let section = '';
  rows.forEach((r, i) => {
    if (r.section !== section) {
      section = r.section;
      console.log(`[${section}]`);
    }
    console.log(line(body[i]!));
  });
}
