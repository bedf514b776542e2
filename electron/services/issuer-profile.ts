import type { Kysely } from 'kysely';
import type { IssuerProfile } from '../../shared/profile';
import type { Database } from '../db/schema';
import { transactional } from '../db/transaction';
import { claimRevision } from './revisions';

export async function getIssuerProfile(db: Kysely<Database>): Promise<IssuerProfile | null> {
  const row = await db.selectFrom('issuer_profile').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!row) return null;
  return {
    parentName: row.parent_name,
    issuerName: row.issuer_name,
    issuerFullName: row.issuer_full_name,
    issuerAbbr: row.issuer_abbr,
    place: row.place,
    draftingUnitAbbr: row.drafting_unit_abbr,
    signer: {
      authority: JSON.parse(row.signer_authority) as string[],
      title: row.signer_title,
      name: row.signer_name,
    },
    revision: row.revision,
  };
}

/**
 * Saves the (already validated) profile; there is one per database. The first save creates it
 * (no revision); later ones carry the revision they were based on.
 */
export async function saveIssuerProfile(db: Kysely<Database>, profile: IssuerProfile): Promise<IssuerProfile> {
  const values = {
    parent_name: profile.parentName,
    issuer_name: profile.issuerName,
    issuer_full_name: profile.issuerFullName,
    issuer_abbr: profile.issuerAbbr,
    place: profile.place,
    drafting_unit_abbr: profile.draftingUnitAbbr,
    signer_authority: JSON.stringify(profile.signer.authority),
    signer_title: profile.signer.title,
    signer_name: profile.signer.name,
    updated_at: new Date().toISOString(),
  };
  await transactional(db, async (trx) => {
    const stored = await trx.selectFrom('issuer_profile').select('id').where('id', '=', 1).executeTakeFirst();
    if (!stored) await trx.insertInto('issuer_profile').values({ id: 1, ...values }).execute();
    else {
      await claimRevision(trx, 'issuer_profile', 1, profile.revision, 'Thông tin cơ quan ban hành');
      await trx.updateTable('issuer_profile').set(values).where('id', '=', 1).execute();
    }
  });
  return (await getIssuerProfile(db))!;
}
