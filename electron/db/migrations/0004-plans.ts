import type { Migration } from './types';

export const migration0004: Migration = {
  version: 4,
  name: 'plans',
  up(db) {
    db.exec(`
      ALTER TABLE issuer_profile ADD COLUMN issuer_full_name TEXT NOT NULL DEFAULT '';

      CREATE TABLE plans (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        index_id INTEGER REFERENCES index_definitions(id) ON DELETE RESTRICT,
        index_year INTEGER,
        draft_year INTEGER NOT NULL,
        body_json TEXT NOT NULL CHECK (json_valid(body_json)),
        grouping TEXT NOT NULL CHECK (grouping IN ('lead', 'component')),
        appendix_title TEXT NOT NULL,
        distribution_json TEXT NOT NULL CHECK (json_valid(distribution_json)),
        signer_json TEXT NOT NULL CHECK (json_valid(signer_json)),
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued')),
        number INTEGER,
        issued_date TEXT,
        search_key TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (status <> 'issued' OR (number IS NOT NULL AND issued_date IS NOT NULL))
      ) STRICT;

      CREATE TABLE plan_tasks (
        id INTEGER PRIMARY KEY,
        plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        component_id INTEGER REFERENCES index_components(id) ON DELETE RESTRICT,
        component_label TEXT NOT NULL DEFAULT '',
        content TEXT NOT NULL,
        lead_agency_id INTEGER REFERENCES agencies(id) ON DELETE RESTRICT,
        lead_group_id INTEGER REFERENCES agency_groups(id) ON DELETE RESTRICT,
        lead_text TEXT NOT NULL DEFAULT '',
        deadline_json TEXT NOT NULL CHECK (json_valid(deadline_json)),
        expected_output TEXT NOT NULL DEFAULT '',
        CHECK ((lead_agency_id IS NOT NULL) + (lead_group_id IS NOT NULL) + (lead_text <> '') <= 1)
      ) STRICT;
      CREATE INDEX plan_tasks_plan ON plan_tasks(plan_id, position);
      CREATE INDEX plan_tasks_lead_agency ON plan_tasks(lead_agency_id);

      CREATE TABLE plan_task_coordinators (
        task_id INTEGER NOT NULL REFERENCES plan_tasks(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        agency_id INTEGER REFERENCES agencies(id) ON DELETE RESTRICT,
        group_id INTEGER REFERENCES agency_groups(id) ON DELETE RESTRICT,
        text TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (task_id, position),
        CHECK ((agency_id IS NOT NULL) + (group_id IS NOT NULL) + (text <> '') = 1)
      ) STRICT;
      CREATE INDEX plan_task_coordinators_agency ON plan_task_coordinators(agency_id);

      -- Who issued, reopened or copied a plan, and when.
      CREATE TABLE plan_events (
        id INTEGER PRIMARY KEY,
        plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT ''
      ) STRICT;
    `);
  },
};
