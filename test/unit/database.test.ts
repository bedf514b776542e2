import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '../../electron/db/connection';
import { DatabaseOpenError } from '../../electron/db/errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, type Migration } from '../../electron/db/migrations';
import { REVISIONED_TABLES } from '../../electron/db/migrations/0009-revisions';
import { getIssuerProfile, saveIssuerProfile } from '../../electron/services/issuer-profile';
import { IssuerProfileSchema } from '../../shared/profile';
import { VALID_PROFILE } from '../fixtures/profile';
import { fillEveryTableAtVersion8 } from '../fixtures/every-table';

/** Tables a later migration replaced, and the table their rows moved to. */
const RENAMED: Readonly<Record<string, string>> = { issuer_profile: 'issuers' };

const open: AppDatabase[] = [];
function tempFile(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'noivu-db-')), 'data', 'noivu.sqlite');
}
function openTracked(file: string, migrations?: readonly Migration[]): AppDatabase {
  const db = openDatabase(file, migrations ? { migrations } : {});
  open.push(db);
  return db;
}
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

afterEach(async () => {
  for (const db of open.splice(0)) await db.close().catch(() => undefined);
});

describe('database', () => {
  it('creates a fresh file with WAL, foreign keys and the latest schema', () => {
    const db = openTracked(tempFile());
    expect(db.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(db.sqlite.prepare("select vi_fold('Sở Nội vụ Đắk') as f").get()).toEqual({ f: 'so noi vu dak' });
  });

  it('keeps the migration list and the migrations folder in step', () => {
    const folder = path.resolve('electron/db/migrations');
    const files = fs.readdirSync(folder).filter((f) => /^\d{4}-.+\.ts$/.test(f)).sort();
    expect(files.map((f) => f.replace(/\.ts$/, ''))).toEqual(MIGRATIONS.map((m) => `${String(m.version).padStart(4, '0')}-${m.name}`));
    MIGRATIONS.forEach((m, i) => expect(m.version).toBe(i + 1));
  });

  it('upgrades a database of the first released schema without losing rows', async () => {
    const file = tempFile();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.copyFileSync(path.resolve('test/fixtures/schema-v1.sqlite'), file);
    const before = new BetterSqlite3(file, { readonly: true });
    const tables = (before.prepare("select name from sqlite_master where type='table' and name not like 'sqlite_%'").all() as { name: string }[]).map((t) => t.name);
    const counts = Object.fromEntries(tables.map((t) => [t, (before.prepare(`select count(*) c from "${t}"`).get() as { c: number }).c]));
    before.close();
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    const db = openTracked(file);
    expect(db.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    for (const [table, count] of Object.entries(counts)) {
      expect((db.sqlite.prepare(`select count(*) c from "${RENAMED[table] ?? table}"`).get() as { c: number }).c, table).toBeGreaterThanOrEqual(count);
    }
    expect(await getIssuerProfile(db.db)).toMatchObject({ issuerAbbr: 'UBND', place: 'Bắc Kạn' });
  });

  it('upgrades step by step, each version from the one before, without losing rows', async () => {
    for (let target = 1; target < MIGRATIONS.length; target++) {
      const file = tempFile();
      const older = openDatabase(file, { migrations: MIGRATIONS.slice(0, target) });
      // the profile of the first schema, which became the default issuer in version 10
      if (target < 10)
        older.sqlite
          .prepare("insert into issuer_profile (id, issuer_name, issuer_abbr, place, signer_title, signer_name, updated_at) values (1, 'ỦY BAN NHÂN DÂN', 'UBND', 'Bắc Kạn', 'CHỦ TỊCH', 'A', 'x')")
          .run();
      else
        older.sqlite
          .prepare("insert into issuers (id, label, issuer_name, issuer_abbr, place, signer_json, is_default, search_key, created_at, updated_at) values (1, 'UBND', 'ỦY BAN NHÂN DÂN', 'UBND', 'Bắc Kạn', '{\"authority\":[],\"title\":\"CHỦ TỊCH\",\"name\":\"A\"}', 1, 'ubnd', 'x', 'x')")
          .run();
      const tables = older.sqlite.prepare("select name from sqlite_master where type='table'").all() as { name: string }[];
      const counts = tables.map((t) => (older.sqlite.prepare(`select count(*) c from "${t.name}"`).get() as { c: number }).c);
      await older.close();
      const newer = openTracked(file);
      tables.forEach((t, i) => expect((newer.sqlite.prepare(`select count(*) c from "${RENAMED[t.name] ?? t.name}"`).get() as { c: number }).c).toBeGreaterThanOrEqual(counts[i]!));
    }
  });

  it('upgrades a version 8 database with a row in every table to revisions: every row kept, each at revision 1', async () => {
    const file = tempFile();
    const older = openDatabase(file, { migrations: MIGRATIONS.slice(0, 8) });
    await fillEveryTableAtVersion8(older);

    const tables = (older.sqlite.prepare("select name from sqlite_master where type='table' and name not like 'sqlite_%'").all() as { name: string }[]).map((t) => t.name);
    const rowsOf = (sqlite: BetterSqlite3.Database, table: string) => sqlite.prepare(`select * from "${table}" order by rowid`).all() as Record<string, unknown>[];
    const before = Object.fromEntries(tables.map((t) => [t, rowsOf(older.sqlite, t)]));
    for (const t of tables) expect(before[t]!.length, `${t} has a row before the upgrade`).toBeGreaterThan(0);
    await older.close();

    const newer = openTracked(file, MIGRATIONS.slice(0, 9));
    expect(newer.schemaVersion).toBe(9);
    for (const t of tables) {
      const after = rowsOf(newer.sqlite, t);
      // every row and every value kept; the new columns are the only difference
      const added = t === 'index_components' ? ['revision', 'updated_at'] : ['revision'];
      expect(after.map((r) => Object.fromEntries(Object.entries(r).filter(([column]) => !added.includes(column)))), t).toEqual(before[t]);
      if (REVISIONED_TABLES.includes(t as (typeof REVISIONED_TABLES)[number])) expect(new Set(after.map((r) => r.revision)), t).toEqual(new Set([1]));
      else expect(after[0], t).not.toHaveProperty('revision');
    }
    // every table a user edits through a save request, and only those
    const withRevision = tables.filter((t) => (newer.sqlite.prepare(`select * from pragma_table_info('${t}') where name = 'revision'`).all() as unknown[]).length > 0);
    expect(withRevision.sort()).toEqual(
      ['agencies', 'agency_groups', 'documents', 'index_components', 'issuer_profile', 'paragraph_snippets', 'plans', 'recipient_lists', 'report_rounds', 'signer_profiles'].sort(),
    );
    expect(newer.sqlite.prepare('select revision from issuer_profile').pluck().get()).toBe(1);
  });

  it('moves a version 9 database with a row in every table to the record of issued documents without losing a row', async () => {
    const file = tempFile();
    const older = openDatabase(file, { migrations: MIGRATIONS.slice(0, 8) });
    await fillEveryTableAtVersion8(older);
    await older.close();
    const nine = openDatabase(file, { migrations: MIGRATIONS.slice(0, 9) });
    const tables = (nine.sqlite.prepare("select name from sqlite_master where type='table' and name not like 'sqlite_%'").all() as { name: string }[]).map((t) => t.name);
    const rowsOf = (sqlite: BetterSqlite3.Database, table: string) => sqlite.prepare(`select * from "${table}" order by rowid`).all() as Record<string, unknown>[];
    const before = Object.fromEntries(tables.map((t) => [t, rowsOf(nine.sqlite, t)]));
    for (const t of tables) expect(before[t]!.length, `${t} has a row before the upgrade`).toBeGreaterThan(0);
    await nine.close();

    const ten = openTracked(file, MIGRATIONS.slice(0, 10));
    expect(ten.schemaVersion).toBe(10);
    const added: Record<string, string[]> = { plans: ['issuer_id', 'code', 'draft_month'], documents: ['issuer_id', 'draft_month'], signer_profiles: ['issuer_id'], index_year_results: ['revision'] };
    for (const t of tables.filter((t) => t !== 'issuer_profile')) {
      const after = rowsOf(ten.sqlite, t).map((r) => Object.fromEntries(Object.entries(r).filter(([column]) => !(added[t] ?? []).includes(column))));
      expect(after, t).toEqual(before[t]);
    }
    // the profile became the default issuer, every value kept
    const profile = before.issuer_profile![0]!;
    const issuer = ten.sqlite.prepare('select * from issuers').all() as Record<string, unknown>[];
    expect(issuer).toHaveLength(1);
    expect(issuer[0]).toMatchObject({
      id: 1,
      is_default: 1,
      parent_name: profile.parent_name,
      issuer_name: profile.issuer_name,
      issuer_full_name: profile.issuer_full_name,
      issuer_abbr: profile.issuer_abbr,
      place: profile.place,
      drafting_unit_abbr: profile.drafting_unit_abbr,
      revision: profile.revision,
    });
    expect(JSON.parse(issuer[0]!.signer_json as string)).toEqual({ authority: JSON.parse(profile.signer_authority as string), title: profile.signer_title, name: profile.signer_name });
    expect(await getIssuerProfile(ten.db)).toMatchObject({ issuerAbbr: 'UBND', place: 'Bắc Kạn', signer: { name: 'Nguyễn Văn A' } });
    // every plan and document belongs to it; the issued plan has its ký hiệu
    expect(ten.sqlite.prepare('select count(*) from plans where issuer_id is not 1').pluck().get()).toBe(0);
    expect(ten.sqlite.prepare('select count(*) from documents where issuer_id is not 1').pluck().get()).toBe(0);
    expect(ten.sqlite.prepare("select code from plans where status = 'issued'").pluck().all()).toEqual(['KH-UBND']);
    // one series per kind; each issued record has its number and a legacy copy, the earlier of two
    // công văn that shared 1250 holds the number
    expect(ten.sqlite.prepare('select count(*) from number_series_kinds where issuer_id = 1').pluck().get()).toBe(5);
    const copies = ten.sqlite.prepare('select record_type, number, code, legacy, docx from issued_copies order by id').all();
    expect(copies).toEqual([
      { record_type: 'plan', number: 12, code: '', legacy: 1, docx: null },
      { record_type: 'document', number: 1250, code: 'UBND-NV', legacy: 1, docx: null },
      { record_type: 'document', number: 1250, code: 'UBND-NCPC', legacy: 1, docx: null },
    ].map((c, i) => (i === 0 ? { ...c, code: expect.any(String) } : c)));
    const allocations = ten.sqlite.prepare('select a.year, a.number, a.record_type, d.code from number_allocations a left join documents d on a.record_type = \'document\' and d.id = a.record_id order by a.number').all();
    expect(allocations).toEqual([
      { year: 2025, number: 12, record_type: 'plan', code: null },
      { year: 2025, number: 1250, record_type: 'document', code: 'UBND-NV' },
    ]);
    // the database itself refuses a second record on a number of a series and year
    const series = ten.sqlite.prepare("select series_id from number_series_kinds where issuer_id = 1 and kind = 'cong-van'").pluck().get();
    expect(() => ten.sqlite.prepare("insert into number_allocations values (?, 2025, 1250, 'document', 99, 'x')").run(series)).toThrow(/UNIQUE|PRIMARY KEY/);
  });

  it('gives every issuer of a version 10 database a series for Quyết định, Tờ trình and Giấy mời, losing no row', async () => {
    const file = tempFile();
    const older = openDatabase(file, { migrations: MIGRATIONS.slice(0, 8) });
    await fillEveryTableAtVersion8(older);
    await older.close();
    const ten = openDatabase(file, { migrations: MIGRATIONS.slice(0, 10) });
    // a series already named "Tờ trình" (numbering something else) keeps its name and kinds
    ten.sqlite.prepare("update number_series set name = 'Tờ trình' where id = (select series_id from number_series_kinds where issuer_id = 1 and kind = 'thong-bao')").run();
    const tables = (ten.sqlite.prepare("select name from sqlite_master where type='table' and name not like 'sqlite_%'").all() as { name: string }[]).map((t) => t.name);
    const rowsOf = (sqlite: BetterSqlite3.Database, table: string) => sqlite.prepare(`select * from "${table}" order by rowid`).all() as Record<string, unknown>[];
    const before = Object.fromEntries(tables.map((t) => [t, rowsOf(ten.sqlite, t)]));
    await ten.close();

    const eleven = openTracked(file, MIGRATIONS.slice(0, 12));
    expect(eleven.schemaVersion).toBe(12);
    for (const t of tables.filter((t) => !['number_series', 'number_series_kinds'].includes(t))) expect(rowsOf(eleven.sqlite, t), t).toEqual(before[t]);
    for (const t of ['number_series', 'number_series_kinds']) expect(rowsOf(eleven.sqlite, t).slice(0, before[t]!.length), t).toEqual(before[t]);
    const kinds = eleven.sqlite.prepare('select k.kind, s.name from number_series_kinds k join number_series s on s.id = k.series_id where k.issuer_id = 1 order by k.kind').all();
    expect(kinds).toEqual([
      { kind: 'bao-cao', name: 'Báo cáo' }, { kind: 'chi-thi', name: 'Chỉ thị' }, { kind: 'cong-van', name: 'Công văn' }, { kind: 'giay-moi', name: 'Giấy mời' },
      { kind: 'ke-hoach', name: 'Kế hoạch' }, { kind: 'quyet-dinh', name: 'Quyết định' }, { kind: 'thong-bao', name: 'Tờ trình' }, { kind: 'to-trinh', name: 'Tờ trình (2)' },
    ]);
  });

  it('rebuilds documents in 0014 for the new kinds losing no row, column, index or foreign key', async () => {
    const file = tempFile();
    const older = openDatabase(file, { migrations: MIGRATIONS.slice(0, 8) });
    await fillEveryTableAtVersion8(older);
    await older.close();
    const twelve = openDatabase(file, { migrations: MIGRATIONS.slice(0, 13) });
    const documentIds = twelve.sqlite.prepare('select id from documents').pluck().all() as number[];
    for (const id of documentIds) twelve.sqlite.prepare("insert into document_events (document_id, at, action, detail) values (?, 'x', 'sửa', '')").run(id);
    const tables = (twelve.sqlite.prepare("select name from sqlite_master where type='table' and name not like 'sqlite_%' order by name").all() as { name: string }[]).map((t) => t.name);
    const rowsOf = (sqlite: BetterSqlite3.Database, table: string) => sqlite.prepare(`select * from "${table}" order by rowid`).all() as Record<string, unknown>[];
    const shapeOf = (sqlite: BetterSqlite3.Database, table: string) => ({
      columns: sqlite.pragma(`table_xinfo("${table}")`),
      foreignKeys: sqlite.pragma(`foreign_key_list("${table}")`),
      indexes: sqlite.prepare("select name, sql from sqlite_master where type = 'index' and tbl_name = ? order by name").all(table),
    });
    const before = Object.fromEntries(tables.map((t) => [t, { rows: rowsOf(twelve.sqlite, t), shape: shapeOf(twelve.sqlite, t) }]));
    expect(before['documents']!.rows.length).toBeGreaterThan(0);
    expect(before['document_events']!.rows.length).toBeGreaterThan(documentIds.length);
    await twelve.close();

    const thirteen = openTracked(file, MIGRATIONS.slice(0, 14));
    expect(thirteen.schemaVersion).toBe(14);
    const afterTables = (thirteen.sqlite.prepare("select name from sqlite_master where type='table' and name not like 'sqlite_%' order by name").all() as { name: string }[]).map((t) => t.name);
    expect(afterTables).toEqual(tables);
    for (const t of tables.filter((t) => t !== 'issuers')) {
      expect(rowsOf(thirteen.sqlite, t), t).toEqual(before[t]!.rows);
      expect(shapeOf(thirteen.sqlite, t), t).toEqual(before[t]!.shape);
    }
    // issuers only gains the Ô 13 contact columns, empty
    expect(rowsOf(thirteen.sqlite, 'issuers')).toEqual(before['issuers']!.rows.map((r) => ({ ...r, address: '', phone: '', email: '', website: '' })));
    expect(thirteen.sqlite.pragma('foreign_key_check')).toEqual([]);
    // the new kinds are accepted, unknown ones still refused, and a deleted document still takes its events with it
    const add = thirteen.sqlite.prepare("insert into documents (kind, title, draft_year, content_json, search_key, created_at, updated_at) values (?, 't', 2025, '{}', 't', 'x', 'x')");
    for (const kind of ['quyet-dinh', 'to-trinh', 'giay-moi']) expect(() => add.run(kind)).not.toThrow();
    expect(() => add.run('nghi-quyet')).toThrow(/CHECK/);
    thirteen.sqlite.prepare('delete from documents where id = ?').run(documentIds[0]);
    expect(thirteen.sqlite.prepare('select count(*) from document_events where document_id = ?').pluck().get(documentIds[0])).toBe(0);
  });

  it('rolls a failing migration back and leaves the database at the previous version', async () => {
    const file = tempFile();
    const first = openDatabase(file);
    await saveIssuerProfile(first.db, IssuerProfileSchema.parse(VALID_PROFILE));
    await first.close();
    const broken: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'broken',
      up(db) {
        db.exec('CREATE TABLE half_done (x)');
        db.exec('DELETE FROM issuers');
        throw new Error('boom');
      },
    };
    expect(() => openDatabase(file, { migrations: [...MIGRATIONS, broken] })).toThrow(/bước .*broken/);
    const db = openTracked(file);
    expect(db.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(db.sqlite.prepare("select count(*) c from sqlite_master where name='half_done'").get()).toEqual({ c: 0 });
    expect(await getIssuerProfile(db.db)).not.toBeNull();
  });

  it('refuses a database written by a newer version and does not modify it', async () => {
    const file = tempFile();
    const db = openDatabase(file);
    db.sqlite.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    await db.close();
    const hash = sha(file);
    const error = (() => {
      try {
        openDatabase(file);
      } catch (err) {
        return err;
      }
    })();
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as DatabaseOpenError).reason).toBe('NEWER_VERSION');
    expect((error as Error).message).toMatch(/phiên bản NoiVu Desk mới hơn/);
    expect(sha(file)).toBe(hash);
    // the look at it reads a copy: not even an empty -wal or -shm appears beside it
    expect(fs.readdirSync(path.dirname(file))).toEqual(['noivu.sqlite']);
  });

  it('refuses a damaged database with a clear message and writes nothing', async () => {
    const file = tempFile();
    const db = openDatabase(file);
    db.sqlite.exec('CREATE TABLE filler (x TEXT); CREATE INDEX filler_x ON filler(x);');
    const insert = db.sqlite.prepare('INSERT INTO filler VALUES (?)');
    db.sqlite.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(`dòng số ${i} `.repeat(5));
    })();
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const rootPage = (db.sqlite.prepare("select rootpage from sqlite_master where name='filler_x'").get() as { rootpage: number }).rootpage;
    const pageSize = db.sqlite.pragma('page_size', { simple: true }) as number;
    await db.close();
    const bytes = fs.readFileSync(file);
    bytes.fill(0x55, (rootPage - 1) * pageSize + 8, rootPage * pageSize - 8);
    fs.writeFileSync(file, bytes);
    const hash = sha(file);
    expect(() => openDatabase(file)).toThrow(/bị hỏng/);
    expect(sha(file)).toBe(hash);
  });

  it('refuses a file that is not a database', () => {
    const file = tempFile();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'Đây là một tệp văn bản, không phải cơ sở dữ liệu. '.repeat(200));
    expect(() => openDatabase(file)).toThrow(/không phải là tệp dữ liệu NoiVu Desk/);
  });

  it('never lets two openers share a file', () => {
    const file = tempFile();
    openTracked(file);
    expect(() => openDatabase(file)).toThrow(/đang được một cửa sổ NoiVu Desk khác sử dụng/);
  });

  it('takes over a lock left by a process that is gone', () => {
    const file = tempFile();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(`${file}.lock`, '999999999');
    expect(openTracked(file).schemaVersion).toBe(LATEST_SCHEMA_VERSION);
  });

  it('stores the issuer profile and reads it back after reopening', async () => {
    const file = tempFile();
    const db = openDatabase(file);
    expect(await getIssuerProfile(db.db)).toBeNull();
    const profile = IssuerProfileSchema.parse(VALID_PROFILE);
    const first = await saveIssuerProfile(db.db, profile);
    await saveIssuerProfile(db.db, { ...first, place: 'Thái Nguyên' });
    await db.close();
    const again = openTracked(file);
    expect(await getIssuerProfile(again.db)).toEqual({ ...profile, place: 'Thái Nguyên', revision: 2 });
    expect(again.sqlite.prepare('select count(*) c from issuers').get()).toEqual({ c: 1 });
  });
});
