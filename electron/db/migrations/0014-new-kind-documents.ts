import type { Migration } from './types';

/** Every kind drafted as a document row; a Kế hoạch has its own tables. */
export const DOCUMENT_ROW_KINDS = ['chi-thi', 'cong-van', 'quyet-dinh', 'to-trinh', 'giay-moi'] as const;

const COLUMNS = 'id, kind, title, draft_year, content_json, status, number, issued_date, code, search_key, created_at, updated_at, revision, issuer_id, draft_month';

/**
 * Quyết định, Tờ trình and Giấy mời drafts (issue #16): migration 0006 limited `documents.kind` to
 * Chỉ thị and Công văn, and SQLite cannot alter a CHECK, so the table is rebuilt (SQLite's 12-step
 * procedure) with every column 0006, 0009 and 0010 gave it, in the same order, and its index.
 *
 * The migrator runs each step in a transaction with foreign keys on, where `PRAGMA foreign_keys`
 * cannot be switched off (step 1 of the procedure), and renaming the old table away would rewrite
 * document_events' REFERENCES to the old name. So the new table is built beside the old one, the
 * old one dropped — its implicit DELETE cascades into document_events, whose rows are kept in a
 * temporary table and put back — and the new one renamed to "documents".
 *
 * Also Ô 13 of a công văn and giấy mời: the issuer's address and contacts.
 */
export const migration0014: Migration = {
  version: 14,
  name: 'new-kind-documents',
  up(db) {
    const before = db.prepare('SELECT count(*) FROM documents').pluck().get() as number;
    db.exec(`
        CREATE TEMP TABLE document_events_0013 AS SELECT * FROM document_events;
        CREATE TABLE documents_0013 (
          id INTEGER PRIMARY KEY,
          kind TEXT NOT NULL CHECK (kind IN (${DOCUMENT_ROW_KINDS.map((k) => `'${k}'`).join(', ')})),
          title TEXT NOT NULL,
          draft_year INTEGER NOT NULL,
          content_json TEXT NOT NULL CHECK (json_valid(content_json)),
          status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued')),
          number INTEGER,
          issued_date TEXT,
          code TEXT NOT NULL DEFAULT '',
          search_key TEXT NOT NULL,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
          issuer_id INTEGER REFERENCES issuers(id) ON DELETE RESTRICT,
          draft_month INTEGER CHECK (draft_month BETWEEN 1 AND 12),
          CHECK (status <> 'issued' OR (number IS NOT NULL AND issued_date IS NOT NULL))
        ) STRICT;
        INSERT INTO documents_0013 (${COLUMNS}) SELECT ${COLUMNS} FROM documents;
        DROP TABLE documents;
        ALTER TABLE documents_0013 RENAME TO documents;
        CREATE INDEX documents_kind ON documents(kind, status);
        INSERT INTO document_events SELECT * FROM temp.document_events_0013;
        DROP TABLE temp.document_events_0013;

        ALTER TABLE issuers ADD COLUMN address TEXT NOT NULL DEFAULT '';
        ALTER TABLE issuers ADD COLUMN phone TEXT NOT NULL DEFAULT '';
        ALTER TABLE issuers ADD COLUMN email TEXT NOT NULL DEFAULT '';
        ALTER TABLE issuers ADD COLUMN website TEXT NOT NULL DEFAULT '';
      `);
    const after = db.prepare('SELECT count(*) FROM documents').pluck().get() as number;
    if (after !== before) throw new Error(`documents: ${before} rows before the rebuild, ${after} after`);
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length) throw new Error(`foreign_key_check after rebuilding documents: ${JSON.stringify(broken.slice(0, 3))}`);
  },
};
