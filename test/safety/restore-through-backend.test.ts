import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../electron/db/migrations';
import { autoBackup } from '../../electron/services/backups';
import { startBackend, type Backend } from '../../electron/services/backend';
import type { DesktopPort } from '../../electron/services/files';
import { getBackupKeep } from '../../electron/services/maintenance';
import type { RequestOutput } from '../../shared/api';
import { VALID_PROFILE } from '../fixtures/profile';
import { agency } from './helpers';

/** This file's own system temp folder, so "nothing of ours is left in it" can be checked exactly. */
const realTmp = process.env.TMPDIR;
let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'noivu-tmpdir-'));
  process.env.TMPDIR = tmp;
  expect(os.tmpdir()).toBe(tmp);
});
afterAll(() => {
  process.env.TMPDIR = realTmp;
  if (realTmp === undefined) delete process.env.TMPDIR;
  fs.rmSync(tmp, { recursive: true, force: true });
});

const running: Backend[] = [];
afterEach(async () => {
  for (const b of running.splice(0)) await b.close().catch(() => undefined);
});
function start(dir: string, desktop?: DesktopPort): Backend {
  const backend = startBackend({ userDataDir: dir, version: 'test', transport: desktop ? 'electron' : 'web', desktop });
  running.push(backend);
  return backend;
}
async function call<T>(backend: Backend, name: string, input: unknown): Promise<T> {
  const r = await backend.dispatch(name, input);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.data as T;
}
const newDir = () => fs.mkdtempSync(path.join(tmp, 'app-'));
const upload = (fileName: string, file: string) => ({ fileName, base64: fs.readFileSync(file).toString('base64') });
const ours = () => fs.readdirSync(tmp).filter((n) => n.startsWith('noivu-'));
const tmpBeside = (dir: string) => ['data', 'backups'].flatMap((d) => (fs.existsSync(path.join(dir, d)) ? fs.readdirSync(path.join(dir, d)).filter((f) => f.includes('.tmp')) : []));
const planCount = async (backend: Backend) => (await call<unknown[]>(backend, 'listPlans', {})).length;

/** A running app with a profile, one agency and one plan; and a genuine downloaded backup of it. */
async function appWithData() {
  const dir = newDir();
  const backend = start(dir);
  await expect.poll(async () => (await call<{ backups: unknown[] }>(backend, 'getBackups', {})).backups.length).toBe(1);
  await call(backend, 'saveIssuer', VALID_PROFILE);
  await call(backend, 'saveAgency', { agency: agency('Sở Nội vụ tỉnh Bắc Kạn'), confirmDuplicate: true });
  await call(backend, 'createBlankPlan', { year: 2026 });
  const { file } = await call<RequestOutput<'makeBackup'>>(backend, 'makeBackup', {});
  const backup = path.join(dir, 'tai-ve.sqlite');
  fs.writeFileSync(backup, Buffer.from(file!.base64, 'base64'));
  return { dir, backend, backup };
}

