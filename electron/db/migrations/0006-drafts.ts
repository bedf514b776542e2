import type { Migration } from './types';

export const migration0006: Migration = {
  version: 6,
  name: 'drafts',
  up(db) {
    db.exec(`
      CREATE TABLE signer_profiles (
        id INTEGER PRIMARY KEY,
        label TEXT NOT NULL,
        signer_json TEXT NOT NULL CHECK (json_valid(signer_json)),
        search_key TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('chi-thi', 'cong-van')),
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
        CHECK (status <> 'issued' OR (number IS NOT NULL AND issued_date IS NOT NULL))
      ) STRICT;
      CREATE INDEX documents_kind ON documents(kind, status);

      CREATE TABLE document_events (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT ''
      ) STRICT;
    `);
  },
};
