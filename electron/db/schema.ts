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

export interface AgencyTable {
  id: Generated<number>;
  full_name: string;
  short_name: string;
  abbreviation: string;
  tier: string;
  parent_id: number | null;
  protocol_order: number;
  email: string;
  phone: string;
  valid_from: string | null;
  valid_to: string | null;
  replaced_by_id: number | null;
  active: number;
  /** foldVietnamese of the names and abbreviation, for diacritic-insensitive search. */
  search_key: string;
  created_at: string;
  updated_at: string;
}

export interface AgencyGroupTable {
  id: Generated<number>;
  name: string;
  protocol_order: number;
  search_key: string;
  created_at: string;
  updated_at: string;
}

export interface AgencyGroupMemberTable {
  group_id: number;
  agency_id: number;
}

export interface RecipientListTable {
  id: Generated<number>;
  name: string;
  kind: 'noi-nhan' | 'kinh-gui';
  search_key: string;
  created_at: string;
  updated_at: string;
}

export interface RecipientListLineTable {
  list_id: number;
  position: number;
  agency_id: number | null;
  group_id: number | null;
  text: string;
  note: string;
}

export interface Database {
  issuer_profile: IssuerProfileTable;
  agencies: AgencyTable;
  agency_groups: AgencyGroupTable;
  agency_group_members: AgencyGroupMemberTable;
  recipient_lists: RecipientListTable;
  recipient_list_lines: RecipientListLineTable;
}
