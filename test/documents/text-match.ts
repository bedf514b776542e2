// Similarity between an extracted PDF text and a reference text, on characters with all
// whitespace removed: PDF extractors split words where a line is justified or a glyph comes
// from a fallback font ("s ố"), so word tokens are unreliable. ratio = 1 − D / (|a| + |b|),
// D = insert/delete edit distance (Myers), i.e. 2·LCS / (|a| + |b|).

export function normaliseChars(text: string): string[] {
  return [...text.normalize('NFC').replace(/\*+/g, '').toLocaleLowerCase('vi').replace(/[\s\u00A0\u2000-\u200B\u202F\uFEFF]+/g, '')];
}

/** Myers O((N+M)·D) shortest edit script length (insertions + deletions). */
export function editDistance(a: readonly string[], b: readonly string[]): number {
  const n = a.length, m = b.length, max = n + m, off = max + 1;
  const v = new Int32Array(2 * max + 3);
  for (let d = 0; d <= max; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1]! < v[off + k + 1]!) ? v[off + k + 1]! : v[off + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) { x++; y++; }
      v[off + k] = x;
      if (x >= n && y >= m) return d;
    }
  }
  return max;
}

export function matchRatio(actual: string, reference: string): number {
  const a = normaliseChars(actual), b = normaliseChars(reference);
  return a.length + b.length === 0 ? 1 : 1 - editDistance(a, b) / (a.length + b.length);
}

/** Order-insensitive word overlap (multiset Dice), for tables whose reading order differs between extractors. */
export function bagRatio(actual: string, reference: string): number {
  const words = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').split(/\s+/).map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter(Boolean);
  const count = (ws: string[]) => ws.reduce((m, w) => m.set(w, (m.get(w) ?? 0) + 1), new Map<string, number>());
  const a = count(words(actual)), b = count(words(reference));
  let common = 0, total = 0;
  for (const [w, c] of a) { common += Math.min(c, b.get(w) ?? 0); total += c; }
  for (const c of b.values()) total += c;
  return total ? (2 * common) / total : 1;
}
