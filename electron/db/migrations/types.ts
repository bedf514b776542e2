import type BetterSqlite3 from 'better-sqlite3';

/** One schema step. `up` runs inside a transaction opened by the migrator; it must not commit. */
export interface Migration {
  version: number;
  name: string;
  up(db: BetterSqlite3.Database): void;
}
