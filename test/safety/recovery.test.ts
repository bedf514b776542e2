import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { acquireLock } from '../../electron/db/lock';
import { backupFolder, databaseFile, startBackend, type Backend } from '../../electron/services/backend';
import type { DesktopPort } from '../../electron/services/files';
import type { Envelope } from '../../shared/api';
import type { StartupState } from '../../shared/startup';
import { VALID_PROFILE } from '../fixtures/profile';
import { sha, tempDir } from './helpers';

const running: Backend[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const b of running.splice(0)) await b.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function start(userDataDir: string, desktop?: DesktopPort): Backend {
  const backend = startBackend({ userDataDir, version: 'test', transport: desktop ? 'electron' : 'web', ...(desktop ? { desktop } : {}) });
  running.push(backend);
  return backend;
}

async function call<T>(backend: Backend, name: string, input: unknown = {}): Promise<T> {
  const r = await backend.dispatch(name, input);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.data as T;
}

/** A data folder that was used once: an issuer profile saved and that day's automatic backup made. */
async function usedDataDir(): Promise<string> {
  const dir = tempDir('recovery');
  dirs.push(dir);
  const backend = start(dir);
  await call(backend, 'saveIssuer', VALID_PROFILE);
  await expect.poll(async () => (await call<{ backups: { kind: string }[] }>(backend, 'getBackups')).backups.length, { timeout: 20_000 }).toBe(1);
  await backend.close();
  running.splice(running.indexOf(backend), 1);
  return dir;
}

/** The folder as a person or a program would find it: names, sizes, contents and modification times. */
function folderState(folder: string): string[] {
  return fs
    .readdirSync(folder)
    .sort()
    .map((name) => {
      const stat = fs.statSync(path.join(folder, name));
      return `${name} ${stat.size} ${stat.mtimeMs} ${sha(path.join(folder, name))}`;
    });
}

/**
 * The way power cuts damage a WAL database: the main file has a broken index page while the -wal
 * beside it still holds committed pages that were never copied back.
 */
function damageWithWal(file: string): void {
  const db = new BetterSqlite3(file);
  db.exec('CREATE TABLE filler (x TEXT); CREATE INDEX filler_x ON filler(x);');
  const insert = db.prepare('INSERT INTO filler VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run(`dòng số ${i} `.repeat(5));
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  const rootPage = (db.prepare("select rootpage from sqlite_master where name='filler_x'").get() as { rootpage: number }).rootpage;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.prepare("INSERT INTO app_settings (key, value) VALUES ('after-checkpoint', '1')").run();
  // a snapshot taken while the writer is still running: main file plus its -wal
  const main = fs.readFileSync(file);
  const wal = fs.readFileSync(`${file}-wal`);
  db.close();
  expect(wal.length).toBeGreaterThan(0);
  main.fill(0x55, (rootPage - 1) * pageSize + 8, rootPage * pageSize - 8);
  fs.writeFileSync(file, main);
  fs.writeFileSync(`${file}-wal`, wal);
  fs.rmSync(`${file}-shm`, { force: true });
}

const DAMAGES: [string, (file: string) => void, string][] = [
  ['garbage bytes', (file) => fs.writeFileSync(file, Buffer.from('Không phải cơ sở dữ liệu. '.repeat(400))), 'NOT_A_DATABASE'],
  ['a zero-byte file', (file) => fs.writeFileSync(file, ''), 'EMPTY'],
  ['a broken page with a -wal beside it', damageWithWal, 'CORRUPT'],
];

describe('start-up with a damaged data file', () => {
  it.each(DAMAGES)('%s: recovery mode, and nothing is written to or beside the file', async (_what, damage, reason) => {
    const dir = await usedDataDir();
    const file = databaseFile(dir);
    damage(file);
    const before = folderState(path.dirname(file));

    const backend = start(dir);
    expect(backend.problem).not.toBeNull();
    const state = await call<StartupState>(backend, 'getStartupState');
    expect(state).toMatchObject({ state: 'damaged', reason, dataFolder: path.dirname(file) });
    if (state.state !== 'damaged') return;
    expect(state.newestAutoBackup?.name).toMatch(/^noivu-\d{4}-\d{2}-\d{2}\.sqlite$/);
    expect(state.message).toMatch(/khôi phục từ bản sao lưu/);
    expect(state.message).not.toMatch(/SQLITE_|integrity_check|malformed|[Pp]age \d|btree/);

    // every other request says why it cannot run, in Vietnamese
    for (const [name, input] of [['listAgencies', { query: '', tier: null, includeInactive: false }], ['saveIssuer', VALID_PROFILE], ['getAppInfo', {}]] as const) {
      const r = await backend.dispatch(name, input);
      expect(r).toMatchObject({ ok: false, error: { code: 'DATABASE', message: expect.stringMatching(/Tệp dữ liệu bị hỏng nên chưa dùng được/) } });
    }
    await backend.close();
    expect(folderState(path.dirname(file))).toEqual(before);
  });

  it.each(DAMAGES)('%s: the newest automatic backup brings the data back without a restart, the damaged file is kept', async (_what, damage) => {
    const dir = await usedDataDir();
    const file = databaseFile(dir);
    damage(file);
    const damagedBytes = fs.readFileSync(file);
    const backend = start(dir);

    const result = await call<{ backupName: string; safetyCopy: string | null }>(backend, 'recoverFromNewestBackup');
    expect(result.backupName).toMatch(/^noivu-\d{4}-\d{2}-\d{2}\.sqlite$/);
    if (damagedBytes.length > 0) {
      expect(result.safetyCopy).not.toBeNull();
      expect(path.dirname(result.safetyCopy!)).toBe(backupFolder(dir));
      expect(fs.existsSync(result.safetyCopy!)).toBe(true);
    }
    expect(backend.problem).toBeNull();
    expect(await call(backend, 'getStartupState')).toEqual({ state: 'ok' });
    const [restored] = await call<{ id: number; place: string; revision: number }[]>(backend, 'listIssuers', {});
    expect(restored).toMatchObject({ place: VALID_PROFILE.place });
    await call(backend, 'saveIssuer', { ...VALID_PROFILE, id: restored!.id, revision: restored!.revision, place: 'Thái Nguyên' });
    expect((await call<{ place: string }[]>(backend, 'listIssuers', {}))[0]).toMatchObject({ place: 'Thái Nguyên' });
  });

  it('keeps the damaged bytes as they were in the safety copy', async () => {
    const dir = await usedDataDir();
    const file = databaseFile(dir);
    DAMAGES[0]![1](file);
    const hash = sha(file);
    const backend = start(dir);
    const { safetyCopy } = await call<{ safetyCopy: string }>(backend, 'recoverFromNewestBackup');
    expect(sha(safetyCopy)).toBe(hash);
  });

  it('restores from an uploaded file; a file that is not a backup is refused and changes nothing', async () => {
    const dir = await usedDataDir();
    const file = databaseFile(dir);
    const backupBytes = fs.readFileSync(fs.readdirSync(backupFolder(dir)).map((n) => path.join(backupFolder(dir), n))[0]!);
    fs.rmSync(path.join(backupFolder(dir)), { recursive: true });
    DAMAGES[0]![1](file);
    const hash = sha(file);
    const backend = start(dir);
    expect(await call<StartupState>(backend, 'getStartupState')).toMatchObject({ state: 'damaged', newestAutoBackup: null });
    await expect(call(backend, 'recoverFromNewestBackup')).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/Không có bản sao lưu tự động/) });

    const bad = await backend.dispatch('recoverFromFile', { file: { fileName: 'ghi-chu.sqlite', base64: Buffer.from('không phải sao lưu').toString('base64') } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(sha(file)).toBe(hash);
    expect(backend.problem).not.toBeNull();

    const good = await call<{ restored: boolean }>(backend, 'recoverFromFile', { file: { fileName: 'noivu-sao-luu.sqlite', base64: backupBytes.toString('base64') } });
    expect(good.restored).toBe(true);
    expect((await call<{ place: string }[]>(backend, 'listIssuers', {}))[0]).toMatchObject({ place: VALID_PROFILE.place });
  });

  it('desktop: "Khôi phục từ tệp…" asks for the file; cancelling changes nothing; "Thoát" closes the app', async () => {
    const dir = await usedDataDir();
    const file = databaseFile(dir);
    DAMAGES[1]![1](file);
    const quit = vi.fn();
    const desktop: DesktopPort = { chooseSavePath: async () => null, chooseFolder: async () => null, chooseOpenFile: async () => null, openPath: async () => undefined, quit };
    const backend = start(dir, desktop);
    expect(await call(backend, 'recoverFromFile', { file: null })).toEqual({ restored: false, safetyCopy: null });
    expect(fs.statSync(file).size).toBe(0);
    expect(await call(backend, 'quitApp')).toEqual({ ok: true });
    expect(quit).toHaveBeenCalledOnce();
  });
});

