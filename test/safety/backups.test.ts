import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '../../electron/db/connection';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../electron/db/migrations';
import { autoBackup, backupNow, listBackups } from '../../electron/services/backups';
import { BackupFileError, inspectBackup, restoreBackup } from '../../electron/services/restore';
import { createDispatcher, type Dispatch } from '../../electron/services/dispatch';
import { toApiError } from '../../electron/services/errors';
import { createHandlers } from '../../electron/services/handlers';
import type { Agency } from '../../shared/agencies';
import type { IssuerProfile } from '../../shared/profile';
import { VALID_PROFILE } from '../fixtures/profile';
import { agency, call, contentHash, fileState, sha, tempDir } from './helpers';

const open: AppDatabase[] = [];
function openTracked(file: string): { database: AppDatabase; dispatch: Dispatch } {
  const database = openDatabase(file);
  open.push(database);
  return { database, dispatch: createDispatcher(createHandlers({ database, version: 'test', transport: 'web' })) };
}
async function closeAll() {
  for (const db of open.splice(0)) await db.close().catch(() => undefined);
}
afterEach(closeAll);

const names = (database: AppDatabase) =>
  (database.sqlite.prepare('select full_name from agencies order by full_name').all() as { full_name: string }[]).map((r) => r.full_name);

/** A database with a profile and a few agencies, written through the real services. */
async function populated(dir: string, agencies = ['Sở Nội vụ tỉnh Bắc Kạn', 'Sở Tư pháp tỉnh Bắc Kạn', 'Ủy ban nhân dân huyện Ba Bể']) {
  const file = path.join(dir, 'data', 'noivu.sqlite');
  const { database, dispatch } = openTracked(file);
  await call<IssuerProfile>(dispatch, 'saveIssuer', VALID_PROFILE);
  for (const name of agencies) await call<Agency>(dispatch, 'saveAgency', { agency: agency(name), confirmDuplicate: true });
  return { file, database, dispatch };
}

async function refusal(fn: () => Promise<unknown>): Promise<BackupFileError> {
  try {
    await fn();
  } catch (err) {
    expect(err).toBeInstanceOf(BackupFileError);
    return err as BackupFileError;
  }
  throw new Error('expected a refusal');
}

