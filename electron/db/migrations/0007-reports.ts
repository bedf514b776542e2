import type { Migration } from './types';

export const migration0007: Migration = {
  version: 7,
  name: 'reports',
  up(db) {
    db.exec(`
      CREATE TABLE report_rounds (
        id INTEGER PRIMARY KEY,
        plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE RESTRICT,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        period_from TEXT NOT NULL,
        period_to TEXT NOT NULL,
        due_date TEXT NOT NULL,
        texts_json TEXT NOT NULL DEFAULT '{"results":"","shortcomings":"","nextTasks":"","proposals":""}' CHECK (json_valid(texts_json)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX report_rounds_plan ON report_rounds(plan_id);

      -- Every submission is kept; the newest one of an agency in a round is the one that counts.
      CREATE TABLE report_submissions (
        id INTEGER PRIMARY KEY,
        round_id INTEGER NOT NULL REFERENCES report_rounds(id) ON DELETE RESTRICT,
        agency_id INTEGER NOT NULL REFERENCES agencies(id) ON DELETE RESTRICT,
        received_at TEXT NOT NULL,
        on_time INTEGER NOT NULL CHECK (on_time IN (0, 1)),
        source TEXT NOT NULL,
        current INTEGER NOT NULL DEFAULT 1 CHECK (current IN (0, 1))
      ) STRICT;
      CREATE INDEX report_submissions_round ON report_submissions(round_id, agency_id, current);

      CREATE TABLE report_entries (
        submission_id INTEGER NOT NULL REFERENCES report_submissions(id) ON DELETE CASCADE,
        task_id INTEGER NOT NULL REFERENCES plan_tasks(id) ON DELETE RESTRICT,
        role TEXT NOT NULL CHECK (role IN ('chu-tri', 'phoi-hop')),
        status TEXT NOT NULL,
        result TEXT NOT NULL DEFAULT '',
        evidence TEXT NOT NULL DEFAULT '',
        difficulties TEXT NOT NULL DEFAULT '',
        proposals TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (submission_id, task_id)
      ) STRICT;
      CREATE INDEX report_entries_task ON report_entries(task_id);
    `);
  },
};
