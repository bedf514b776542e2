import type { Kysely } from 'kysely';
import { formatVnDate } from '../../../shared/dates';
import { DOCUMENT_KINDS, padNd30 } from '../../../shared/nd30';
import type { RecordType } from '../../../shared/record';
import type { Database } from '../../db/schema';
import { ServiceError } from '../errors';

/** How many free numbers the issue dialog lists (the count of all of them is given too). */
export const GAP_LIST_LIMIT = 20;

export interface Series {
  id: number;
  name: string;
}

export function kindName(kind: string): string {
  return (DOCUMENT_KINDS as Record<string, { name: string }>)[kind]?.name ?? kind;
}

/** The series an issuer numbers a kind in; a kind it has none for yet (a later kind) gets its own. */
export async function seriesFor(trx: Kysely<Database>, issuerId: number, kind: string): Promise<Series> {
  const found = await trx
    .selectFrom('number_series_kinds as k')
    .innerJoin('number_series as s', 's.id', 'k.series_id')
    .select(['s.id', 's.name'])
    .where('k.issuer_id', '=', issuerId)
    .where('k.kind', '=', kind)
    .executeTakeFirst();
  if (found) return found;
  const now = new Date().toISOString();
  let name = kindName(kind);
  for (let n = 2; await trx.selectFrom('number_series').select('id').where('issuer_id', '=', issuerId).where('name', '=', name).executeTakeFirst(); n++) {
    name = `${kindName(kind)} (${n})`;
  }
  const { id } = await trx.insertInto('number_series').values({ issuer_id: issuerId, name, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
  await trx.insertInto('number_series_kinds').values({ issuer_id: issuerId, kind, series_id: id }).execute();
  return { id, name };
}

/** The series a kind is numbered in, without creating one (the proposal must not write). */
export async function findSeries(db: Kysely<Database>, issuerId: number, kind: string): Promise<Series | null> {
  return (
    (await db
      .selectFrom('number_series_kinds as k')
      .innerJoin('number_series as s', 's.id', 'k.series_id')
      .select(['s.id', 's.name'])
      .where('k.issuer_id', '=', issuerId)
      .where('k.kind', '=', kind)
      .executeTakeFirst()) ?? null
  );
}

/** Next number (highest + 1) of a series and year, and the free numbers below the highest. */
export async function proposeInSeries(db: Kysely<Database>, seriesId: number | null, year: number) {
  const used = seriesId === null ? [] : (await db.selectFrom('number_allocations').select('number').where('series_id', '=', seriesId).where('year', '=', year).orderBy('number').execute()).map((r) => r.number);
  const taken = new Set(used);
  const max = used.at(-1) ?? 0;
  const gaps: number[] = [];
  let gapCount = 0;
  for (let n = 1; n < max; n++) {
    if (taken.has(n)) continue;
    gapCount++;
    if (gaps.length < GAP_LIST_LIMIT) gaps.push(n);
  }
  return { next: max + 1, gaps, gapCount, taken };
}

/** The nearest free number at or after `from` in a series and year. */
async function nearestFree(db: Kysely<Database>, seriesId: number, year: number, from: number): Promise<number> {
  const { taken } = await proposeInSeries(db, seriesId, year);
  let n = from;
  while (taken.has(n)) n++;
  return n;
}

/** "Công văn số 1250/UBND-NV ngày 05/03/2026 "V/v …"": the record that holds a number. */
async function describeHolder(db: Kysely<Database>, recordType: RecordType, recordId: number): Promise<string> {
  const copy = await db
    .selectFrom('issued_copies')
    .select(['kind', 'number', 'code', 'issued_date', 'title'])
    .where('record_type', '=', recordType)
    .where('record_id', '=', recordId)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (copy) {
    const subject = copy.kind === 'cong-van' ? `V/v ${copy.title}` : copy.title;
    return `${kindName(copy.kind)} số ${padNd30(copy.number)}/${copy.code} ngày ${formatVnDate(copy.issued_date)} "${subject}"`;
  }
  const row =
    recordType === 'plan'
      ? await db.selectFrom('plans').select(['title']).select((eb) => eb.val('ke-hoach').as('kind')).where('id', '=', recordId).executeTakeFirst()
      : await db.selectFrom('documents').select(['title', 'kind']).where('id', '=', recordId).executeTakeFirst();
  return row ? `${kindName(row.kind)} "${row.title}"` : `một văn bản đã xóa (số ${recordId})`;
}

/**
 * Allocates a number of a series and year to a record. The primary key of number_allocations is the
 * guard: a number held by another record is refused, naming the holder and the nearest free number.
 */
export async function allocateNumber(
  trx: Kysely<Database>,
  series: Series,
  year: number,
  number: number,
  record: { recordType: RecordType; id: number },
): Promise<void> {
  try {
    await trx
      .insertInto('number_allocations')
      .values({ series_id: series.id, year, number, record_type: record.recordType, record_id: record.id, allocated_at: new Date().toISOString() })
      .execute();
  } catch (err) {
    if ((err as { code?: string }).code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') throw err;
    const holder = await trx
      .selectFrom('number_allocations')
      .select(['record_type', 'record_id'])
      .where('series_id', '=', series.id)
      .where('year', '=', year)
      .where('number', '=', number)
      .executeTakeFirstOrThrow();
    if (holder.record_type === record.recordType && holder.record_id === record.id) return;
    const free = await nearestFree(trx, series.id, year, number + 1);
    throw new ServiceError(
      'CONFLICT',
      `Số ${padNd30(number)} năm ${year} của sổ "${series.name}" đã cấp cho ${await describeHolder(trx, holder.record_type, holder.record_id)}. Hãy chọn số khác (số còn trống gần nhất: ${padNd30(free)}).`,
    );
  }
}

export async function seriesById(db: Kysely<Database>, id: number): Promise<Series> {
  return db.selectFrom('number_series').select(['id', 'name']).where('id', '=', id).executeTakeFirstOrThrow();
}
