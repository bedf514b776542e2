import type BetterSqlite3 from 'better-sqlite3';
import { foldVietnamese } from '../../shared/text';

/** SQL functions the schema and the migrations rely on; every connection that migrates needs them. */
export function registerSqlFunctions(sqlite: BetterSqlite3.Database): void {
  sqlite.function('vi_fold', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? foldVietnamese(s) : s));
}
