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
import { createDraft } from '../../electron/services/drafts';
import { getIssuerProfile, saveIssuerProfile } from '../../electron/services/issuer-profile';
import { createBlankPlan } from '../../electron/services/plans';
import { saveRound } from '../../electron/services/report-rounds';
import { loadSampleAgencies } from '../../electron/services/sample-agencies';
import { saveSignerProfile } from '../../electron/services/signer-profiles';
import { saveSnippet } from '../../electron/services/snippets';
import { IssuerProfileSchema } from '../../shared/profile';
import { VALID_PROFILE } from '../fixtures/profile';

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
      expect((db.sqlite.prepare(`select count(*) c from "${table}"`).get() as { c: number }).c, table).toBeGreaterThanOrEqual(count);
    }
    expect(await getIssuerProfile(db.db)).toMatchObject({ issuerAbbr: 'UBND', place: 'Bắc Kạn' });
  });

  it('upgrades step by step, each version from the one before, without losing rows', async () => {
    for (let target = 1; target < MIGRATIONS.length; target++) {
      const file = tempFile();
      const older = openDatabase(file, { migrations: MIGRATIONS.slice(0, target) });
      // columns of the first schema, which every later one keeps
      older.sqlite
        .prepare("insert into issuer_profile (id, issuer_name, issuer_abbr, place, signer_title, signer_name, updated_at) values (1, 'ỦY BAN NHÂN DÂN', 'UBND', 'Bắc Kạn', 'CHỦ TỊCH', 'A', 'x')")
        .run();
      const tables = older.sqlite.prepare("select name from sqlite_master where type='table'").all() as { name: string }[];
      const counts = tables.map((t) => (older.sqlite.prepare(`select count(*) c from "${t.name}"`).get() as { c: number }).c);
      await older.close();
      const newer = openTracked(file);
      tables.forEach((t, i) => expect((newer.sqlite.prepare(`select count(*) c from "${t.name}"`).get() as { c: number }).c).toBeGreaterThanOrEqual(counts[i]!));
    }
  });

  it('upgrades a version 8 database with a row in every table to revisions: every row kept, each at revision 1', async () => {
    const file = tempFile();
    const older = openDatabase(file, { migrations: MIGRATIONS.slice(0, 8) });
    const { db } = older;
    // The services' create paths write only columns version 8 has.
    await saveIssuerProfile(db, IssuerProfileSchema.parse(VALID_PROFILE));
    await loadSampleAgencies(db);
    const plan = await createBlankPlan(db, 2025);
    const agencyId = (await db.selectFrom('agencies').select('id').executeTakeFirstOrThrow()).id;
    const groupId = (await db.selectFrom('agency_groups').select('id').executeTakeFirstOrThrow()).id;
    await db.insertInto('plan_tasks').values({ plan_id: plan.id, position: 0, component_id: null, component_label: '', content: 'Rà soát', lead_agency_id: agencyId, lead_group_id: null, lead_text: '', deadline_json: '{"kind":"thuong-xuyen"}', expected_output: '' }).execute();
    const taskId = (await db.selectFrom('plan_tasks').select('id').executeTakeFirstOrThrow()).id;
    await db.insertInto('plan_task_coordinators').values({ task_id: taskId, position: 0, agency_id: null, group_id: groupId, text: '' }).execute();
    await createDraft(db, 'cong-van', 2025);
    await saveSnippet(db, { title: 'Đoạn riêng', text: 'Nội dung.' });
    await saveSignerProfile(db, { label: 'Phó Chủ tịch', signer: VALID_PROFILE.signer });
    const round = await saveRound(db, { planId: plan.id, kind: 'nam', name: 'Năm 2025', periodFrom: '2024-12-15', periodTo: '2025-12-14', dueDate: '2025-12-12' });
    const index = await db.selectFrom('index_components').select(['id', 'index_id']).executeTakeFirstOrThrow();
    await db.insertInto('index_year_results').values({ index_id: index.index_id, year: 2024, score: 40, rank: 3, rank_of: 63, band: '', updated_at: 'x' }).execute();
    await db.insertInto('index_component_results').values({ component_id: index.id, year: 2024, score: 1, rank: null, band: '' }).execute();
    await db.insertInto('report_submissions').values({ round_id: round.id, agency_id: agencyId, received_at: '2025-12-01', on_time: 1, source: 'tay' }).execute();
    const submissionId = (await db.selectFrom('report_submissions').select('id').executeTakeFirstOrThrow()).id;
    await db.insertInto('report_entries').values({ submission_id: submissionId, task_id: taskId, role: 'chu-tri', status: 'hoan-thanh-dung-han', result: 'Xong', evidence: '', difficulties: '', proposals: '' }).execute();
    await db.insertInto('plan_events').values({ plan_id: plan.id, at: 'x', action: 'thử', detail: '' }).execute();
    await db.insertInto('document_events').values({ document_id: (await db.selectFrom('documents').select('id').executeTakeFirstOrThrow()).id, at: 'x', action: 'thử', detail: '' }).execute();

    const tables = (older.sqlite.prepare("select name from sqlite_master where type='table' and name not like 'sqlite_%'").all() as { name: string }[]).map((t) => t.name);
    const rowsOf = (sqlite: BetterSqlite3.Database, table: string) => sqlite.prepare(`select * from "${table}" order by rowid`).all() as Record<string, unknown>[];
    const before = Object.fromEntries(tables.map((t) => [t, rowsOf(older.sqlite, t)]));
    for (const t of tables) expect(before[t]!.length, `${t} has a row before the upgrade`).toBeGreaterThan(0);
    await older.close();

    const newer = openTracked(file);
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
    expect((await getIssuerProfile(newer.db))?.revision).toBe(1);
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
        db.exec('DELETE FROM issuer_profile');
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
    expect(again.sqlite.prepare('select count(*) c from issuer_profile').get()).toEqual({ c: 1 });
  });
});
