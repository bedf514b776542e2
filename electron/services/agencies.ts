import { sql, type Kysely, type Selectable } from 'kysely';
import type { Agency, AgencyFields, AgencyTier } from '../../shared/agencies';
import { compareVietnamese, foldVietnamese } from '../../shared/text';
import type { AgencyTable, Database } from '../db/schema';
import { transactional } from '../db/transaction';
import { ServiceError } from './errors';
import { claimRevision } from './revisions';

export interface AgencyFilter {
  query: string;
  tier: AgencyTier | null;
  includeInactive: boolean;
}

/**
 * Everything that may point at an agency. Deleting an agency any of these name is refused (it can
 * only be deactivated), so old documents, tasks and reports keep their agency.
 */
const REFERENCES = [
  { label: 'danh sách nơi nhận', query: sql<{ agency_id: number }>`select agency_id from recipient_list_lines where agency_id is not null` },
  { label: 'nhóm cơ quan', query: sql<{ agency_id: number }>`select agency_id from agency_group_members` },
  { label: 'cơ quan cấp dưới', query: sql<{ agency_id: number }>`select parent_id as agency_id from agencies where parent_id is not null` },
  { label: 'cơ quan được thay thế', query: sql<{ agency_id: number }>`select replaced_by_id as agency_id from agencies where replaced_by_id is not null` },
] as const;

export function agencySearchKey(a: Pick<AgencyFields, 'fullName' | 'shortName' | 'abbreviation'>): string {
  return foldVietnamese(`${a.fullName} ${a.shortName} ${a.abbreviation}`);
}

function toAgency(row: Selectable<AgencyTable>, references: number): Agency {
  return {
    id: row.id,
    fullName: row.full_name,
    shortName: row.short_name,
    abbreviation: row.abbreviation,
    tier: row.tier as AgencyTier,
    parentId: row.parent_id,
    protocolOrder: row.protocol_order,
    email: row.email,
    phone: row.phone,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    replacedById: row.replaced_by_id,
    active: row.active === 1,
    references,
    revision: row.revision,
  };
}

async function referenceCounts(db: Kysely<Database>): Promise<Map<number, number>> {
  const union = sql.join(REFERENCES.map((r) => r.query), sql` union all `);
  const { rows } = await sql<{ agency_id: number; n: number }>`select agency_id, count(*) as n from (${union}) group by agency_id`.execute(db);
  return new Map(rows.map((r) => [r.agency_id, r.n]));
}

/** Agencies matching a diacritic-insensitive query ("so noi vu" finds "Sở Nội vụ"), in Vietnamese order. */
export async function listAgencies(db: Kysely<Database>, filter: AgencyFilter): Promise<Agency[]> {
  let q = db.selectFrom('agencies').selectAll();
  for (const token of foldVietnamese(filter.query).split(' ').filter(Boolean)) {
    q = q.where(sql<boolean>`instr(' ' || search_key, ${' ' + token}) > 0`);
  }
  if (filter.tier) q = q.where('tier', '=', filter.tier);
  if (!filter.includeInactive) q = q.where('active', '=', 1);
  const [rows, refs] = await Promise.all([q.execute(), referenceCounts(db)]);
  return rows.map((r) => toAgency(r, refs.get(r.id) ?? 0)).sort((a, b) => compareVietnamese(a.shortName, b.shortName));
}

export async function getAgency(db: Kysely<Database>, id: number): Promise<Agency> {
  const row = await db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new ServiceError('NOT_FOUND', `Không tìm thấy cơ quan số ${id}.`);
  return toAgency(row, (await referenceCounts(db)).get(id) ?? 0);
}

/** Active agencies whose name or abbreviation another record already uses. */
export async function findLikelyDuplicates(db: Kysely<Database>, a: AgencyFields): Promise<string[]> {
  const rows = await db.selectFrom('agencies').select(['id', 'full_name', 'short_name', 'abbreviation']).where('active', '=', 1).execute();
  const full = foldVietnamese(a.fullName);
  const short = foldVietnamese(a.shortName);
  const abbr = a.abbreviation.toLocaleUpperCase('vi');
  return rows
    .filter((r) => r.id !== a.id)
    .filter((r) => foldVietnamese(r.full_name) === full || foldVietnamese(r.short_name) === short || (abbr !== '' && r.abbreviation.toLocaleUpperCase('vi') === abbr))
    .map((r) => r.short_name);
}

