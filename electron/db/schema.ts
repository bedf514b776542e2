import type { ColumnType, Generated } from 'kysely';

/** Bumped by every save of a record a user edits; a save based on an older one is refused (migration 0009). */
type Revision = Generated<number>;

/** An issuing body (cơ quan ban hành): its header names, ký hiệu abbreviation, địa danh and default signer. */
export interface IssuerTable {
  id: Generated<number>;
  /** How the user tells issuers apart in lists ("Sở Nội vụ", "UBND tỉnh"). */
  label: string;
  parent_name: string;
  issuer_name: string;
  issuer_full_name: string;
  issuer_abbr: string;
  place: string;
  drafting_unit_abbr: string;
  /** Ô 13 (migration 0013): printed at the foot of a công văn or giấy mời when filled. */
  address: Generated<string>;
  phone: Generated<string>;
  email: Generated<string>;
  website: Generated<string>;
  /** The default signer: JSON of SignerSchema. */
  signer_json: string;
  is_default: number;
  search_key: string;
  revision: Revision;
  created_at: string;
  updated_at: string;
}

/** A number series (sổ) of an issuer: numbers run from 1 each calendar year. */
export interface NumberSeriesTable {
  id: Generated<number>;
  issuer_id: number;
  name: string;
  revision: Revision;
  created_at: string;
  updated_at: string;
}

/** Which series numbers a kind, per issuer (a kind is in exactly one series of an issuer). */
export interface NumberSeriesKindTable {
  issuer_id: number;
  kind: string;
  series_id: number;
}

/** A number of a series and year, held by one record for good: the primary key is the uniqueness rule. */
export interface NumberAllocationTable {
  series_id: number;
  year: number;
  number: number;
  record_type: 'plan' | 'document';
  record_id: number;
  allocated_at: string;
}

/** Every issue of a plan or document, frozen as issued; withdrawn copies stay as history. */
export interface IssuedCopyTable {
  id: Generated<number>;
  record_type: 'plan' | 'document';
  record_id: number;
  kind: string;
  issuer_id: number | null;
  series_id: number | null;
  year: number;
  number: number;
  code: string;
  issued_date: string;
  title: string;
  signer_name: Generated<string>;
  recipients_text: Generated<string>;
  drafting_unit: Generated<string>;
  model_json: string | null;
  docx: Buffer | null;
  sha256: string | null;
  /** Issued before version 10: the bytes are frozen at the first export. */
  legacy: Generated<number>;
  issued_by: string;
  issued_at: string;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
  withdraw_reason: string | null;
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
  revision: Revision;
}

export interface AgencyGroupTable {
  id: Generated<number>;
  name: string;
  protocol_order: number;
  search_key: string;
  created_at: string;
  updated_at: string;
  revision: Revision;
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
  revision: Revision;
  electronic: ColumnType<0 | 1, 0 | 1 | undefined, 0 | 1>;
  drafter: ColumnType<string, string | undefined, string>;
}

export interface RecipientListLineTable {
  list_id: number;
  position: number;
  agency_id: number | null;
  group_id: number | null;
  text: string;
  note: string;
}

export interface IndexDefinitionTable {
  id: Generated<number>;
  code: string;
  name: string;
  unit: 'diem' | 'phan-tram';
  total_max: number | null;
}

export interface IndexComponentTable {
  id: Generated<number>;
  index_id: number;
  parent_id: number | null;
  code: string;
  name: string;
  max_score: number | null;
  weight: number | null;
  first_year: number;
  last_year: number | null;
  confirmed: number;
  revision: Revision;
  /** Empty for rows older than migration 0009 that were never edited since. */
  updated_at: Generated<string>;
}

export interface IndexYearResultTable {
  index_id: number;
  year: number;
  score: number | null;
  rank: number | null;
  rank_of: number | null;
  band: string;
  updated_at: string;
  revision: Revision;
}

export interface IndexComponentResultTable {
  component_id: number;
  year: number;
  score: number | null;
  rank: number | null;
  band: string;
}

export interface PlanTable {
  id: Generated<number>;
  title: string;
  index_id: number | null;
  index_year: number | null;
  draft_year: number;
  body_json: string;
  grouping: 'lead' | 'component';
  appendix_title: string;
  distribution_json: string;
  signer_json: string;
  status: Generated<'draft' | 'issued'>;
  number: number | null;
  issued_date: string | null;
  search_key: string;
  created_at: string;
  updated_at: string;
  revision: Revision;
  issuer_id: number | null;
  /** The ký hiệu it was issued under ("KH-UBND"); empty while a draft. */
  code: Generated<string>;
  /** A draft's month when known ("ngày … tháng 6 năm 2023"). */
  draft_month: number | null;
}

