// Timing helpers and the row type every bench module returns. Figures are reported, never asserted.

export interface Stats {
  runs: number;
  median: number;
  min: number;
  max: number;
  p10: number;
  p90: number;
}

/** One line of the printed table (and of bench/results.json). */
export interface Row {
  section: string;
  name: string;
  /** Unit of the figures: 'ms' for timings, others for plain values. */
  unit: 'ms' | 'MiB' | 'KiB' | '×' | '';
  stats?: Stats;
  /** A single value (size, memory, ratio) instead of timed runs. */
  value?: number;
  note?: string;
  /** The operation does not exist in the code yet: printed, never faked. */
  missing?: boolean;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 1) return sorted[0]!;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export function summarize(samples: readonly number[]): Stats {
  if (samples.length === 0) throw new Error('no samples');
  const s = [...samples].sort((a, b) => a - b);
  return { runs: s.length, median: quantile(s, 0.5), min: s[0]!, max: s[s.length - 1]!, p10: quantile(s, 0.1), p90: quantile(s, 0.9) };
}

/** Runs `fn` `warmup` times untimed, then `runs` times timed; returns the stats and the last result. */
export async function timeRuns<T>(runs: number, fn: (i: number) => Promise<T> | T, warmup = 1): Promise<{ stats: Stats; last: T; samples: number[] }> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const samples: number[] = [];
  let last!: T;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = await fn(i);
    samples.push(performance.now() - t);
  }
  return { stats: summarize(samples), last, samples };
}

export async function timeOnce<T>(fn: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  const t = performance.now();
  const result = await fn();
  return { ms: performance.now() - t, result };
}

export function timed(section: string, name: string, stats: Stats, note?: string): Row {
  return { section, name, unit: 'ms', stats, ...(note ? { note } : {}) };
}

export function single(section: string, name: string, ms: number, note?: string): Row {
  return timed(section, name, summarize([ms]), note);
}

export function value(section: string, name: string, unit: Row['unit'], v: number, note?: string): Row {
  return { section, name, unit, value: v, ...(note ? { note } : {}) };
}

export function missing(section: string, name: string, note = 'chưa có tính năng'): Row {
  return { section, name, unit: '', missing: true, note };
}

export const mib = (bytes: number) => bytes / 1024 / 1024;

/** Runs options shared by every module: `--quick` uses fewer runs and smaller data. */
export interface BenchOptions {
  quick: boolean;
}