describe('backups through the running backend', () => {
  it('backs up automatically at start, makes a manual copy, checks it, restores it and keeps a safety copy', async () => {
    const dir = newDir();
    const backend = start(dir);
    await expect.poll(async () => (await call<{ backups: { kind: string }[] }>(backend, 'getBackups', {})).backups.map((b) => b.kind)).toEqual(['auto']);
    const saved = await call<{ id: number; revision: number }>(backend, 'saveIssuer', VALID_PROFILE);
    const { file } = await call<RequestOutput<'makeBackup'>>(backend, 'makeBackup', {});
    expect(file!.fileName).toMatch(/^noivu-sao-luu-\d{4}-\d{2}-\d{2}\.sqlite$/);

    await call(backend, 'saveIssuer', { ...VALID_PROFILE, id: saved.id, revision: saved.revision, place: 'Thái Nguyên' });
    const summary = await call<RequestOutput<'inspectBackup'>>(backend, 'inspectBackup', { file: { ...file!, fileName: 'Bản sao của tôi.sqlite' } });
    expect(summary).toMatchObject({ fileName: 'Bản sao của tôi.sqlite', path: null, schemaVersion: LATEST_SCHEMA_VERSION, agencies: 0, plans: 0 });
    // checking changed nothing
    expect((await call<{ place: string }[]>(backend, 'listIssuers', {}))[0]).toMatchObject({ place: 'Thái Nguyên' });

    const result = await call<{ restored: boolean; safetyCopy: string }>(backend, 'restoreFromBackup', { file });
    expect(result.restored).toBe(true);
    expect(fs.existsSync(result.safetyCopy)).toBe(true);
    // requests now reach the restored database
    expect((await call<{ place: string }[]>(backend, 'listIssuers', {}))[0]).toMatchObject({ place: 'Bắc Kạn' });

    // a file that is not a backup is refused, named as the user named it, and the data stays as it is
    const refused = await backend.dispatch('restoreFromBackup', { file: { fileName: 'x.sqlite', base64: Buffer.from('không phải sao lưu').toString('base64') } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!refused.ok) expect(refused.error.message).toContain('Tệp "x.sqlite"');
    expect((await call<{ place: string }[]>(backend, 'listIssuers', {}))[0]).toMatchObject({ place: 'Bắc Kạn' });
  });

  it('refuses an upload carrying a trigger, naming the uploaded file; the next agency save deletes no plan', async () => {
    const { backend, backup } = await appWithData();
    const db = new BetterSqlite3(backup);
    db.exec('CREATE TRIGGER t AFTER INSERT ON agencies BEGIN DELETE FROM plans; END');
    db.close();
    for (const request of ['inspectBackup', 'restoreFromBackup']) {
      const r = await backend.dispatch(request, { file: upload('Sao lưu tháng 11.sqlite', backup) });
      expect(r.ok, request).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('VALIDATION');
      expect(r.error.message).toContain('Tệp "Sao lưu tháng 11.sqlite" không đúng cấu trúc dữ liệu NoiVu Desk');
      expect(r.error.message).toContain('có đối tượng lạ: trigger "t"');
      expect(r.error.message).not.toContain('backup.sqlite');
    }
    await call(backend, 'saveAgency', { agency: agency('Sở Tư pháp tỉnh Bắc Kạn'), confirmDuplicate: true });
    expect(await planCount(backend)).toBe(1);
  });

  it('refuses a version-8 file relabelled as version 3; the data is unchanged and the app keeps working and starts again', async () => {
    const { dir, backend, backup } = await appWithData();
    const db = new BetterSqlite3(backup);
    db.pragma('user_version = 3');
    db.close();
    const r = await backend.dispatch('restoreFromBackup', { file: upload('doi-nhan.sqlite', backup) });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await planCount(backend)).toBe(1);
    await call(backend, 'saveAgency', { agency: agency('Sở Tài chính tỉnh Bắc Kạn'), confirmDuplicate: true });
    expect((await call<RequestOutput<'getAppInfo'>>(backend, 'getAppInfo', {})).schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    await backend.close();
    running.splice(running.indexOf(backend), 1);
    const again = start(dir);
    expect(await planCount(again)).toBe(1);
    expect((await call<unknown[]>(again, 'listAgencies', { query: '', tier: null, includeInactive: true })).length).toBe(2);
  });

  it('leaves no copy of user data behind after restores, accepted or refused', async () => {
    const { dir, backend, backup } = await appWithData();
    const hostile = path.join(dir, 'hong.sqlite');
    fs.writeFileSync(hostile, fs.readFileSync(backup).subarray(0, 4096));
    await call(backend, 'inspectBackup', { file: upload('tot.sqlite', backup) });
    await call(backend, 'restoreFromBackup', { file: upload('tot.sqlite', backup) });
    expect((await backend.dispatch('inspectBackup', { file: upload('hong.sqlite', hostile) })).ok).toBe(false);
    expect((await backend.dispatch('restoreFromBackup', { file: upload('hong.sqlite', hostile) })).ok).toBe(false);
    expect((await backend.dispatch('restoreFromBackup', { file: { fileName: 'rong.sqlite', base64: '' } })).ok).toBe(false);
    expect(ours()).toEqual([]);
    expect(tmpBeside(dir)).toEqual([]);
  });

  it('sweeps what an earlier run left behind at start, and only that', async () => {
    const dir = newDir();
    const dead = 2_147_000_000; // beyond any pid_max: no such process
    const plant = (file: string, content = 'dữ liệu người dùng') => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
      return file;
    };
    const gone = [
      plant(path.join(tmp, `noivu-restore-${dead}-AbC123`, 'backup.sqlite')),
      plant(path.join(tmp, `noivu-backup-${dead}-xyz789`, 'noivu-sao-luu-2026-11-20.sqlite')),
      plant(path.join(tmp, `noivu-inspect-${dead}-Qw3rty`, 'noivu.sqlite')),
      plant(path.join(tmp, 'noivu-restore-Old123', 'backup.sqlite')),
      plant(path.join(dir, 'data', `.noivu.sqlite.${dead}-0123abcd.tmp`)),
      plant(path.join(dir, 'data', `.noivu.sqlite.${dead}-0123abcd.tmp-journal`)),
      plant(path.join(dir, 'backups', `.noivu-2026-11-20.sqlite.${dead}-deadbeef.tmp`)),
    ];
    const hourAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    fs.utimesSync(path.join(tmp, 'noivu-restore-Old123'), hourAgo, hourAgo);
    const kept = [
      plant(path.join(tmp, `noivu-restore-${process.pid}-Live12`, 'backup.sqlite')), // a restore in progress in a live process
      plant(path.join(tmp, 'noivu-restore-New123', 'backup.sqlite')), // too recent to be a leftover
      plant(path.join(tmp, 'noivu-restore-Mine12', 'ghi-chu.txt')), // not what we ever put there
      plant(path.join(tmp, 'noivu-restore-khac', 'backup.sqlite')),
      plant(path.join(dir, 'data', 'ghi-chu.tmp')),
      plant(path.join(dir, 'backups', 'noivu-2026-11-19.sqlite.tmp')),
      plant(path.join(dir, 'backups', `.noivu-2026-11-20.sqlite.${process.pid}-feedbeef.tmp`)),
    ];
    start(dir);
    for (const f of gone) expect(fs.existsSync(f), f).toBe(false);
    for (const f of [path.join(tmp, `noivu-restore-${dead}-AbC123`), path.join(tmp, 'noivu-restore-Old123')]) expect(fs.existsSync(f)).toBe(false);
    for (const f of kept) expect(fs.readFileSync(f, 'utf8'), f).toBe('dữ liệu người dùng');
    for (const f of kept.filter((k) => path.dirname(path.dirname(k)) === tmp)) fs.rmSync(path.dirname(f), { recursive: true });
  });
});

