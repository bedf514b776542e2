import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { RegisterEntry, RegisterFilter } from '../../shared/register';
import { foldVietnamese } from '../../shared/text';
import type { Database } from '../db/schema';

/** A register row with what the .xlsx export needs besides the screen's columns. */
export interface RegisterRow extends RegisterEntry {
  recordType: 'plan' | 'document';
  recipientsText: string;
  draftingUnit: string;
  /** Kính gửi recipients of the issued model (what "Như trên" stands for); null when unknown. */
  kinhGuiCount: number | null;
}

interface SqlRow {
  record_type: 'plan' | 'document';
  id: number;
  kind: RegisterEntry['kind'];
  title: string;
  number: number | null;
  code: string;
  issued_date: string | null;
  issuer_id: number | null;
  issuer_label: string | null;
  signer_name: string | null;
  status: RegisterEntry['status'];
  year: number;
  updated_at: string;
  issued_count: number;
  withdrawn_count: number;
  recipients_text: string | null;
  drafting_unit: string | null;
  kinh_gui_count: number | null;
}

/** "1250", "01/KH", "1250/UBND-NV": a number, optionally followed by the start of its ký hiệu. */
const NUMBER_QUERY = /^0*(\d{1,6})\s*(?:\/\s*(\S*))?$/;

/** The ký hiệu folded like search_key: codes are ASCII but for Đ ("QĐ-UBND"), and SQLite's lower() is ASCII-only. */
const codeKey = sql`lower(replace(replace(code, 'Đ', 'D'), 'đ', 'd'))`;

/**
 * Matches a number (with the start of its ký hiệu) or every word of the query as a word prefix of the
 * folded trích yếu or ký hiệu — on the folded search_key columns, in SQL.
 */
function searchCondition(query: string): RawBuilder<boolean> | null {
  const text = query.trim();
  if (!text) return null;
  const conditions: RawBuilder<boolean>[] = [];
  const byNumber = NUMBER_QUERY.exec(text);
  if (byNumber) {
    const code = foldVietnamese(byNumber[2] ?? '');
    conditions.push(code ? sql<boolean>`(number = ${Number(byNumber[1])} and instr(${codeKey}, ${code}) = 1)` : sql<boolean>`number = ${Number(byNumber[1])}`);
  }
  const tokens = foldVietnamese(text).split(' ').filter(Boolean);
  conditions.push(sql<boolean>`(${sql.join(tokens.map((t) => sql`instr(' ' || search_key || ' ' || ${codeKey}, ${' ' + t}) > 0`), sql` and `)})`);
  return sql<boolean>`(${sql.join(conditions, sql` or `)})`;
}

/**
 * One query over plans and documents, each with its current issued copy (or, when withdrawn, the
 * latest one), its issuer (the default one for a record without: as issuerProfileFor) and its history counts. A record back to draft with withdrawn copies is
 * 'withdrawn' ("Đang đính chính").
 */
