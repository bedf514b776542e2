import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { AgencyInput } from '../../shared/agencies';
import type { Dispatch } from '../../electron/services/dispatch';

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `noivu-${prefix}-`));
}

export const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** The state of a file on disk, WAL included: what a refusal must leave exactly as it was. */
export function fileState(file: string): string {
  return [file, `${file}-wal`].map((f) => (fs.existsSync(f) ? sha(f) : '-')).join(':');
}

/** Every row of every table, in a stable order, hashed: equal hashes mean equal content. */
export function contentHash(db: BetterSqlite3.Database): string {
  const hash = crypto.createHash('sha256');
  const tables = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as { name: string }[];
  for (const { name } of tables) {
    hash.update(`\u0000table ${name}\u0000`);
    for (const row of db.prepare(`select * from "${name}" order by rowid`).raw().iterate() as Iterable<unknown[]>) {
      hash.update(JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : Buffer.isBuffer(v) ? v.toString('hex') : v)));
      hash.update('\n');
    }
  }
  hash.update(`user_version ${String(db.pragma('user_version', { simple: true }))}`);
  return hash.digest('hex');
}

/** The connection settings crash safety depends on, as SQLite reports them. */
export function connectionPragmas(db: BetterSqlite3.Database): Record<string, unknown> {
  return Object.fromEntries(['journal_mode', 'synchronous', 'foreign_keys', 'busy_timeout'].map((name) => [name, db.pragma(name, { simple: true })]));
}

/** What openDatabase sets: a write-ahead log, fsync at every commit, enforced foreign keys, a wait for locks. */
export const EXPECTED_PRAGMAS = { journal_mode: 'wal', synchronous: 2, foreign_keys: 1, busy_timeout: 5000 };

export function agency(fullName: string, shortName = fullName, extra: Partial<AgencyInput> = {}): AgencyInput {
  return {
    fullName,
    shortName,
    abbreviation: '',
    tier: 'so-ban-nganh',
    parentId: null,
    protocolOrder: 100,
    email: '',
    phone: '',
    validFrom: null,
    validTo: null,
    replacedById: null,
    ...extra,
  };
}

export async function call<T>(dispatch: Dispatch, name: string, input: unknown): Promise<T> {
  const result = await dispatch(name, input);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.data as T;
}
