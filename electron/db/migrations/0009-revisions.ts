import type { Migration } from './types';

/**
 * Tables a user edits through a save request, each row carrying the revision an edit was based on:
 * a save names the revision it loaded and is refused when someone else saved in between.
 */
export const REVISIONED_TABLES = [
  'issuer_profile',
  'agencies',
  'agency_groups',
  'recipient_lists',
  'index_components',
  'plans',
  'paragraph_snippets',
  'signer_profiles',
  'documents',
  'report_rounds',
] as const;

export const migration0009: Migration = {
  version: 9,
  name: 'revisions',
  up(db) {
    for (const table of REVISIONED_TABLES) {
      db.exec(`ALTER TABLE ${table} ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1)`);
    }
    // The only edited table without a time of last change; a refusal tells when the other save was.
    db.exec(`ALTER TABLE index_components ADD COLUMN updated_at TEXT NOT NULL DEFAULT ''`);
  },
};
