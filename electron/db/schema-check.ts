import BetterSqlite3 from 'better-sqlite3';
import { migrate } from './migrate';
import { MIGRATIONS, type Migration } from './migrations';
import { registerSqlFunctions } from './sql-functions';

/**
 * A database file from outside (a backup) is untrusted: it may carry triggers, views or tables we
 * never created, or lack ones we did. This compares its schema with the exact schema our own
 * migrations produce for its `user_version`, built on an in-memory database.
 */

export interface SchemaObject {
  type: string;
  name: string;
  tblName: string;
  /** The CREATE statement, normalised (see normaliseSql); null for objects SQLite makes itself. */
  sql: string | null;
}

/**
 * Objects by `type name`. SQLite builds its whole idea of a schema from these `sql` texts, so equal
 * texts (up to whitespace and comments, see normaliseSql) mean equal tables, indexes and triggers.
 */
export interface Schema {
  objects: ReadonlyMap<string, SchemaObject>;
}

/** Tables SQLite creates by itself (AUTOINCREMENT counters, ANALYZE statistics), with their only possible definition. */
const INTERNAL_TABLES: ReadonlyMap<string, string> = new Map([
  ['sqlite_sequence', 'CREATE TABLE sqlite_sequence(name,seq)'],
  ['sqlite_stat1', 'CREATE TABLE sqlite_stat1(tbl,idx,stat)'],
  ['sqlite_stat4', 'CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)'],
]);

/**
 * Whether SQLite made this object itself. Only the exact internal tables and the sql-less indexes
 * behind UNIQUE/PRIMARY KEY qualify: with `writable_schema` anyone can name a trigger "sqlite_…",
 * and SQLite runs it.
 */
function isInternal(o: SchemaObject): boolean {
  if (o.type === 'table') return INTERNAL_TABLES.get(o.name) === o.sql && o.tblName === o.name;
  return o.type === 'index' && o.sql === null && o.name.startsWith('sqlite_autoindex_');
}

const SPACE = new Set([' ', '\t', '\n', '\f', '\r']);

/**
 * The statement as SQLite's tokenizer sees it: comments and runs of whitespace become one space,
 * string literals and quoted names stay exactly as written. Whitespace is never removed where
 * there was some nor added where there was none, so `a.5` and `a .5` stay different.
 */
export function normaliseSql(sql: string): string {
  let out = '';
  let space = false;
  const push = (token: string) => {
    if (space && out) out += ' ';
    space = false;
    out += token;
  };
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (SPACE.has(c)) {
      space = true;
      i++;
    } else if (c === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end + 1;
      space = true;
    } else if (c === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
      space = true;
    } else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < sql.length && !(sql[j] === c && sql[j + 1] !== c)) j += sql[j] === c ? 2 : 1;
      push(sql.slice(i, j + 1));
      i = j + 1;
    } else if (c === '[') {
      const end = sql.indexOf(']', i);
      const j = end < 0 ? sql.length : end;
      push(sql.slice(i, j + 1));
      i = j + 1;
    } else {
      push(c);
      i++;
    }
  }
  return out;
}

const key = (type: string, name: string) => `${type} ${name}`;

/** Every object in sqlite_master except those SQLite makes itself. */
export function readSchema(sqlite: BetterSqlite3.Database): Schema {
  const rows = sqlite.prepare('select type, name, tbl_name as tblName, sql from sqlite_master').all() as SchemaObject[];
  const objects = new Map<string, SchemaObject>();
  for (const row of rows) {
    if (isInternal(row)) continue;
    objects.set(key(row.type, row.name), { ...row, sql: typeof row.sql === 'string' ? normaliseSql(row.sql) : row.sql });
  }
  return { objects };
}

/** Reference schemas per migration list, one per version (0 = empty), built in one pass. */
const references = new WeakMap<readonly Migration[], Schema[]>();

function referenceFor(migrations: readonly Migration[]): Schema[] {
  let built = references.get(migrations);
  if (built) return built;
  const memory = new BetterSqlite3(':memory:');
  try {
    registerSqlFunctions(memory);
    memory.pragma('foreign_keys = ON');
    built = [];
    for (let version = 0; version <= migrations.length; version++) {
      migrate(memory, migrations.slice(0, version));
      built.push(readSchema(memory));
    }
    references.set(migrations, built);
    return built;
  } finally {
    memory.close();
  }
}

/** The exact schema migrations 1..version produce. */
export function referenceSchema(version: number, migrations: readonly Migration[] = MIGRATIONS): Schema {
  const schema = referenceFor(migrations)[version];
  if (!schema) throw new RangeError(`no schema version ${version}`);
  return schema;
}

const KIND: Record<string, string> = { table: 'bảng', index: 'chỉ mục', trigger: 'trigger', view: 'view' };
const describe = (o: SchemaObject) => `${KIND[o.type] ?? o.type} "${o.name}"${o.type === 'trigger' ? ` (trên bảng "${o.tblName}")` : ''}`;

/**
 * How the schema of `sqlite` differs from the one our migrations produce for `version`, as
 * Vietnamese phrases ("thiếu bảng …", "có đối tượng lạ: trigger …"); empty when they are the same.
 */
export function schemaDifferences(sqlite: BetterSqlite3.Database, version: number, migrations: readonly Migration[] = MIGRATIONS): string[] {
  const expected = referenceSchema(version, migrations);
  const actual = readSchema(sqlite);
  const problems: string[] = [];
  for (const [k, want] of expected.objects) {
    const have = actual.objects.get(k);
    if (!have) problems.push(`thiếu ${describe(want)}`);
    else if (have.sql !== want.sql || have.tblName !== want.tblName) problems.push(`${describe(want)} khác với cấu trúc do NoiVu Desk tạo`);
  }
  for (const [k, have] of actual.objects) if (!expected.objects.has(k)) problems.push(`có đối tượng lạ: ${describe(have)}`);
  return problems;
}
