import type { Kysely } from 'kysely';
import type { NameBook } from '../../shared/plan-appendix';
import type { Database } from '../db/schema';

/** Printed names of every agency (short name) and group, for tables and task lists. */
export async function loadNameBook(db: Kysely<Database>): Promise<NameBook> {
  const [agencies, groups] = await Promise.all([
    db.selectFrom('agencies').select(['id', 'short_name']).execute(),
    db.selectFrom('agency_groups').select(['id', 'name']).execute(),
  ]);
  const agency = new Map(agencies.map((a) => [a.id, a.short_name]));
  const group = new Map(groups.map((g) => [g.id, g.name]));
  return {
    ref(ref) {
      if (ref.type === 'agency') return agency.get(ref.agencyId) ?? `(cơ quan số ${ref.agencyId})`;
      if (ref.type === 'group') return group.get(ref.groupId) ?? `(nhóm số ${ref.groupId})`;
      return ref.text;
    },
  };
}
