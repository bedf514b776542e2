import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** Runs fn in a transaction, or inside the caller's when db already is one (Kysely cannot nest). */
export function transactional<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}