describe('start-up that is not damage', () => {
  it('a missing file is a first start: created, nothing to recover', async () => {
    const dir = tempDir('first-start');
    dirs.push(dir);
    const backend = start(dir);
    expect(await call(backend, 'getStartupState')).toEqual({ state: 'ok' });
    expect(fs.statSync(databaseFile(dir)).size).toBeGreaterThan(0);
    const refused = await backend.dispatch('recoverFromNewestBackup', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/không cần khôi phục/) } });
    expect(await backend.dispatch('quitApp', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/đóng thẻ/) } });
  });

  it('an unwritable data folder: the start screen names the cause, requests say it too', async () => {
    const parent = path.join(tempDir('unwritable'), 'tệp-thường');
    dirs.push(path.dirname(parent));
    fs.writeFileSync(parent, 'không phải thư mục');
    const backend = start(parent);
    const state = await call<StartupState>(backend, 'getStartupState');
    expect(state).toMatchObject({ state: 'unavailable', reason: 'UNWRITABLE', message: expect.stringMatching(/^Không ghi được dữ liệu: đường dẫn thư mục dữ liệu không hợp lệ/) });
    const r = (await backend.dispatch('listPlans', {})) as Envelope<unknown>;
    expect(r).toMatchObject({ ok: false, error: { code: 'DATABASE', message: expect.stringMatching(/đường dẫn thư mục dữ liệu không hợp lệ/) } });
    await expect(call(backend, 'recoverFromNewestBackup')).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('a data file held by another window: "Thử lại" opens it once it is free', async () => {
    const dir = await usedDataDir();
    const release = acquireLock(databaseFile(dir));
    const backend = start(dir);
    expect(await call(backend, 'getStartupState')).toMatchObject({ state: 'unavailable', reason: 'LOCKED' });
    expect(await call(backend, 'getStartupState')).toMatchObject({ state: 'unavailable', reason: 'LOCKED' });
    release();
    expect(await call(backend, 'getStartupState')).toEqual({ state: 'ok' });
    expect((await call<{ place: string }[]>(backend, 'listIssuers', {}))[0]).toMatchObject({ place: VALID_PROFILE.place });
  });
});