describe('backupNow', () => {
  it('writes a verified, standalone copy that holds every row', async () => {
    const dir = tempDir('backup');
    const { database } = await populated(dir);
    const dest = path.join(dir, 'backups', 'noivu-thu-cong.sqlite');
    const info = await backupNow(database, dest);
    expect(info).toMatchObject({ file: dest, schemaVersion: LATEST_SCHEMA_VERSION, bytes: fs.statSync(dest).size });
    expect(Date.parse(info.at)).not.toBeNaN();
    // no temp file, no WAL: one self-contained file that can be copied to a USB stick
    expect(fs.readdirSync(path.dirname(dest))).toEqual(['noivu-thu-cong.sqlite']);
    const copy = new BetterSqlite3(dest, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(contentHash(copy)).toBe(contentHash(database.sqlite));
    copy.close();
    expect(await inspectBackup(dest, database.file)).toMatchObject({ fileName: 'noivu-thu-cong.sqlite', schemaVersion: LATEST_SCHEMA_VERSION, agencies: 3, plans: 0, documents: 0 });
  });

  it('takes a consistent copy while writes are in flight', async () => {
    const dir = tempDir('backup-busy');
    const { database, dispatch } = await populated(dir);
    const writes = Array.from({ length: 40 }, (_, i) => call(dispatch, 'saveAgency', { agency: agency(`Cơ quan đang ghi ${i}`), confirmDuplicate: true }));
    const info = await backupNow(database, path.join(dir, 'backups', 'b.sqlite'));
    await Promise.all(writes);
    const copy = new BetterSqlite3(info.file, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const n = (copy.prepare('select count(*) n from agencies').get() as { n: number }).n;
    expect(n).toBeGreaterThanOrEqual(3);
    expect(n).toBeLessThanOrEqual(43);
    copy.close();
  });

  it('reports a destination it cannot write in Vietnamese and leaves no temp file', async () => {
    const dir = tempDir('backup-fail');
    const { database } = await populated(dir);
    const blocker = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocker, 'x');
    await expect(backupNow(database, path.join(blocker, 'b.sqlite'))).rejects.toThrow(/Không tạo được bản sao lưu .*Hãy kiểm tra ổ đĩa/);
    expect(fs.readdirSync(dir).sort()).toEqual(['data', 'not-a-folder']);
  });
});

describe('autoBackup', () => {
  it('backs up at most once per calendar day and keeps only the newest daily files', async () => {
    const dir = tempDir('auto');
    const { database, dispatch } = await populated(dir);
    const backups = path.join(dir, 'backups');
    fs.mkdirSync(backups, { recursive: true });
    // files that are not daily backups are never deleted
    const foreign = ['noivu-truoc-khi-khoi-phuc-2026-01-01-080000.sqlite', 'ghi-chu.txt', 'noivu-2026-11-01.sqlite.bak', 'noivu-ban-tay.sqlite'];
    for (const f of foreign) fs.writeFileSync(path.join(backups, f), 'giữ nguyên');

    const day = (d: number, h = 9) => new Date(2026, 10, d, h, 30);
    const first = await autoBackup(database, backups, { keep: 3, now: day(20) });
    expect(first?.file).toBe(path.join(backups, 'noivu-2026-11-20.sqlite'));
    await call(dispatch, 'saveAgency', { agency: agency('Sở Y tế tỉnh Bắc Kạn'), confirmDuplicate: true });
    expect(await autoBackup(database, backups, { keep: 3, now: day(20, 17) })).toBeNull();
    // the backup of the 20th is the morning one: the later write is not in it
    const morning = new BetterSqlite3(path.join(backups, 'noivu-2026-11-20.sqlite'), { readonly: true });
    expect((morning.prepare('select count(*) n from agencies').get() as { n: number }).n).toBe(3);
    morning.close();

    for (const d of [21, 22, 24, 25]) expect(await autoBackup(database, backups, { keep: 3, now: day(d) })).not.toBeNull();
    const daily = fs.readdirSync(backups).filter((f) => /^noivu-\d{4}-\d{2}-\d{2}\.sqlite$/.test(f)).sort();
    expect(daily).toEqual(['noivu-2026-11-22.sqlite', 'noivu-2026-11-24.sqlite', 'noivu-2026-11-25.sqlite']);
    for (const f of foreign) expect(fs.readFileSync(path.join(backups, f), 'utf8')).toBe('giữ nguyên');

    // newest first, with size and date
    for (const [i, f] of daily.entries()) fs.utimesSync(path.join(backups, f), day(22 + i), day(22 + i));
    const listed = listBackups(backups);
    expect(listed.filter((b) => b.kind === 'auto').map((b) => b.name)).toEqual(['noivu-2026-11-25.sqlite', 'noivu-2026-11-24.sqlite', 'noivu-2026-11-22.sqlite']);
    expect(listed.map((b) => Date.parse(b.modifiedAt))).toEqual(listed.map((b) => Date.parse(b.modifiedAt)).sort((a, b) => b - a));
    expect(listed.find((b) => b.name === 'noivu-2026-11-25.sqlite')).toMatchObject({ kind: 'auto', bytes: fs.statSync(path.join(backups, 'noivu-2026-11-25.sqlite')).size });
    expect(listed.find((b) => b.name.startsWith('noivu-truoc'))?.kind).toBe('safety');
    expect(listed.some((b) => b.name === 'ghi-chu.txt')).toBe(false);
    expect(listBackups(path.join(dir, 'khong-co'))).toEqual([]);
  });
});

describe('restoreBackup', () => {
  /** A current database (closed, as the caller leaves it) and a good backup of an earlier state. */
  async function scenario() {
    const dir = tempDir('restore');
    const backupDir = path.join(dir, 'backups');
    const { file, database, dispatch } = await populated(dir);
    const good = (await backupNow(database, path.join(backupDir, 'noivu-2026-11-24.sqlite'))).file;
    await call(dispatch, 'saveAgency', { agency: agency('Sở Xây dựng tỉnh Bắc Kạn'), confirmDuplicate: true });
    const current = names(database);
    await closeAll();
    return { dir, backupDir, file, good, current };
  }

  it('refuses files that are not usable backups, says why in Vietnamese, and changes nothing', async () => {
    const { dir, backupDir, file, good } = await scenario();
    const bad = (name: string, bytes: Buffer | string) => {
      const f = path.join(dir, name);
      fs.writeFileSync(f, bytes);
      return f;
    };
    const goodBytes = fs.readFileSync(good);

    // a database of a newer version
    const newer = path.join(dir, 'newer.sqlite');
    fs.copyFileSync(good, newer);
    const n = new BetterSqlite3(newer);
    n.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 3}`);
    n.close();

    // a database whose index pages were overwritten
    const corrupt = path.join(dir, 'corrupt.sqlite');
    fs.copyFileSync(good, corrupt);
    const c = new BetterSqlite3(corrupt);
    c.exec('CREATE TABLE filler (x TEXT); CREATE INDEX filler_x ON filler(x);');
    const insert = c.prepare('INSERT INTO filler VALUES (?)');
    c.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(`dòng số ${i} `.repeat(5));
    })();
    const rootPage = (c.prepare("select rootpage from sqlite_master where name='filler_x'").get() as { rootpage: number }).rootpage;
    const pageSize = c.pragma('page_size', { simple: true }) as number;
    c.close();
    const corruptBytes = fs.readFileSync(corrupt);
    corruptBytes.fill(0x55, (rootPage - 1) * pageSize + 8, rootPage * pageSize - 8);
    fs.writeFileSync(corrupt, corruptBytes);

    // a database of another program
    const foreign = path.join(dir, 'other.sqlite');
    const o = new BetterSqlite3(foreign);
    o.exec('CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES (1)');
    o.close();

    const cases: [string, string, RegExp][] = [
      [bad('ghi-chu.sqlite', 'Đây là một tệp văn bản, không phải bản sao lưu.\n'.repeat(50)), 'NOT_A_DATABASE', /không phải là bản sao lưu NoiVu Desk/],
      [bad('rong.sqlite', ''), 'NOT_A_DATABASE', /rỗng \(0 byte\)/],
      [bad('ngan.sqlite', goodBytes.subarray(0, 60)), 'NOT_A_DATABASE', /không phải là bản sao lưu NoiVu Desk/],
      [bad('cut.sqlite', goodBytes.subarray(0, Math.floor(goodBytes.length / 2))), 'TRUNCATED', /bị thiếu dữ liệu .*chép lại tệp/],
      [newer, 'NEWER_VERSION', /phiên bản NoiVu Desk mới hơn .*Hãy cài phiên bản NoiVu Desk mới hơn/],
      [corrupt, 'CORRUPT', /bị hỏng.*Hãy chọn một bản sao lưu khác/],
      [foreign, 'NOT_NOIVU', /không phải dữ liệu NoiVu Desk/],
      [path.join(dir, 'khong-ton-tai.sqlite'), 'MISSING', /Không tìm thấy tệp/],
    ];
    const before = fileState(file);
    const backupsBefore = fs.readdirSync(backupDir).sort();
    for (const [f, problem, message] of cases) {
      const err = await refusal(() => inspectBackup(f, file));
      expect(err.problem, path.basename(f)).toBe(problem);
      expect(err.message).toMatch(message);
      expect(err.message).toMatch(/Dữ liệu hiện tại không bị thay đổi\.$/);
      expect(toApiError(err)).toEqual({ code: 'VALIDATION', message: err.message });
      await expect(restoreBackup(file, f, { backupDir }), path.basename(f)).rejects.toMatchObject({ problem, code: 'VALIDATION' });
      expect(fileState(file), path.basename(f)).toBe(before);
    }
    expect(fs.readdirSync(backupDir).sort()).toEqual(backupsBefore);
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });

  it('keeps a safety copy of the current data, and the reopened database holds the backup rows', async () => {
    const { backupDir, file, good, current } = await scenario();
    const goodHash = sha(good);
    const { safetyCopy } = await restoreBackup(file, good, { backupDir, now: new Date(2026, 10, 25, 14, 30, 5) });
    expect(safetyCopy).toBe(path.join(backupDir, 'noivu-truoc-khi-khoi-phuc-2026-11-25-143005.sqlite'));
    expect(sha(good)).toBe(goodHash); // the backup itself is untouched
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const safety = new BetterSqlite3(safetyCopy!, { readonly: true });
    expect((safety.prepare('select full_name from agencies order by full_name').all() as { full_name: string }[]).map((r) => r.full_name)).toEqual(current);
    safety.close();

    const { database, dispatch } = openTracked(file);
    expect(names(database)).toEqual(current.filter((n) => n !== 'Sở Xây dựng tỉnh Bắc Kạn'));
    expect((await call<unknown[]>(dispatch, 'listIssuers', {}))[0]).toMatchObject({ issuerAbbr: 'UBND', place: 'Bắc Kạn' });
    expect(database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(database.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');

    // the safety copy can itself be restored: nothing is ever lost by a restore
    await closeAll();
    await restoreBackup(file, safetyCopy!, { backupDir });
    expect(names(openTracked(file).database)).toEqual(current);
    expect(listBackups(backupDir).filter((b) => b.kind === 'safety')).toHaveLength(2);
  });

  it('refuses to replace a database that is still open', async () => {
    const { backupDir, file, good } = await scenario();
    const { database } = openTracked(file);
    const before = contentHash(database.sqlite);
    await expect(restoreBackup(file, good, { backupDir })).rejects.toThrow(/đang được một cửa sổ NoiVu Desk khác sử dụng/);
    expect(contentHash(database.sqlite)).toBe(before);
  });

  it('restores a backup of an older schema, which is migrated on reopen', async () => {
    const { dir, backupDir, file } = await scenario();
    const oldFile = path.join(dir, 'old', 'noivu.sqlite');
    const old = openDatabase(oldFile, { migrations: MIGRATIONS.slice(0, 2) });
    old.sqlite
      .prepare("insert into issuer_profile (id, issuer_name, issuer_abbr, place, signer_title, signer_name, updated_at) values (1, 'ỦY BAN NHÂN DÂN', 'UBND', 'Cao Bằng', 'CHỦ TỊCH', 'A', 'x')")
      .run();
    old.sqlite
      .prepare("insert into agencies (full_name, short_name, tier, search_key, created_at, updated_at) values ('Sở Nội vụ tỉnh Cao Bằng', 'Sở Nội vụ', 'so-ban-nganh', 'so noi vu', 'x', 'x')")
      .run();
    const oldBackup = (await backupNow(old, path.join(dir, 'old', 'noivu-2024-01-01.sqlite'))).file;
    await old.close();
    expect(await inspectBackup(oldBackup, file)).toMatchObject({ schemaVersion: 2, agencies: 1, plans: 0 });

    await restoreBackup(file, oldBackup, { backupDir });
    const { database, dispatch } = openTracked(file);
    expect(database.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(names(database)).toEqual(['Sở Nội vụ tỉnh Cao Bằng']);
    expect((await call<unknown[]>(dispatch, 'listIssuers', {}))[0]).toMatchObject({ place: 'Cao Bằng' });
    expect((await call<unknown[]>(dispatch, 'listIndices', {})).length).toBeGreaterThan(0); // migration 3 ran
  });
});
