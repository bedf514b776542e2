import type { Kysely } from 'kysely';
import type { SignerProfile } from '../../shared/drafts';
import type { Signer } from '../../shared/profile';
import { compareVietnamese, foldVietnamese } from '../../shared/text';
import type { Database } from '../db/schema';
import { ServiceError } from './errors';

/** Saved signature blocks ("Chủ tịch ký", "Phó Chủ tịch phụ trách ký thay"), chosen per document. */
export async function listSignerProfiles(db: Kysely<Database>): Promise<SignerProfile[]> {
  const rows = await db.selectFrom('signer_profiles').select(['id', 'label', 'signer_json']).execute();
  return rows.map((r) => ({ id: r.id, label: r.label, signer: JSON.parse(r.signer_json) as Signer })).sort((a, b) => compareVietnamese(a.label, b.label));
}

export async function saveSignerProfile(db: Kysely<Database>, input: { id?: number | undefined; label: string; signer: Signer }): Promise<SignerProfile> {
  const now = new Date().toISOString();
  const key = foldVietnamese(input.label);
  const clash = await db.selectFrom('signer_profiles').select('id').where('search_key', '=', key).executeTakeFirst();
  if (clash && clash.id !== input.id) throw new ServiceError('CONFLICT', `Đã có người ký "${input.label}".`);
  const values = { label: input.label, signer_json: JSON.stringify(input.signer), search_key: key, updated_at: now };
  let id = input.id;
  if (id === undefined) id = (await db.insertInto('signer_profiles').values({ ...values, created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
  else if ((await db.updateTable('signer_profiles').set(values).where('id', '=', id).executeTakeFirst()).numUpdatedRows === 0n) {
    throw new ServiceError('NOT_FOUND', `Không tìm thấy người ký số ${id}.`);
  }
  return { id, label: input.label, signer: input.signer };
}

export async function deleteSignerProfile(db: Kysely<Database>, id: number): Promise<void> {
  const r = await db.deleteFrom('signer_profiles').where('id', '=', id).executeTakeFirst();
  if (r.numDeletedRows === 0n) throw new ServiceError('NOT_FOUND', `Không tìm thấy người ký số ${id}.`);
}