export async function registerRows(db: Kysely<Database>, filter: RegisterFilter, order: 'screen' | 'book'): Promise<RegisterRow[]> {
  const where: RawBuilder<boolean>[] = [];
  if (filter.kind) where.push(sql<boolean>`kind = ${filter.kind}`);
  if (filter.year) where.push(sql<boolean>`year = ${filter.year}`);
  if (filter.issuerId) where.push(sql<boolean>`issuer_id = ${filter.issuerId}`);
  if (filter.status) where.push(sql<boolean>`status = ${filter.status}`);
  const search = searchCondition(filter.query);
  if (search) where.push(search);
  const orderBy =
    order === 'book'
      ? sql`issued_date, number, record_type, id`
      : sql`case when status = 'issued' then 0 else 1 end, case when status = 'issued' then issued_date end desc, case when status = 'issued' then number end desc, updated_at desc, id desc`;
  const { rows } = await sql<SqlRow>`
    with records as (
      select 'plan' as record_type, p.id, 'ke-hoach' as kind, p.title, p.search_key, p.status as record_status, p.number as record_number,
             p.issued_date as record_date, p.code as record_code, p.draft_year, p.updated_at,
             coalesce(p.issuer_id, (select id from issuers where is_default = 1)) as record_issuer,
             json_extract(p.signer_json, '$.name') as draft_signer
        from plans p
      union all
      select 'document', d.id, d.kind, d.title, d.search_key, d.status, d.number, d.issued_date, d.code, d.draft_year, d.updated_at,
             coalesce(d.issuer_id, (select id from issuers where is_default = 1)),
             json_extract(d.content_json, '$.signer.name')
        from documents d
    ),
    joined as (
      select r.*, c.id as copy_id, c.number as copy_number, c.code as copy_code, c.issued_date as copy_date, c.issuer_id as copy_issuer,
             c.signer_name as copy_signer, c.recipients_text, c.drafting_unit, json_array_length(c.model_json, '$.recipients') as kinh_gui_count,
             (select count(*) from issued_copies x where x.record_type = r.record_type and x.record_id = r.id) as issued_count,
             (select count(*) from issued_copies x where x.record_type = r.record_type and x.record_id = r.id and x.withdrawn_at is not null) as withdrawn_count
        from records r
        left join issued_copies c on c.id = (
          select x.id from issued_copies x where x.record_type = r.record_type and x.record_id = r.id
           order by case when x.withdrawn_at is null then 0 else 1 end, x.id desc limit 1)
    ),
    register as (
      select j.record_type, j.id, j.kind, j.title, j.search_key, j.updated_at, j.issued_count, j.withdrawn_count, j.recipients_text, j.drafting_unit, j.kinh_gui_count,
             case when j.record_status = 'issued' then 'issued' when j.withdrawn_count > 0 then 'withdrawn' else 'draft' end as status,
             coalesce(j.copy_number, case when j.record_status = 'issued' then j.record_number end) as number,
             coalesce(j.copy_code, case when j.record_status = 'issued' then j.record_code end, '') as code,
             coalesce(j.copy_date, case when j.record_status = 'issued' then j.record_date end) as issued_date,
             case when j.record_status = 'issued' then coalesce(j.copy_issuer, j.record_issuer) else j.record_issuer end as issuer_id,
             case when j.record_status = 'issued' and j.copy_signer <> '' then j.copy_signer else j.draft_signer end as signer_name,
             coalesce(cast(substr(coalesce(j.copy_date, case when j.record_status = 'issued' then j.record_date end), 1, 4) as integer), j.draft_year) as year
        from joined j
    ),
    labelled as (
      select g.*, i.label as issuer_label from register g left join issuers i on i.id = g.issuer_id
    )
    select * from labelled
     ${where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``}
     order by ${orderBy}`.execute(db);
  return rows.map((r) => ({
    recordType: r.record_type,
    kind: r.kind,
    id: r.id,
    number: r.number,
    code: r.code,
    issuedDate: r.issued_date,
    title: r.title,
    issuerId: r.issuer_id,
    issuerLabel: r.issuer_label ?? '',
    signerName: r.signer_name ?? '',
    status: r.status,
    year: r.year,
    updatedAt: r.updated_at,
    issuedCount: r.issued_count,
    withdrawnCount: r.withdrawn_count,
    recipientsText: r.recipients_text ?? '',
    draftingUnit: r.drafting_unit ?? '',
    kinhGuiCount: r.kinh_gui_count,
  }));
}

/** The register (Sổ văn bản) on screen: issued first by date and number (newest first), then drafts by last edit. */
export async function listRegister(db: Kysely<Database>, filter: RegisterFilter): Promise<RegisterEntry[]> {
  return (await registerRows(db, filter, 'screen')).map(({ recordType: _t, recipientsText: _r, draftingUnit: _d, kinhGuiCount: _k, ...entry }) => entry);
}
