import type { Migration } from './types';

/**
 * Quyết định, Tờ trình and Giấy mời (issue #16): every issuer gets a number series for each, as a
 * new issuer does, so a change to an issuer's series never fails for a kind it could not have had.
 * A name already taken gets " (2)", " (3)"….
 */
const NEW_KINDS: readonly [kind: string, name: string][] = [
  ['quyet-dinh', 'Quyết định'],
  ['to-trinh', 'Tờ trình'],
  ['giay-moi', 'Giấy mời'],
];

export const migration0012: Migration = {
  version: 12,
  name: 'kind-series',
  up(db) {
    const now = new Date().toISOString();
    const hasKind = db.prepare('SELECT 1 FROM number_series_kinds WHERE issuer_id = ? AND kind = ?').pluck();
    const nameTaken = db.prepare('SELECT 1 FROM number_series WHERE issuer_id = ? AND name = ?').pluck();
    const addSeries = db.prepare('INSERT INTO number_series (issuer_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)');
    const addKind = db.prepare('INSERT INTO number_series_kinds (issuer_id, kind, series_id) VALUES (?, ?, ?)');
    for (const id of db.prepare('SELECT id FROM issuers ORDER BY id').pluck().all() as number[]) {
      for (const [kind, base] of NEW_KINDS) {
        if (hasKind.get(id, kind)) continue;
        let name = base;
        for (let n = 2; nameTaken.get(id, name); n++) name = `${base} (${n})`;
        const series = Number(addSeries.run(id, name, now, now).lastInsertRowid);
        addKind.run(id, kind, series);
      }
    }
  },
};
