import type { Kysely } from 'kysely';
import { DOCUMENT_KINDS, type DocumentKind } from '../../shared/nd30';
import type { Database } from '../db/schema';

/** A new issuer starts with one series per kind the app issues (the user may merge them later). */
export async function seedNumberSeries(trx: Kysely<Database>, issuerId: number): Promise<void> {
  const now = new Date().toISOString();
  for (const kind of Object.keys(DOCUMENT_KINDS) as DocumentKind[]) {
    const { id } = await trx
      .insertInto('number_series')
      .values({ issuer_id: issuerId, name: DOCUMENT_KINDS[kind].name, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('number_series_kinds').values({ issuer_id: issuerId, kind, series_id: id }).execute();
  }
}
