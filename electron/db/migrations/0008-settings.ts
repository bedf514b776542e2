import type { Migration } from './types';

export const migration0008: Migration = {
  version: 8,
  name: 'settings',
  up(db) {
    db.exec(`
      CREATE TABLE app_settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value))
      ) STRICT;
      INSERT INTO app_settings (key, value) VALUES ('backupKeep', '10');
    `);
  },
};
