import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '../../electron/db/connection';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from '../../electron/db/migrations';
import { normaliseSql, referenceSchema } from '../../electron/db/schema-check';
import { backupNow } from '../../electron/services/backups';
import { createDispatcher } from '../../electron/services/dispatch';
import { createHandlers } from '../../electron/services/handlers';
import { BackupFileError, inspectBackup, restoreBackup } from '../../electron/services/restore';
import type { Agency } from '../../shared/agencies';
import type { Plan } from '../../shared/plans';
import { VALID_PROFILE } from '../fixtures/profile';
import { agency, call, contentHash, fileState, tempDir } from './helpers';

/**
 * Backups are untrusted input: a file must have exactly the schema our migrations make for its
 * version, and an older one is migrated and checked as a copy before anything is swapped in.
 */

const dirs: string[] = [];
const fresh = (name: string) => {
  const dir = tempDir(name);
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const open: AppDatabase[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.close().catch(() => undefined);
});

/** A genuine backup made by this build's services at the given schema version, with a profile, agencies and (from v4) a plan. */
async function genuineBackup(dir: string, version = LATEST_SCHEMA_VERSION, name = `noivu-v${version}.sqlite`): Promise<string> {
  const database = openDatabase(path.join(dir, `source-${name}`, 'noivu.sqlite'), { migrations: MIGRATIONS.slice(0, version) });
  try {
    // the issuer profile became the issuers table in version 10
    database.sqlite
      .prepare(
        version >= 10
          ? `insert into issuers (id, label, issuer_name, issuer_abbr, place, signer_json, is_default, search_key, created_at, updated_at)
             values (1, 'UBND', 'ỦY BAN NHÂN DÂN', 'UBND', 'Bắc Kạn', '{"authority":[],"title":"CHỦ TỊCH","name":"A"}', 1, 'uy ban nhan dan', '2026-11-20T08:00:00.000Z', '2026-11-20T08:00:00.000Z')`
          : "insert into issuer_profile (id, issuer_name, issuer_abbr, place, signer_title, signer_name, updated_at) values (1, 'ỦY BAN NHÂN DÂN', 'UBND', 'Bắc Kạn', 'CHỦ TỊCH', 'A', '2026-11-20T08:00:00.000Z')",
      )
      .run();
    if (version >= 2) {
      const add = database.sqlite.prepare("insert into agencies (full_name, short_name, tier, search_key, created_at, updated_at) values (?, ?, 'so-ban-nganh', ?, 'x', '2026-11-21T09:30:00.000Z')");
      add.run('Sở Nội vụ tỉnh Bắc Kạn', 'Sở Nội vụ', 'so noi vu');
      add.run('Sở Tư pháp tỉnh Bắc Kạn', 'Sở Tư pháp', 'so tu phap');
    }
    if (version >= 4) {
      database.sqlite
        .prepare("insert into plans (title, draft_year, body_json, grouping, appendix_title, distribution_json, signer_json, search_key, created_at, updated_at) values ('Kế hoạch CCHC', 2026, '[]', 'lead', 'Phụ lục', '{}', '{}', 'ke hoach', 'x', '2026-11-22T10:00:00.000Z')")
        .run();
    }
    // the starter snippets are stamped with the time migration 5 ran
    if (version >= 5) database.sqlite.prepare("update paragraph_snippets set updated_at = '2026-11-01T00:00:00.000Z'").run();
    return (await backupNow(database, path.join(dir, name))).file;
  } finally {
    await database.close();
  }
}

/** Edits a file the way an attacker would, including writes to sqlite_master. */
function tamper(file: string, sql: string, params: unknown[] = []): void {
  const db = new BetterSqlite3(file);
  try {
    if (params.length) db.prepare(sql).run(...params);
    else db.exec(sql);
  } finally {
    db.close();
  }
}
function rewriteSchema(file: string, name: string, sql: string): void {
  const db = new BetterSqlite3(file);
  try {
    db.unsafeMode(true);
    db.pragma('writable_schema = ON');
    db.prepare('update sqlite_master set sql = ? where name = ?').run(sql, name);
  } finally {
    db.close();
  }
}
function storedSql(file: string, name: string): string {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return db.prepare('select sql from sqlite_master where name = ?').pluck().get(name) as string;
  } finally {
    db.close();
  }
}

