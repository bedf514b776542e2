import { sql, type Kysely } from 'kysely';
import { formatVnDateTime } from '../../shared/dates';
import type { REVISIONED_TABLES } from '../db/migrations/0009-revisions';
import type { Database } from '../db/schema';
import { ServiceError } from './errors';

/** The tables of migration 0009, with the issuer profile become the issuers of migration 0010. */
type RevisionedTable = Exclude<(typeof REVISIONED_TABLES)[number], 'issuer_profile'> | 'issuers' | 'number_series';

/** A save based on a revision someone else has already replaced. */
export class StaleRevisionError extends ServiceError {
  constructor(record: string, changedAt: string) {
    const when = formatVnDateTime(changedAt);
    super(
      'CONFLICT',
      `${record} vừa được thay đổi ở cửa sổ khác${when ? ` (lúc ${when})` : ''}. Những gì bạn đang soạn chưa bị mất: hãy sao chép lại rồi tải lại bản mới.`,
      undefined,
      true,
    );
  }
}

/** An edit of a record deleted meanwhile (in another window): the typed text is still on screen. */
export function recordGone(record: string): ServiceError {
  return new ServiceError('NOT_FOUND', `${record} không còn trong cơ sở dữ liệu (có thể đã bị xóa ở cửa sổ khác). Những gì bạn đang soạn chưa bị mất: hãy sao chép lại trước khi đóng.`);
}

/**
 * Takes the next revision of a record for the save under way: `revision = revision + 1` only where
 * the stored revision is still the one the edit was based on. Call it inside the save's transaction,
 * so a refusal later in the save rolls the bump back with everything else.
 * `record` names it for the user ("Kế hoạch "…""); returns the new revision.
 */
export async function claimRevision(trx: Kysely<Database>, table: RevisionedTable, id: number, basedOn: number | null | undefined, record: string): Promise<number> {
  if (!trx.isTransaction) throw new Error(`claimRevision(${table}) outside a transaction`);
  const current = await sql<{ revision: number; updated_at: string }>`select revision, updated_at from ${sql.table(table)} where id = ${id}`.execute(trx);
  const row = current.rows[0];
  if (!row) throw recordGone(record);
  if (basedOn === null || basedOn === undefined) throw new StaleRevisionError(record, row.updated_at);
  const bumped = await sql`update ${sql.table(table)} set revision = revision + 1 where id = ${id} and revision = ${basedOn}`.execute(trx);
  if (bumped.numAffectedRows !== 1n) throw new StaleRevisionError(record, row.updated_at);
  return basedOn + 1;
}

/** A change the user did not type (issue, reopen) still moves the revision on, so open editors see it. */
export async function bumpRevision(trx: Kysely<Database>, table: RevisionedTable, id: number): Promise<void> {
  await sql`update ${sql.table(table)} set revision = revision + 1 where id = ${id}`.execute(trx);
}
