import type { Kysely } from 'kysely';
import type { AgencyGroup, AgencyGroupFields } from '../../shared/agencies';
import { compareVietnamese, foldVietnamese } from '../../shared/text';
import type { Database } from '../db/schema';
import { transactional } from '../db/transaction';
import { ServiceError } from './errors';
import { claimRevision } from './revisions';

export async function listAgencyGroups(db: Kysely<Database>): Promise<AgencyGroup[]> {
  const [groups, members] = await Promise.all([
    db.selectFrom('agency_groups').selectAll().execute(),
    db.selectFrom('agency_group_members').select(['group_id', 'agency_id']).execute(),
  ]);
  return groups
    .map((g) => ({
      id: g.id,
      name: g.name,
      protocolOrder: g.protocol_order,
      memberIds: members.filter((m) => m.group_id === g.id).map((m) => m.agency_id),
      revision: g.revision,
    }))
    .sort((a, b) => a.protocolOrder - b.protocolOrder || compareVietnamese(a.name, b.name));
}

export async function saveAgencyGroup(db: Kysely<Database>, input: AgencyGroupFields): Promise<AgencyGroup> {
  return transactional(db, async (trx) => {
    const key = foldVietnamese(input.name);
    const clash = await trx.selectFrom('agency_groups').select('id').where('search_key', '=', key).executeTakeFirst();
    if (clash && clash.id !== input.id) throw new ServiceError('CONFLICT', `Đã có nhóm "${input.name}".`);
    const now = new Date().toISOString();
    const values = { name: input.name, protocol_order: input.protocolOrder, search_key: key, updated_at: now };
    let id = input.id;
    let revision = 1;
    if (id === undefined) {
      id = (await trx.insertInto('agency_groups').values({ ...values, created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
    } else {
      const stored = await trx.selectFrom('agency_groups').select('name').where('id', '=', id).executeTakeFirst();
      if (!stored) throw new ServiceError('NOT_FOUND', `Không tìm thấy nhóm số ${id}.`);
      revision = await claimRevision(trx, 'agency_groups', id, input.revision, `Nhóm "${stored.name}"`);
      await trx.updateTable('agency_groups').set(values).where('id', '=', id).execute();
      await trx.deleteFrom('agency_group_members').where('group_id', '=', id).execute();
    }
    const memberIds = [...new Set(input.memberIds)];
    if (memberIds.length) {
      const known = await trx.selectFrom('agencies').select('id').where('id', 'in', memberIds).execute();
      if (known.length !== memberIds.length) throw new ServiceError('VALIDATION', 'Thành viên nhóm: có cơ quan không còn tồn tại.');
      await trx.insertInto('agency_group_members').values(memberIds.map((agency_id) => ({ group_id: id, agency_id }))).execute();
    }
    return { id, name: input.name, protocolOrder: input.protocolOrder, memberIds, revision };
  });
}

export async function deleteAgencyGroup(db: Kysely<Database>, id: number): Promise<void> {
  await transactional(db, async (trx) => {
    const used = await trx.selectFrom('recipient_list_lines').select(({ fn }) => fn.countAll<number>().as('n')).where('group_id', '=', id).executeTakeFirstOrThrow();
    if (used.n > 0) throw new ServiceError('CONFLICT', `Không xóa được nhóm vì đang có trong ${used.n} dòng của danh sách nơi nhận.`);
    const result = await trx.deleteFrom('agency_groups').where('id', '=', id).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw new ServiceError('NOT_FOUND', `Không tìm thấy nhóm số ${id}.`);
  });
}
