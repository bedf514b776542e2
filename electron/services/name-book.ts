import type { Kysely } from 'kysely';
import type { NameBook } from '../../shared/plan-appendix';
import type { Database } from '../db/schema';

/** Printed names of every agency and group, for tables, task lists and Kính gửi. */
export async function loadNameBook(db: Kysely<Database>): Promise<NameBook> {
  const [agencies, groups] = await Promise.all([
    db.selectFrom('agencies').select(['id', 'short_name', 'full_name']).execute(),
    db.selectFrom('agency_groups').select(['id', 'name']).execute(),
  ]);
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const group = new Map(groups.map((g) => [g.id, g.name]));
  const name = (ref: Parameters<NameBook['ref']>[0], pick: 'short_name' | 'full_name') => {
    if (ref.type === 'agency') return byId.get(ref.agencyId)?.[pick] ?? `(cơ quan số ${ref.agencyId})`;
    if (ref.type === 'group') return group.get(ref.groupId) ?? `(nhóm số ${ref.groupId})`;
    return ref.text;
  };
  return { ref: (ref) => name(ref, 'short_name'), full: (ref) => name(ref, 'full_name') };
}
