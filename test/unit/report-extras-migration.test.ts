import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import { MIGRATIONS } from '../../electron/db/migrations';
import { fillEveryTableAtVersion8 } from '../fixtures/every-table';

const tables = (sqlite: BetterSqlite3.Database) =>
  (sqlite.prepare("select name from sqlite_master where type='table' and name not like 'sqlite_%' order by name").all() as { name: string }[]).map((t) => t.name);
const rowsOf = (sqlite: BetterSqlite3.Database, table: string) => sqlite.prepare(`select * from "${table}" order by rowid`).all();

describe('migration 11 (nhiệm vụ bổ sung of report submissions)', () => {
  it('upgrades a version 10 database with a row in every table: every row kept, one new empty table', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'noivu-m11-')), 'noivu.sqlite');
    const eight = openDatabase(file, { migrations: MIGRATIONS.slice(0, 8) });
    await fillEveryTableAtVersion8(eight);
    await eight.close();
    const ten = openDatabase(file, { migrations: MIGRATIONS.slice(0, 10) });
    const before = Object.fromEntries(tables(ten.sqlite).map((t) => [t, rowsOf(ten.sqlite, t)]));
    expect(before.report_entries).toHaveLength(1);
    await ten.close();

    const eleven = openDatabase(file, { migrations: MIGRATIONS.slice(0, 11) });
    expect(eleven.schemaVersion).toBe(11);
    expect(tables(eleven.sqlite)).toEqual([...Object.keys(before), 'report_extra_tasks'].sort());
    for (const t of Object.keys(before)) expect(rowsOf(eleven.sqlite, t), t).toEqual(before[t]);
    expect(rowsOf(eleven.sqlite, 'report_extra_tasks')).toEqual([]);
    // the new rows go with their submission
    const submission = eleven.sqlite.prepare('select id from report_submissions').pluck().get() as number;
    eleven.sqlite.prepare("insert into report_extra_tasks (submission_id, position, content, status) values (?, 0, 'Tập huấn', 'hoan-thanh-dung-han')").run(submission);
    expect(() => eleven.sqlite.prepare("insert into report_extra_tasks (submission_id, position, content, status) values (9999, 0, 'x', 'y')").run()).toThrow(/FOREIGN KEY/);
    await eleven.close();
  });
});