async function refusal(promise: Promise<unknown>): Promise<BackupFileError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(BackupFileError);
    return err as BackupFileError;
  }
  throw new Error('expected a refusal');
}

/** An application database (closed) holding one agency and one plan, as the user has it now. */
async function currentData(dir: string) {
  const file = path.join(dir, 'data', 'noivu.sqlite');
  const database = openDatabase(file);
  const dispatch = createDispatcher(createHandlers({ database, version: 'test', transport: 'web' }));
  await call(dispatch, 'saveIssuer', VALID_PROFILE);
  await call<Agency>(dispatch, 'saveAgency', { agency: agency('Sở Y tế tỉnh Bắc Kạn'), confirmDuplicate: true });
  await call<Plan>(dispatch, 'createBlankPlan', { year: 2026 });
  await database.close();
  return { file, backupDir: path.join(dir, 'backups') };
}

const leftovers = (folder: string) => (fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => f.endsWith('.tmp') || /\.tmp-/.test(f)) : []);

describe('genuine backups of every version are accepted', () => {
  it('accepts a backup made at each version 1..latest and migrates it on restore', async () => {
    const dir = fresh('genuine');
    for (let version = 1; version <= LATEST_SCHEMA_VERSION; version++) {
      const backup = await genuineBackup(dir, version);
      const summary = await inspectBackup(backup, path.join(dir, 'data', 'noivu.sqlite'));
      expect(summary, `version ${version}`).toMatchObject({ fileName: `noivu-v${version}.sqlite`, schemaVersion: version, agencies: version >= 2 ? 2 : 0, plans: version >= 4 ? 1 : 0 });
    }
    const { file, backupDir } = await currentData(dir);
    await restoreBackup(file, path.join(dir, 'noivu-v1.sqlite'), { backupDir });
    const restored = openDatabase(file);
    open.push(restored);
    expect(restored.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(restored.sqlite.prepare('select place from issuers').pluck().get()).toBe('Bắc Kạn');
  });

  it('accepts the version-1 file kept as a fixture', async () => {
    const dir = fresh('fixture');
    const summary = await inspectBackup(path.resolve('test/fixtures/schema-v1.sqlite'), path.join(dir, 'noivu.sqlite'));
    expect(summary.schemaVersion).toBe(1);
    expect(leftovers(dir)).toEqual([]);
  });

  it('tells what the file holds: version, the newest change, counts', async () => {
    const dir = fresh('summary');
    const summary = await inspectBackup(await genuineBackup(dir), path.join(dir, 'noivu.sqlite'), { name: 'Sao lưu tháng 11.sqlite' });
    expect(summary).toEqual({
      fileName: 'Sao lưu tháng 11.sqlite',
      path: null,
      schemaVersion: LATEST_SCHEMA_VERSION,
      lastSavedAt: '2026-11-22T10:00:00.000Z',
      agencies: 2,
      plans: 1,
      documents: 0,
    });
  });

  it('accepts a schema whose sql differs only by whitespace', async () => {
    const dir = fresh('whitespace');
    const backup = await genuineBackup(dir);
    const original = storedSql(backup, 'app_settings');
    rewriteSchema(backup, 'app_settings', original.replace(/\s+/g, (ws) => (ws.includes('\n') ? '\n\t\t' : '   ')));
    expect(storedSql(backup, 'app_settings')).not.toBe(original);
    await expect(inspectBackup(backup, path.join(dir, 'noivu.sqlite'))).resolves.toMatchObject({ schemaVersion: LATEST_SCHEMA_VERSION });
  });

  it('reads a backup in WAL mode together with the -wal beside it', async () => {
    const dir = fresh('wal');
    const backup = await genuineBackup(dir);
    const copyDir = path.join(dir, 'usb');
    fs.mkdirSync(copyDir);
    const writer = new BetterSqlite3(backup);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    writer.prepare("insert into agencies (full_name, short_name, tier, search_key, created_at, updated_at) values ('Sở Xây dựng', 'Sở Xây dựng', 'so-ban-nganh', 'so xay dung', 'x', 'x')").run();
    // copied while the program still had it open: the newest row is only in the -wal
    fs.copyFileSync(backup, path.join(copyDir, 'noivu.sqlite'));
    fs.copyFileSync(`${backup}-wal`, path.join(copyDir, 'noivu.sqlite-wal'));
    writer.close();
    expect(await inspectBackup(path.join(copyDir, 'noivu.sqlite'), path.join(dir, 'noivu.sqlite'))).toMatchObject({ agencies: 3 });
  });

  it('checks what the -wal beside a backup adds: a trigger hidden there is refused', async () => {
    const dir = fresh('wal-trigger');
    const backup = await genuineBackup(dir);
    const copyDir = path.join(dir, 'usb');
    fs.mkdirSync(copyDir);
    const writer = new BetterSqlite3(backup);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec('CREATE TRIGGER t AFTER INSERT ON agencies BEGIN DELETE FROM plans; END');
    fs.copyFileSync(backup, path.join(copyDir, 'noivu.sqlite'));
    fs.copyFileSync(`${backup}-wal`, path.join(copyDir, 'noivu.sqlite-wal'));
    writer.close();
    const err = await refusal(inspectBackup(path.join(copyDir, 'noivu.sqlite'), path.join(dir, 'noivu.sqlite')));
    expect(err.message).toContain('có đối tượng lạ: trigger "t"');
  });
});

describe('files that carry objects we did not create, or lack ours, are refused', () => {
  let dir: string;
  let dbFile: string;
  beforeAll(() => {
    dir = fresh('hostile');
    dbFile = path.join(dir, 'data', 'noivu.sqlite');
  });
  const check = async (backup: string, name?: string) => refusal(inspectBackup(backup, dbFile, { name }));

  it('refuses a hollow file with only the issuers table and the latest user_version', async () => {
    const hollow = path.join(dir, 'rong-ruot.sqlite');
    tamper(hollow, `${storedSql(await genuineBackup(dir), 'issuers')}; PRAGMA user_version = ${LATEST_SCHEMA_VERSION};`);
    const err = await check(hollow);
    expect(err.problem).toBe('UNEXPECTED_SCHEMA');
    expect(err.message).toMatch(/^Tệp "rong-ruot\.sqlite" không đúng cấu trúc dữ liệu NoiVu Desk/);
    expect(err.message).toContain('thiếu bảng "agencies"');
    expect(err.message).toMatch(/Dữ liệu hiện tại không bị thay đổi\.$/);
  });

  it('refuses a trigger that would delete every plan at the next agency save', async () => {
    const backup = await genuineBackup(dir, LATEST_SCHEMA_VERSION, 'co-trigger.sqlite');
    tamper(backup, 'CREATE TRIGGER t AFTER INSERT ON agencies BEGIN DELETE FROM plans; END');
    const err = await check(backup, 'Sao lưu tháng 11.sqlite');
    expect(err.problem).toBe('UNEXPECTED_SCHEMA');
    expect(err.message).toContain('Tệp "Sao lưu tháng 11.sqlite"');
    expect(err.message).toContain('có đối tượng lạ: trigger "t" (trên bảng "agencies")');
  });

  it('refuses a trigger smuggled in under an internal "sqlite_" name with writable_schema', async () => {
    const backup = await genuineBackup(dir, LATEST_SCHEMA_VERSION, 'ten-noi-bo.sqlite');
    const db = new BetterSqlite3(backup);
    db.unsafeMode(true);
    db.pragma('writable_schema = ON');
    db.prepare("insert into sqlite_master (type, name, tbl_name, rootpage, sql) values ('trigger', 'sqlite_autoindex_x', 'agencies', 0, 'CREATE TRIGGER sqlite_autoindex_x AFTER INSERT ON agencies BEGIN DELETE FROM plans; END')").run();
    db.close();
    const err = await check(backup);
    expect(err.message).toContain('có đối tượng lạ: trigger "sqlite_autoindex_x"');
  });

  it.each([
    ['a view', 'CREATE VIEW v AS SELECT * FROM agencies', 'có đối tượng lạ: view "v"'],
    ['an extra table', 'CREATE TABLE ghi_chu (x TEXT)', 'có đối tượng lạ: bảng "ghi_chu"'],
    ['an extra index', 'CREATE INDEX agencies_email ON agencies(email)', 'có đối tượng lạ: chỉ mục "agencies_email"'],
    ['an extra column', "ALTER TABLE agencies ADD COLUMN note TEXT DEFAULT ''", 'bảng "agencies" khác với cấu trúc do NoiVu Desk tạo'],
    ['a missing index', 'DROP INDEX agencies_parent', 'thiếu chỉ mục "agencies_parent"'],
    ['a missing table', 'DROP TABLE app_settings', 'thiếu bảng "app_settings"'],
    ['a table of the same name with other columns', 'DROP TABLE app_settings; CREATE TABLE app_settings (key TEXT PRIMARY KEY, value TEXT)', 'bảng "app_settings" khác với cấu trúc'],
  ])('refuses %s', async (what, sql, message) => {
    const backup = await genuineBackup(dir, LATEST_SCHEMA_VERSION, `${what.replaceAll(' ', '-')}.sqlite`);
    tamper(backup, sql);
    const err = await check(backup);
    expect(err.problem).toBe('UNEXPECTED_SCHEMA');
    expect(err.message).toContain(message);
  });

  it('accepts the statistics ANALYZE makes, but only in the form SQLite makes them', async () => {
    const analyzed = await genuineBackup(dir, LATEST_SCHEMA_VERSION, 'thong-ke.sqlite');
    tamper(analyzed, 'ANALYZE');
    expect(storedSql(analyzed, 'sqlite_stat1')).toBe('CREATE TABLE sqlite_stat1(tbl,idx,stat)');
    await expect(inspectBackup(analyzed, dbFile)).resolves.toMatchObject({ schemaVersion: LATEST_SCHEMA_VERSION });
    rewriteSchema(analyzed, 'sqlite_stat1', 'CREATE TABLE sqlite_stat1(tbl,idx,stat DEFAULT 1)');
    expect((await check(analyzed)).message).toContain('có đối tượng lạ: bảng "sqlite_stat1"');
  });

  it('is not fooled by comments: a CHECK moved into a comment is a different table', async () => {
    const backup = await genuineBackup(dir, LATEST_SCHEMA_VERSION, 'chu-thich.sqlite');
    const original = storedSql(backup, 'app_settings');
    expect(original).toContain('CHECK (json_valid(value))');
    rewriteSchema(backup, 'app_settings', original.replace('CHECK (json_valid(value))', '-- CHECK (json_valid(value))\n'));
    expect((await check(backup)).message).toContain('bảng "app_settings" khác với cấu trúc');
  });

  it('refuses rows that point at rows that do not exist', async () => {
    const backup = await genuineBackup(dir, LATEST_SCHEMA_VERSION, 'tro-lac.sqlite');
    tamper(backup, "PRAGMA foreign_keys = OFF; INSERT INTO agency_group_members (group_id, agency_id) VALUES (4242, 1);");
    const err = await check(backup);
    expect(err.problem).toBe('CORRUPT');
    expect(err.message).toContain('bảng "agency_group_members" có dòng trỏ tới dòng không tồn tại trong bảng "agency_groups"');
  });

  it('leaves no work copy beside the database after any of these', () => {
    expect(leftovers(path.dirname(dbFile))).toEqual([]);
  });
});

describe('a restore of an older backup migrates a copy first', () => {
  it('refuses a version-8 file relabelled as version 3 and keeps the current data', async () => {
    const dir = fresh('relabel');
    const backup = await genuineBackup(dir, 8, 'doi-nhan.sqlite');
    tamper(backup, 'PRAGMA user_version = 3');
    const { file, backupDir } = await currentData(dir);
    const before = fileState(file);
    const err = await refusal(restoreBackup(file, backup, { backupDir }));
    expect(err.message).toMatch(/^Tệp "doi-nhan\.sqlite" không đúng cấu trúc dữ liệu NoiVu Desk số 3: .*có đối tượng lạ: bảng "plans"/);
    expect(fileState(file)).toBe(before);
    expect(leftovers(path.dirname(file))).toEqual([]);
    expect(fs.existsSync(backupDir)).toBe(false); // no safety copy either: nothing was about to change
  });

  // A data-dependent failure: the step passes on the empty reference database but not on these rows.
  const uniqueShortNames: Migration = {
    version: LATEST_SCHEMA_VERSION + 1,
    name: 'unique-short-names',
    up: (db) => db.exec('CREATE UNIQUE INDEX agencies_short_name ON agencies(short_name)'),
  };

  it('refuses a backup whose migration fails, before the current file is touched', async () => {
    const dir = fresh('migrate-fails');
    const backup = await genuineBackup(dir, LATEST_SCHEMA_VERSION, 'trung-ten.sqlite');
    tamper(backup, "UPDATE agencies SET short_name = 'Sở'");
    const { file, backupDir } = await currentData(dir);
    const before = fileState(file);
    const migrations = [...MIGRATIONS, uniqueShortNames];
    const err = await refusal(restoreBackup(file, backup, { backupDir, migrations }));
    expect(err.problem).toBe('MIGRATION_FAILED');
    expect(err.message).toContain(`Không nâng cấp được bản sao lưu "trung-ten.sqlite" từ cấu trúc dữ liệu số ${LATEST_SCHEMA_VERSION} lên số ${LATEST_SCHEMA_VERSION + 1}`);
    expect(fileState(file)).toBe(before);
    expect(leftovers(path.dirname(file))).toEqual([]);
    // the app still opens (and migrates) its own file
    const reopened = openDatabase(file, { migrations });
    open.push(reopened);
    expect(reopened.sqlite.prepare('select count(*) from plans').pluck().get()).toBe(1);
  });

  it('checks the migrated copy against the latest schema', async () => {
    const dir = fresh('migrate-check');
    const backup = await genuineBackup(dir, LATEST_SCHEMA_VERSION, 'sau-nang-cap.sqlite');
    // A step whose result depends on the rows: the empty reference never gets this index.
    const dataDependent: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'data-dependent',
      up: (db) => {
        if ((db.prepare('select count(*) from agencies').pluck().get() as number) > 0) db.exec('CREATE INDEX agencies_email ON agencies(email)');
      },
    };
    const { file, backupDir } = await currentData(dir);
    const before = fileState(file);
    const err = await refusal(restoreBackup(file, backup, { backupDir, migrations: [...MIGRATIONS, dataDependent] }));
    expect(err.problem).toBe('MIGRATION_FAILED');
    expect(err.message).toContain('có đối tượng lạ: chỉ mục "agencies_email"');
    expect(fileState(file)).toBe(before);
  });

  it('swaps in the migrated copy, so the app opens it without migrating', async () => {
    const dir = fresh('migrated');
    const backup = await genuineBackup(dir, 2, 'cu.sqlite');
    const { file, backupDir } = await currentData(dir);
    await restoreBackup(file, backup, { backupDir });
    const raw = new BetterSqlite3(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(contentHash(raw)).toMatch(/^[0-9a-f]{64}$/);
    raw.close();
  });
});

describe('normaliseSql', () => {
  it('treats whitespace and comments as SQLite does, and keeps literals and adjacency', () => {
    expect(normaliseSql('CREATE  TABLE\n\tt (a TEXT,\r\n  b INT)')).toBe('CREATE TABLE t (a TEXT, b INT)');
    expect(normaliseSql('a -- note\nb')).toBe(normaliseSql('a b'));
    expect(normaliseSql('a/* x */b')).toBe('a b');
    expect(normaliseSql("DEFAULT '--'")).not.toBe(normaliseSql("DEFAULT ''"));
    expect(normaliseSql("DEFAULT 'a  b'")).toBe("DEFAULT 'a  b'");
    expect(normaliseSql('"a  -- b"')).toBe('"a  -- b"');
    expect(normaliseSql("'it''s  -- x'")).toBe("'it''s  -- x'");
    expect(normaliseSql('x IN (1 .5)')).not.toBe(normaliseSql('x IN (1.5)'));
    expect(normaliseSql('a -- CHECK (x)\n)')).not.toBe(normaliseSql('a CHECK (x))'));
  });

  it('builds a reference for every version from the migration list', () => {
    expect(referenceSchema(0).objects.size).toBe(0);
    expect([...referenceSchema(1).objects.keys()]).toEqual(['table issuer_profile']);
    expect(referenceSchema(LATEST_SCHEMA_VERSION).objects.has('table app_settings')).toBe(true);
    expect(() => referenceSchema(LATEST_SCHEMA_VERSION + 1)).toThrow(RangeError);
  });
});
