import type { Kysely } from 'kysely';
import type { IssuerProfile } from '../../shared/profile';
import type { Database } from '../db/schema';

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
  };
}

/** Saves the (already validated) profile; there is one per database. */
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
  await db
    .insertInto('issuer_profile')
    .values({ id: 1, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
  return profile;
}
