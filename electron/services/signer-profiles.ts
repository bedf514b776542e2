import type { Kysely } from 'kysely';
import type { SignerProfile } from '../../shared/drafts';
import type { Signer } from '../../shared/profile';
import { compareVietnamese, foldVietnamese } from '../../shared/text';
import type { Database } from '../db/schema';
import { transactional } from '../db/transaction';
import { ServiceError } from './errors';
import { issuerIdFor } from './issuers';
import { claimRevision } from './revisions';

/** Saved signature blocks ("Chủ tịch ký", "Phó Chủ tịch phụ trách ký thay"), chosen per document. */
export async function listSignerProfiles(db: Kysely<Database>): Promise<SignerProfile[]> {
  const rows = await db.selectFrom('signer_profiles').select(['id', 'label', 'signer_json', 'issuer_id', 'revision']).execute();
  return rows.map((r) => ({ id: r.id, label: r.label, signer: JSON.parse(r.signer_json) as Signer, issuerId: r.issuer_id, revision: r.revision })).sort((a, b) => compareVietnamese(a.label, b.label));
}

export async function saveSignerProfile(
  db: Kysely<Database>,
  input: { id?: number | undefined; label: string; signer: Signer; issuerId?: number | null | undefined; revision?: number | null | undefined },
): Promise<SignerProfile> {
  return transactional(db, async (trx) => {
    const now = new Date().toISOString();
    const key = foldVietnamese(input.label);
    const clash = await trx.selectFrom('signer_profiles').select('id').where('search_key', '=', key).executeTakeFirst();
    if (clash && clash.id !== input.id) throw new ServiceError('CONFLICT', `Đã có người ký "${input.label}".`);
    const values = {
      label: input.label,
      signer_json: JSON.stringify(input.signer),
      search_key: key,
      updated_at: now,
      ...(input.issuerId !== undefined || input.id === undefined ? { issuer_id: input.issuerId == null ? null : await issuerIdFor(trx, input.issuerId) } : {}),
    };
    let id = input.id;
    let revision = 1;
    if (id === undefined) id = (await trx.insertInto('signer_profiles').values({ ...values, created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
    else {
      const stored = await trx.selectFrom('signer_profiles').select(['label', 'issuer_id']).where('id', '=', id).executeTakeFirst();
      if (!stored) throw new ServiceError('NOT_FOUND', `Không tìm thấy người ký số ${id}.`);
      revision = await claimRevision(trx, 'signer_profiles', id, input.revision, `Người ký "${stored.label}"`);
      await trx.updateTable('signer_profiles').set(values).where('id', '=', id).execute();
    }
    const { issuer_id } = await trx.selectFrom('signer_profiles').select('issuer_id').where('id', '=', id).executeTakeFirstOrThrow();
    return { id, label: input.label, signer: input.signer, issuerId: issuer_id, revision };
  });
}

export async function deleteSignerProfile(db: Kysely<Database>, id: number): Promise<void> {
  const r = await db.deleteFrom('signer_profiles').where('id', '=', id).executeTakeFirst();
  if (r.numDeletedRows === 0n) throw new ServiceError('NOT_FOUND', `Không tìm thấy người ký số ${id}.`);
}
