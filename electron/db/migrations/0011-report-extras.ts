import type { Migration } from './types';

/**
 * Tasks an agency adds to its returned form ("nhiệm vụ bổ sung"), kept with the submission once the
 * specialist accepts them. Existing tables are untouched.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'report-extras',
  up(db) {
    db.exec(`
      CREATE TABLE report_extra_tasks (
        submission_id INTEGER NOT NULL REFERENCES report_submissions(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        content TEXT NOT NULL,
        status TEXT NOT NULL,
        result TEXT NOT NULL DEFAULT '',
        evidence TEXT NOT NULL DEFAULT '',
        difficulties TEXT NOT NULL DEFAULT '',
        proposals TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (submission_id, position)
      ) STRICT;
    `);
  },
};