async function assertNoCycle(db: Kysely<Database>, id: number | undefined, start: number | null, column: 'parent_id' | 'replaced_by_id', field: string): Promise<void> {
  const seen = new Set<number>();
  for (let current = start; current !== null; ) {
    if (current === id || seen.has(current)) throw new ServiceError('VALIDATION', `${field}: tạo thành vòng lặp (cơ quan trỏ về chính nó).`);
    seen.add(current);
    const row = await db.selectFrom('agencies').select(['id', column]).where('id', '=', current).executeTakeFirst();
    if (!row) throw new ServiceError('VALIDATION', `${field}: không tìm thấy cơ quan số ${current}.`);
    current = row[column];
  }
}

export function saveAgency(db: Kysely<Database>, input: AgencyFields & { confirmDuplicate: boolean }): Promise<Agency> {
  return transactional(db, (trx) => saveAgencyChecked(trx, input));
}

async function saveAgencyChecked(trx: Kysely<Database>, input: AgencyFields & { confirmDuplicate: boolean }): Promise<Agency> {
  await assertNoCycle(trx, input.id, input.parentId, 'parent_id', 'Cơ quan cấp trên');
  await assertNoCycle(trx, input.id, input.replacedById, 'replaced_by_id', 'Được thay thế bởi');
  if (!input.confirmDuplicate) {
    const duplicates = await findLikelyDuplicates(trx, input);
    if (duplicates.length) {
      throw new ServiceError('DUPLICATE', `Có thể trùng với cơ quan đã có: ${duplicates.join('; ')}. Kiểm tra lại, hoặc xác nhận để vẫn lưu.`);
    }
  }
  const now = new Date().toISOString();
  const values = {
    full_name: input.fullName,
    short_name: input.shortName,
    abbreviation: input.abbreviation,
    tier: input.tier,
    parent_id: input.parentId,
    protocol_order: input.protocolOrder,
    email: input.email,
    phone: input.phone,
    valid_from: input.validFrom,
    valid_to: input.validTo,
    replaced_by_id: input.replacedById,
    search_key: agencySearchKey(input),
    updated_at: now,
  };
  let id = input.id;
  if (id === undefined) {
    const row = await trx.insertInto('agencies').values({ ...values, active: 1, created_at: now }).returning('id').executeTakeFirstOrThrow();
    id = row.id;
  } else {
    const stored = await trx.selectFrom('agencies').select('short_name').where('id', '=', id).executeTakeFirst();
    if (!stored) throw new ServiceError('NOT_FOUND', `Không tìm thấy cơ quan số ${id}.`);
    await claimRevision(trx, 'agencies', id, input.revision, `Cơ quan "${stored.short_name}"`);
    await trx.updateTable('agencies').set(values).where('id', '=', id).execute();
  }
  return getAgency(trx, id);
}

export async function setAgencyActive(db: Kysely<Database>, id: number, active: boolean): Promise<Agency> {
  const result = await db.updateTable('agencies').set({ active: active ? 1 : 0, updated_at: new Date().toISOString(), revision: sql`revision + 1` }).where('id', '=', id).executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new ServiceError('NOT_FOUND', `Không tìm thấy cơ quan số ${id}.`);
  return getAgency(db, id);
}

/** Deletes an agency nobody refers to; otherwise says where it is used and suggests deactivating. */
export async function deleteAgency(db: Kysely<Database>, id: number): Promise<void> {
  await transactional(db, async (trx) => {
    const agency = await getAgency(trx, id);
    const uses: string[] = [];
    for (const ref of REFERENCES) {
      const { rows } = await sql<{ n: number }>`select count(*) as n from (${ref.query}) where agency_id = ${id}`.execute(trx);
      const n = rows[0]?.n ?? 0;
      if (n > 0) uses.push(`${n} ${ref.label}`);
    }
    if (uses.length) {
      throw new ServiceError('CONFLICT', `Không xóa được "${agency.shortName}" vì đang được dùng trong ${uses.join(', ')}. Hãy chuyển sang "Ngừng sử dụng" để giữ lịch sử.`);
    }
    await trx.deleteFrom('agencies').where('id', '=', id).execute();
  });
}

/** The agency that now does the work of `id`: follows "được thay thế bởi" after mergers. */
export async function currentSuccessor(db: Kysely<Database>, id: number): Promise<Agency> {
  let agency = await getAgency(db, id);
  for (let hops = 0; agency.replacedById !== null && hops < 50; hops++) agency = await getAgency(db, agency.replacedById);
  return agency;
}
