import type { RoundAnswer } from './reports';
import { compareVietnamese } from './text';

/**
 * One line per agency for a narrative column ("difficulties" or "proposals"): what it wrote on all
 * its tasks, each distinct text once, in task order; agencies that wrote nothing are left out.
 */
export function summariseByAgency(answers: RoundAnswer[], field: 'difficulties' | 'proposals' | 'evidence'): { agency: string; text: string }[] {
  const byAgency = new Map<string, string[]>();
  for (const a of answers) {
    const lines = a[field].split('\n').map((l) => l.trim().replace(/[\s;.,]+$/u, '')).filter(Boolean);
    if (!lines.length) continue;
    const list = byAgency.get(a.agency) ?? [];
    for (const l of lines) if (!list.includes(l)) list.push(l);
    byAgency.set(a.agency, list);
  }
  return [...byAgency].sort(([x], [y]) => compareVietnamese(x, y)).map(([agency, list]) => ({ agency, text: list.join('; ') }));
}

export const ROLE_NAMES = { 'chu-tri': 'Chủ trì', 'phoi-hop': 'Phối hợp', 'bo-sung': 'Bổ sung' } as const;
