import type { Kysely } from 'kysely';
import { foldVietnamese } from '../../shared/text';
import { SignerSchema, type IssuerProfile } from '../../shared/profile';
import type { Database } from '../db/schema';
import { transactional } from '../db/transaction';
import { claimRevision } from './revisions';
import { seedNumberSeries } from './number-series-seed';

type IssuerRow = Database['issuers'];

/** An issuer row as the profile shape the document models are built from. */
export function issuerProfileOf(row: { [K in keyof IssuerRow]: IssuerRow[K] extends { __select__: infer S } ? S : IssuerRow[K] }): IssuerProfile {
  return {
    parentName: row.parent_name,
    issuerName: row.issuer_name,
    issuerFullName: row.issuer_full_name,
    issuerAbbr: row.issuer_abbr,
    place: row.place,
    draftingUnitAbbr: row.drafting_unit_abbr,
    signer: SignerSchema.parse(JSON.parse(row.signer_json)),
    // absent when nothing is filled, as a profile saved without Ô 13
    ...(row.address || row.phone || row.email || row.website ? { contact: { address: row.address, phone: row.phone, email: row.email, website: row.website } } : {}),
    revision: row.revision,
  };
}

/** The default issuing body, as a profile (null before the first one is set up). */
export async function getIssuerProfile(db: Kysely<Database>): Promise<IssuerProfile | null> {
  const row = await db.selectFrom('issuers').selectAll().where('is_default', '=', 1).executeTakeFirst();
  return row ? issuerProfileOf(row) : null;
}

/** The issuer a record was made for, or the default one when it names none (or one since removed). */
export async function issuerProfileFor(db: Kysely<Database>, issuerId: number | null): Promise<IssuerProfile | null> {
  if (issuerId !== null) {
    const row = await db.selectFrom('issuers').selectAll().where('id', '=', issuerId).executeTakeFirst();
    if (row) return issuerProfileOf(row);
  }
  return getIssuerProfile(db);
}

export function issuerValues(profile: IssuerProfile) {
  return {
    parent_name: profile.parentName,
    issuer_name: profile.issuerName,
    issuer_full_name: profile.issuerFullName,
    issuer_abbr: profile.issuerAbbr,
    place: profile.place,
    drafting_unit_abbr: profile.draftingUnitAbbr,
    signer_json: JSON.stringify(profile.signer),
    ...(profile.contact ? { address: profile.contact.address, phone: profile.contact.phone, email: profile.contact.email, website: profile.contact.website } : {}),
    search_key: foldVietnamese(`${profile.issuerName} ${profile.issuerFullName} ${profile.issuerAbbr}`),
    updated_at: new Date().toISOString(),
  };
}

/**
 * Saves the (already validated) default issuer. The first save creates it, with its number series
 * (no revision); later ones carry the revision they were based on.
 */
export async function saveIssuerProfile(db: Kysely<Database>, profile: IssuerProfile): Promise<IssuerProfile> {
  const values = issuerValues(profile);
  await transactional(db, async (trx) => {
    const stored = await trx.selectFrom('issuers').select('id').where('is_default', '=', 1).executeTakeFirst();
    if (!stored) {
      const label = profile.issuerFullName || profile.issuerName.replace(/\n/g, ' ');
      const { id } = await trx
        .insertInto('issuers')
        .values({ ...values, label, is_default: 1, created_at: values.updated_at })
        .returning('id')
        .executeTakeFirstOrThrow();
      await seedNumberSeries(trx, id);
    } else {
      await claimRevision(trx, 'issuers', stored.id, profile.revision, 'Thông tin cơ quan ban hành');
      await trx.updateTable('issuers').set(values).where('id', '=', stored.id).execute();
    }
  });
  return (await getIssuerProfile(db))!;
}
