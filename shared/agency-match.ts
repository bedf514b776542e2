import type { AgencyRef } from './plans';
import { foldVietnamese } from './text';

/** What a name is matched against: the registry's agencies (in use) and groups. */
export interface AgencyRegistry {
  agencies: readonly { id: number; fullName: string; shortName: string; abbreviation: string; active: boolean }[];
  groups: readonly { id: number; name: string }[];
}

export type AgencyMatch =
  | { kind: 'match'; ref: AgencyRef; label: string }
  | { kind: 'ambiguous'; candidates: { ref: AgencyRef; label: string }[] }
  | { kind: 'none' };

interface Entry {
  ref: AgencyRef;
  label: string;
  names: string[];
  initials: string[];
  groupKey: string | null;
}

/** Folded, "Ủy ban nhân dân" → "ubnd", punctuation as spaces. */
function key(s: string): string {
  return foldVietnamese(s)
    .replace(/uy ban nhan dan/g, 'ubnd')
    .replace(/[^\p{L}\p{N}&]+/gu, ' ')
    .trim();
}

/** Words that say nothing about which group is meant: "UBND các huyện, thành phố" = "UBND cấp huyện". */
const GROUP_FILLER = new Set(['cac', 'cap', 'thuoc', 'tinh', 'thanh', 'pho', 'phuong', 'thi', 'tran', 'tren', 'dia', 'ban', 'va']);
function groupKey(s: string): string {
  return key(s)
    .replace(/&/g, ' ')
    .split(' ')
    .filter((w) => w && !GROUP_FILLER.has(w))
    .join(' ');
}

/** "Sở Thông tin và Truyền thông" → "stttt" (initials, "và" skipped). */
function initialsOfName(s: string): string {
  return key(s)
    .split(' ')
    .filter((w) => w && w !== 'va' && w !== '&')
    .map((w) => (w === 'ubnd' ? w : w.replace(/&/g, '')[0] ?? ''))
    .join('');
}

/** How an abbreviation is written: "Sở TT&TT", "Sở TTTT", "STTTT" → "stttt": capitals kept whole, other words by their initial. */
function initialsAsWritten(s: string): string {
  return s
    .normalize('NFC')
    .split(/[\s,.;:()/-]+/)
    .filter(Boolean)
    .map((w) => {
      const letters = w.replace(/[^\p{L}\p{N}]/gu, '');
      // "TT&TT", "UBND" are initials; "SỞ" (written in capitals, but with a Vietnamese letter) is a word
      const whole = letters.length > 1 && letters === letters.toLocaleUpperCase('vi') && /^[A-Z\d]+$/.test(letters);
      return foldVietnamese(whole ? letters : letters.slice(0, 1));
    })
    .join('');
}

function entries(registry: AgencyRegistry): Entry[] {
  return [
    ...registry.groups.map((g) => ({ ref: { type: 'group', groupId: g.id } as AgencyRef, label: g.name, names: [key(g.name)], initials: [], groupKey: groupKey(g.name) })),
    ...registry.agencies
      .filter((a) => a.active)
      .map((a) => ({
        ref: { type: 'agency', agencyId: a.id } as AgencyRef,
        label: a.shortName,
        names: [key(a.fullName), key(a.shortName)],
        initials: [initialsOfName(a.shortName), ...(a.abbreviation ? [foldVietnamese(a.abbreviation).replace(/[^\p{L}\p{N}]/gu, '')] : [])],
        groupKey: null,
      })),
  ];
}

function decide(found: Entry[]): AgencyMatch | null {
  const unique = [...new Map(found.map((e) => [JSON.stringify(e.ref), e])).values()];
  if (unique.length === 1) return { kind: 'match', ref: unique[0]!.ref, label: unique[0]!.label };
  if (unique.length > 1) return { kind: 'ambiguous', candidates: unique.map((e) => ({ ref: e.ref, label: e.label })) };
  return null;
}

/**
 * Matches a name as written in a plan or a spreadsheet to the registry, ignoring case and
 * diacritics (đ = d): first by official or short name, then by abbreviation ("Sở TT&TT", "STTTT"),
 * then a group by its meaningful words ("UBND cấp huyện" = "UBND các huyện, thành phố").
 * Several agencies at the first level that finds any → ambiguous, for a person to choose.
 */
export function matchAgency(name: string, registry: AgencyRegistry): AgencyMatch {
  const k = key(name);
  if (k === '') return { kind: 'none' };
  const all = entries(registry);
  // Only a name written with capitals is read as an abbreviation ("trung tâm tin" is not "TTT").
  const looksAbbreviated = /(?:^|[\s,.;(])[\p{Lu}&]{2,}/u.test(name.normalize('NFC'));
  const written = looksAbbreviated ? initialsAsWritten(name) : '';
  const gk = groupKey(name);
  return (
    decide(all.filter((e) => e.names.includes(k))) ??
    decide(written.length >= 2 ? all.filter((e) => e.initials.includes(written)) : []) ??
    decide(gk ? all.filter((e) => e.groupKey === gk) : []) ?? { kind: 'none' }
  );
}

/**
 * Several names in one cell ("Sở Tài chính; Các sở, ban, ngành, UBND cấp huyện"): split at ";" and
 * line breaks, then at commas only where the pieces are names of their own (a group name may hold commas).
 */
export function splitAgencyNames(text: string, registry: AgencyRegistry): string[] {
  const out: string[] = [];
  for (const part of text.split(/[;\n]+/).map((s) => s.trim()).filter(Boolean)) {
    if (matchAgency(part, registry).kind !== 'none' || !part.includes(',')) {
      out.push(part);
      continue;
    }
    const pieces = part.split(',').map((s) => s.trim()).filter(Boolean);
    let i = 0;
    while (i < pieces.length) {
      let taken = 1;
      for (let j = pieces.length; j > i + 1; j--) {
        if (matchAgency(pieces.slice(i, j).join(', '), registry).kind !== 'none') {
          taken = j - i;
          break;
        }
      }
      out.push(pieces.slice(i, i + taken).join(', '));
      i += taken;
    }
  }
  return out;
}