describe('desktop: the file is picked and checked once, then restored by its path', () => {
  it('restores only a path this session checked', async () => {
    const { backup } = await appWithData();
    const unchecked = `${backup}.khac.sqlite`;
    fs.copyFileSync(backup, unchecked);
    let picked: string | null = backup;
    const desktop: DesktopPort = {
      chooseSavePath: async () => null,
      chooseFolder: async () => null,
      chooseOpenFile: async () => picked,
      openPath: async () => undefined,
    };
    const backend = start(newDir(), desktop);
    const summary = await call<RequestOutput<'inspectBackup'>>(backend, 'inspectBackup', { file: null });
    expect(summary).toMatchObject({ fileName: 'tai-ve.sqlite', path: backup, plans: 1, agencies: 1 });

    const refused = await backend.dispatch('restoreFromBackup', { file: null, path: unchecked });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!refused.ok) expect(refused.error.message).toContain('chưa được kiểm tra');
    // nor, without a checked path, a file picked with no confirmation
    expect(await backend.dispatch('restoreFromBackup', { file: null })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await planCount(backend)).toBe(0);

    expect(await call(backend, 'restoreFromBackup', { file: null, path: backup })).toMatchObject({ restored: true });
    expect(await planCount(backend)).toBe(1);

    picked = null; // cancelled dialog
    expect(await call(backend, 'inspectBackup', { file: null })).toBeNull();
  });
});

describe('settings read back from the database are validated', () => {
  /** A running app, its backups folder holding today's automatic backup and five older daily ones. */
  async function withDailyBackups() {
    const dir = newDir();
    const backend = start(dir);
    const backups = path.join(dir, 'backups');
    await expect.poll(() => (fs.existsSync(backups) ? fs.readdirSync(backups).length : 0)).toBe(1);
    const today = path.join(backups, fs.readdirSync(backups)[0]!);
    for (const day of ['01', '02', '03', '04', '05']) fs.copyFileSync(today, path.join(backups, `noivu-2020-01-${day}.sqlite`));
    const daily = () => fs.readdirSync(backups).filter((f) => /^noivu-\d{4}-\d{2}-\d{2}\.sqlite$/.test(f)).length;
    expect(daily()).toBe(6);
    return { backend, backups, daily };
  }

  it.each([['"mười"'], ['-3'], ['0'], ['1e9'], ['2.5'], ['null'], ['[]'], ['{"n":3}'], ['366']])('backupKeep = %s falls back to 10 and the start-up backup deletes no daily backup', async (value) => {
    const { backend, backups, daily } = await withDailyBackups();
    backend.database.sqlite.prepare("update app_settings set value = ? where key = 'backupKeep'").run(value);
    expect(await getBackupKeep(backend.database.db)).toBe(10);
    expect((await call<{ keep: number }>(backend, 'getBackups', {})).keep).toBe(10);
    // what the backend does at start
    await autoBackup(backend.database, backups, { keep: await getBackupKeep(backend.database.db) });
    expect(daily()).toBe(6);
  });

  it.each([[Number.NaN], [Number.POSITIVE_INFINITY], [-1], [0], [1.5]])('prune refuses to act on keep = %s', async (keep) => {
    const { backend, backups, daily } = await withDailyBackups();
    await autoBackup(backend.database, backups, { keep });
    expect(daily()).toBe(6);
    await autoBackup(backend.database, backups, { keep: 2 });
    expect(daily()).toBe(2);
  });

  it('keeps a valid stored value', async () => {
    const backend = start(newDir());
    await call(backend, 'setBackupKeep', { keep: 3 });
    expect(await getBackupKeep(backend.database.db)).toBe(3);
  });
});
