import type { Migration } from './types';

/**
 * The record of what was issued (issue #13): several issuing bodies instead of one profile, number
 * series per issuer and year, a number held by one record only (the primary key of
 * number_allocations is the constraint), and a frozen copy of every issue.
 *
 * The kinds seeded as series are those the app issued when this migration was written; later kinds
 * get their series from the lifecycle service when first issued.
 */
const SEEDED_SERIES: readonly [kind: string, name: string][] = [
  ['ke-hoach', 'Kế hoạch'],
  ['chi-thi', 'Chỉ thị'],
  ['cong-van', 'Công văn'],
  ['bao-cao', 'Báo cáo'],
  ['thong-bao', 'Thông báo'],
];

export const migration0010: Migration = {
  version: 10,
  name: 'record',
  up(db) {
    db.exec(`
      CREATE TABLE issuers (
        id INTEGER PRIMARY KEY,
        label TEXT NOT NULL,
        parent_name TEXT NOT NULL DEFAULT '',
        issuer_name TEXT NOT NULL,
        issuer_full_name TEXT NOT NULL DEFAULT '',
        issuer_abbr TEXT NOT NULL,
        place TEXT NOT NULL,
        drafting_unit_abbr TEXT NOT NULL DEFAULT '',
        signer_json TEXT NOT NULL CHECK (json_valid(signer_json)),
        is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
        search_key TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      -- at most one default issuer
      CREATE UNIQUE INDEX issuers_single_default ON issuers(is_default) WHERE is_default = 1;

      INSERT INTO issuers (id, label, parent_name, issuer_name, issuer_full_name, issuer_abbr, place, drafting_unit_abbr,
                           signer_json, is_default, search_key, revision, created_at, updated_at)
      SELECT 1, CASE WHEN issuer_full_name <> '' THEN issuer_full_name ELSE replace(issuer_name, char(10), ' ') END,
             parent_name, issuer_name, issuer_full_name, issuer_abbr, place, drafting_unit_abbr,
             json_object('authority', json(signer_authority), 'title', signer_title, 'name', signer_name),
             1, vi_fold(issuer_name || ' ' || issuer_full_name || ' ' || issuer_abbr), revision, updated_at, updated_at
      FROM issuer_profile;
      DROP TABLE issuer_profile;

      CREATE TABLE number_series (
        id INTEGER PRIMARY KEY,
        issuer_id INTEGER NOT NULL REFERENCES issuers(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (issuer_id, name)
      ) STRICT;
      -- a kind is numbered in exactly one series of an issuer
      CREATE TABLE number_series_kinds (
        issuer_id INTEGER NOT NULL REFERENCES issuers(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        series_id INTEGER NOT NULL REFERENCES number_series(id) ON DELETE CASCADE,
        PRIMARY KEY (issuer_id, kind)
      ) STRICT;
      CREATE INDEX number_series_kinds_series ON number_series_kinds(series_id);

      -- One number of a series and year belongs to one record, for good (a withdrawn record keeps it).
      CREATE TABLE number_allocations (
        series_id INTEGER NOT NULL REFERENCES number_series(id) ON DELETE RESTRICT,
        year INTEGER NOT NULL,
        number INTEGER NOT NULL CHECK (number >= 1),
        record_type TEXT NOT NULL CHECK (record_type IN ('plan', 'document')),
        record_id INTEGER NOT NULL,
        allocated_at TEXT NOT NULL,
        PRIMARY KEY (series_id, year, number)
      ) STRICT;
      CREATE INDEX number_allocations_record ON number_allocations(record_type, record_id);

      -- Every issue of a plan or document, frozen: the model as rendered, the .docx bytes and their hash.
      -- Rows migrated from before this version are 'legacy': their bytes are frozen at their first export.
      CREATE TABLE issued_copies (
        id INTEGER PRIMARY KEY,
        record_type TEXT NOT NULL CHECK (record_type IN ('plan', 'document')),
        record_id INTEGER NOT NULL,
        kind TEXT NOT NULL,
        issuer_id INTEGER REFERENCES issuers(id) ON DELETE RESTRICT,
        series_id INTEGER REFERENCES number_series(id) ON DELETE RESTRICT,
        year INTEGER NOT NULL,
        number INTEGER NOT NULL,
        code TEXT NOT NULL,
        issued_date TEXT NOT NULL,
        title TEXT NOT NULL,
        signer_name TEXT NOT NULL DEFAULT '',
        recipients_text TEXT NOT NULL DEFAULT '',
        drafting_unit TEXT NOT NULL DEFAULT '',
        model_json TEXT CHECK (model_json IS NULL OR json_valid(model_json)),
        docx BLOB,
        sha256 TEXT,
        legacy INTEGER NOT NULL DEFAULT 0 CHECK (legacy IN (0, 1)),
        issued_by TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        withdrawn_at TEXT,
        withdrawn_by TEXT,
        withdraw_reason TEXT,
        CHECK ((docx IS NULL) = (sha256 IS NULL)),
        CHECK (legacy = 1 OR (docx IS NOT NULL AND model_json IS NOT NULL)),
        CHECK ((withdrawn_at IS NULL) = (withdraw_reason IS NULL))
      ) STRICT;
      CREATE UNIQUE INDEX issued_copies_current ON issued_copies(record_type, record_id) WHERE withdrawn_at IS NULL;
      CREATE INDEX issued_copies_record ON issued_copies(record_type, record_id, id);

      -- the one edited record migration 0009 left without a revision: a year's published results of an index
      ALTER TABLE index_year_results ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);

      ALTER TABLE signer_profiles ADD COLUMN issuer_id INTEGER REFERENCES issuers(id) ON DELETE CASCADE;
      ALTER TABLE plans ADD COLUMN issuer_id INTEGER REFERENCES issuers(id) ON DELETE RESTRICT;
      ALTER TABLE plans ADD COLUMN code TEXT NOT NULL DEFAULT '';
      ALTER TABLE plans ADD COLUMN draft_month INTEGER CHECK (draft_month BETWEEN 1 AND 12);
      ALTER TABLE documents ADD COLUMN issuer_id INTEGER REFERENCES issuers(id) ON DELETE RESTRICT;
      ALTER TABLE documents ADD COLUMN draft_month INTEGER CHECK (draft_month BETWEEN 1 AND 12);

      UPDATE plans SET issuer_id = (SELECT id FROM issuers WHERE is_default = 1);
      UPDATE documents SET issuer_id = (SELECT id FROM issuers WHERE is_default = 1);
      UPDATE plans SET code = 'KH-' || (SELECT issuer_abbr FROM issuers WHERE is_default = 1)
        WHERE status = 'issued' AND EXISTS (SELECT 1 FROM issuers WHERE is_default = 1);
    `);

    const now = new Date().toISOString();
    const addSeries = db.prepare('INSERT INTO number_series (issuer_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)');
    const addKind = db.prepare('INSERT INTO number_series_kinds (issuer_id, kind, series_id) VALUES (?, ?, ?)');
    for (const { id } of db.prepare('SELECT id FROM issuers').all() as { id: number }[]) {
      for (const [kind, name] of SEEDED_SERIES) {
        const series = Number(addSeries.run(id, name, now, now).lastInsertRowid);
        addKind.run(id, kind, series);
      }
    }

    // What was issued before this version: each number allocated to its record in its series and year,
    // and a legacy copy in the record. Two records that already shared a number (the very collision this
    // version refuses) both keep their issue; the number is allocated to the earlier one.
    const issued = db
      .prepare(
        `SELECT 'plan' AS record_type, p.id AS record_id, 'ke-hoach' AS kind, p.issuer_id, p.number, p.issued_date, p.code, p.title,
                json_extract(p.signer_json, '$.name') AS signer_name, p.updated_at
           FROM plans p WHERE p.status = 'issued'
         UNION ALL
         SELECT 'document', d.id, d.kind, d.issuer_id, d.number, d.issued_date, d.code, d.title,
                json_extract(d.content_json, '$.signer.name'), d.updated_at
           FROM documents d WHERE d.status = 'issued'
         ORDER BY issued_date, record_type, record_id`,
      )
      .all() as {
      record_type: 'plan' | 'document';
      record_id: number;
      kind: string;
      issuer_id: number | null;
      number: number;
      issued_date: string;
      code: string;
      title: string;
      signer_name: string | null;
      updated_at: string;
    }[];
    const seriesOf = db.prepare('SELECT series_id FROM number_series_kinds WHERE issuer_id = ? AND kind = ?');
    const allocate = db.prepare(
      'INSERT OR IGNORE INTO number_allocations (series_id, year, number, record_type, record_id, allocated_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const copy = db.prepare(
      `INSERT INTO issued_copies (record_type, record_id, kind, issuer_id, series_id, year, number, code, issued_date, title,
                                  signer_name, legacy, issued_by, issued_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, '', ?)`,
    );
    for (const r of issued) {
      const year = Number(r.issued_date.slice(0, 4));
      const series = r.issuer_id === null ? undefined : (seriesOf.get(r.issuer_id, r.kind) as { series_id: number } | undefined)?.series_id;
      if (series !== undefined) allocate.run(series, year, r.number, r.record_type, r.record_id, r.updated_at);
      copy.run(r.record_type, r.record_id, r.kind, r.issuer_id, series ?? null, year, r.number, r.code, r.issued_date, r.title, r.signer_name ?? '', r.updated_at);
    }
  },
};
