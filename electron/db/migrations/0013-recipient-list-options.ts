import type { Migration } from './types';

/**
 * A saved Nơi nhận list remembers how it prints (issue #16): the "Gửi bản điện tử:" line (a local
 * practice, off unless asked for) and the drafter's name in the Lưu line. Both used to be lost when
 * a list was copied into a document.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'recipient-list-options',
  up(db) {
    db.exec(`
      ALTER TABLE recipient_lists ADD COLUMN electronic INTEGER NOT NULL DEFAULT 0 CHECK (electronic IN (0, 1));
      ALTER TABLE recipient_lists ADD COLUMN drafter TEXT NOT NULL DEFAULT '';
    `);
  },
};
