import type { Migration } from './types';

export const migration0001: Migration = {
  version: 1,
  name: 'issuer-profile',
  up(db) {
    db.exec(`
      CREATE TABLE issuer_profile (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        parent_name TEXT NOT NULL DEFAULT '',
        issuer_name TEXT NOT NULL,
        issuer_abbr TEXT NOT NULL,
        place TEXT NOT NULL,
        drafting_unit_abbr TEXT NOT NULL DEFAULT '',
        signer_authority TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(signer_authority)),
        signer_title TEXT NOT NULL,
        signer_name TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