export interface PlanTaskTable {
  id: Generated<number>;
  plan_id: number;
  position: number;
  component_id: number | null;
  component_label: string;
  content: string;
  lead_agency_id: number | null;
  lead_group_id: number | null;
  lead_text: string;
  deadline_json: string;
  expected_output: string;
}

export interface PlanTaskCoordinatorTable {
  task_id: number;
  position: number;
  agency_id: number | null;
  group_id: number | null;
  text: string;
}

export interface PlanEventTable {
  id: Generated<number>;
  plan_id: number;
  at: string;
  action: string;
  detail: string;
}

export interface ParagraphSnippetTable {
  id: Generated<number>;
  title: string;
  text: string;
  search_key: string;
  created_at: string;
  updated_at: string;
  revision: Revision;
}

export interface SignerProfileTable {
  id: Generated<number>;
  label: string;
  signer_json: string;
  search_key: string;
  created_at: string;
  updated_at: string;
  revision: Revision;
  /** NULL: usable for every issuer. */
  issuer_id: number | null;
}

export interface DocumentTable {
  id: Generated<number>;
  kind: 'chi-thi' | 'cong-van' | 'quyet-dinh' | 'to-trinh' | 'giay-moi';
  title: string;
  draft_year: number;
  content_json: string;
  status: Generated<'draft' | 'issued'>;
  number: number | null;
  issued_date: string | null;
  /** The ký hiệu it was issued under ("CT-UBND", "UBND-NV"), for the yearly number check. */
  code: Generated<string>;
  search_key: string;
  created_at: string;
  updated_at: string;
  revision: Revision;
  issuer_id: number | null;
  draft_month: number | null;
}

export interface DocumentEventTable {
  id: Generated<number>;
  document_id: number;
  at: string;
  action: string;
  detail: string;
}

export interface ReportRoundTable {
  id: Generated<number>;
  plan_id: number;
  kind: string;
  name: string;
  period_from: string;
  period_to: string;
  due_date: string;
  texts_json: Generated<string>;
  created_at: string;
  updated_at: string;
  revision: Revision;
}

export interface ReportSubmissionTable {
  id: Generated<number>;
  round_id: number;
  agency_id: number;
  received_at: string;
  on_time: number;
  source: string;
  current: Generated<number>;
}

export interface ReportEntryTable {
  submission_id: number;
  task_id: number;
  role: 'chu-tri' | 'phoi-hop';
  status: string;
  result: string;
  evidence: string;
  difficulties: string;
  proposals: string;
}

export interface ReportExtraTaskTable {
  submission_id: number;
  position: number;
  content: string;
  status: string;
  result: string;
  evidence: string;
  difficulties: string;
  proposals: string;
}

export interface AppSettingTable {
  key: string;
  /** JSON. */
  value: string;
}

export interface Database {
  issuers: IssuerTable;
  number_series: NumberSeriesTable;
  number_series_kinds: NumberSeriesKindTable;
  number_allocations: NumberAllocationTable;
  issued_copies: IssuedCopyTable;
  agencies: AgencyTable;
  agency_groups: AgencyGroupTable;
  agency_group_members: AgencyGroupMemberTable;
  recipient_lists: RecipientListTable;
  recipient_list_lines: RecipientListLineTable;
  index_definitions: IndexDefinitionTable;
  index_components: IndexComponentTable;
  index_year_results: IndexYearResultTable;
  index_component_results: IndexComponentResultTable;
  plans: PlanTable;
  plan_tasks: PlanTaskTable;
  plan_task_coordinators: PlanTaskCoordinatorTable;
  plan_events: PlanEventTable;
  paragraph_snippets: ParagraphSnippetTable;
  signer_profiles: SignerProfileTable;
  documents: DocumentTable;
  document_events: DocumentEventTable;
  report_rounds: ReportRoundTable;
  report_submissions: ReportSubmissionTable;
  report_entries: ReportEntryTable;
  report_extra_tasks: ReportExtraTaskTable;
  app_settings: AppSettingTable;
}
