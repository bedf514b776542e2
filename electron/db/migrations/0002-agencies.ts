import type { Migration } from './types';

export const migration0002: Migration = {
  version: 2,
  name: 'agencies',
  up(db) {
    db.exec(`
      CREATE TABLE agencies (
        id INTEGER PRIMARY KEY,
        full_name TEXT NOT NULL,
        short_name TEXT NOT NULL,
        abbreviation TEXT NOT NULL DEFAULT '',
        tier TEXT NOT NULL,
        parent_id INTEGER REFERENCES agencies(id) ON DELETE RESTRICT,
        protocol_order INTEGER NOT NULL DEFAULT 1000,
        email TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        valid_from TEXT,
        valid_to TEXT,
        replaced_by_id INTEGER REFERENCES agencies(id) ON DELETE RESTRICT,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        search_key TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX agencies_parent ON agencies(parent_id);
      CREATE INDEX agencies_replaced_by ON agencies(replaced_by_id);

      CREATE TABLE agency_groups (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        protocol_order INTEGER NOT NULL DEFAULT 1000,
        search_key TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE agency_group_members (
        group_id INTEGER NOT NULL REFERENCES agency_groups(id) ON DELETE CASCADE,
        agency_id INTEGER NOT NULL REFERENCES agencies(id) ON DELETE RESTRICT,
        PRIMARY KEY (group_id, agency_id)
      ) STRICT;
      CREATE INDEX agency_group_members_agency ON agency_group_members(agency_id);

      CREATE TABLE recipient_lists (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('noi-nhan', 'kinh-gui')),
        search_key TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE recipient_list_lines (
        list_id INTEGER NOT NULL REFERENCES recipient_lists(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        agency_id INTEGER REFERENCES agencies(id) ON DELETE RESTRICT,
        group_id INTEGER REFERENCES agency_groups(id) ON DELETE RESTRICT,
        text TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (list_id, position),
        CHECK ((agency_id IS NOT NULL) + (group_id IS NOT NULL) + (text <> '') = 1)
      ) STRICT;
      CREATE INDEX recipient_list_lines_agency ON recipient_list_lines(agency_id);
      CREATE INDEX recipient_list_lines_group ON recipient_list_lines(group_id);
    `);
  },
};
