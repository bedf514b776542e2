import type { Generated } from 'kysely';

export interface IssuerProfileTable {
  id: Generated<number>;
  parent_name: string;
  issuer_name: string;
  issuer_abbr: string;
  place: string;
  drafting_unit_abbr: string;
  /** JSON array of authority lines. */
  signer_authority: string;
  signer_title: string;
  signer_name: string;
  updated_at: string;
}

export interface Database {
  issuer_profile: IssuerProfileTable;
}
