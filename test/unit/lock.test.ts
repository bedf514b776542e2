import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type AppDatabase } from '../../electron/db/connection';
import { HEARTBEAT_MS, STALE_AFTER_MS, acquireLock, processStartTime } from '../../electron/db/lock';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const step of cleanup.splice(0).reverse()) await step();
});

function tempDb(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'noivu-lock-'));
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, 'noivu.sqlite');
}

function opened(file: string): AppDatabase {
  const db = openDatabase(file);
  cleanup.push(() => db.close());
  return db;
}

/** A live process that has nothing to do with NoiVu Desk (as when the system reuses a dead holder's pid). */
function unrelatedProcess(): ChildProcess {
  const child = spawn('sleep', ['120'], { stdio: 'ignore' });
  cleanup.push(() => child.kill('SIGKILL'));
  return child;
}

function writeLock(file: string, owner: object, ageMs = 0): void {
  fs.writeFileSync(`${file}.lock`, JSON.stringify(owner));
  const at = new Date(Date.now() - ageMs);
  fs.utimesSync(`${file}.lock`, at, at);
}

const LOCKED = /đang được một cửa sổ NoiVu Desk khác sử dụng/;

describe('the database lock', () => {
  it('refuses a second live process, and is taken over once that process is killed', async () => {
    const file = tempDb();
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('test/fixtures/hold-database.ts'), file], { stdio: ['pipe', 'pipe', 'pipe'] });
    cleanup.push(() => child.kill('SIGKILL'));
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => d.toString().includes('held') && resolve());
      child.once('exit', (code) => reject(new Error(`holder exited (${code}): ${err}`)));
    });
    expect(() => openDatabase(file)).toThrow(LOCKED);
    expect(() => openDatabase(file)).toThrow(new RegExp(`tiến trình ${child.pid}`));

    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await gone;
    expect(fs.existsSync(`${file}.lock`)).toBe(true); // a crash leaves its lock behind
    expect(opened(file).schemaVersion).toBeGreaterThan(0);
  });

  it('writes the holder pid, start time and a nonce, with no temporary file left beside it', () => {
    const file = tempDb();
    opened(file);
    const owner = JSON.parse(fs.readFileSync(`${file}.lock`, 'utf8'));
    expect(owner).toMatchObject({ pid: process.pid, host: os.hostname(), started: processStartTime(process.pid) });
    expect(owner.nonce).toMatch(/^[0-9a-f]{16}$/);
    expect(fs.readdirSync(path.dirname(file)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('opens when the lock names a live, unrelated process that reuses the pid (start time differs)', () => {
    const file = tempDb();
    const other = unrelatedProcess();
    expect(processStartTime(other.pid!)).not.toBeNull();
    writeLock(file, { pid: other.pid, host: os.hostname(), started: '1', nonce: 'aaaaaaaaaaaaaaaa' });
    expect(opened(file).schemaVersion).toBeGreaterThan(0);
    expect(JSON.parse(fs.readFileSync(`${file}.lock`, 'utf8')).pid).toBe(process.pid);
  });

  it('respects a lock whose live holder matches and keeps its heartbeat', () => {
    const file = tempDb();
    const other = unrelatedProcess();
    writeLock(file, { pid: other.pid, host: os.hostname(), started: processStartTime(other.pid!), nonce: 'bbbbbbbbbbbbbbbb' });
    expect(() => openDatabase(file)).toThrow(LOCKED);
  });

  it('opens when the holder stopped its heartbeat, whatever the pid', () => {
    const file = tempDb();
    const other = unrelatedProcess();
    // start time unknown (a lock written on another system) or even matching: only the heartbeat is left to judge
    writeLock(file, { pid: other.pid, host: os.hostname(), started: processStartTime(other.pid!), nonce: 'cccccccccccccccc' }, STALE_AFTER_MS + 60_000);
    expect(opened(file).schemaVersion).toBeGreaterThan(0);
  });

  it('judges a fresh lock without start time by its heartbeat alone', () => {
    const file = tempDb();
    const other = unrelatedProcess();
    writeLock(file, { pid: other.pid, host: os.hostname(), started: null, nonce: 'dddddddddddddddd' });
    expect(() => openDatabase(file)).toThrow(LOCKED);
  });

  it.each([
    ['empty (a crash while it was written)', ''],
    ['garbage', '\u0000\u0001{"pid":'],
    ['naming a pid that is not a number', '{"pid":"1","host":"x","nonce":"y"}'],
  ])('treats a lock file that is %s as stale', (_what, content) => {
    const file = tempDb();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(`${file}.lock`, content);
    expect(opened(file).schemaVersion).toBeGreaterThan(0);
  });

  it('refreshes the lock file while held, and removes only its own lock on release', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const file = tempDb();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const release = acquireLock(file);
    const old = new Date(Date.now() - 3_600_000);
    fs.utimesSync(`${file}.lock`, old, old);
    vi.advanceTimersByTime(HEARTBEAT_MS);
    expect(Date.now() - fs.statSync(`${file}.lock`).mtimeMs).toBeLessThan(STALE_AFTER_MS);

    // someone else's lock (ours was judged stale and taken over) survives our release
    writeLock(file, { pid: process.pid, host: os.hostname(), started: null, nonce: 'eeeeeeeeeeeeeeee' });
    release();
    expect(fs.existsSync(`${file}.lock`)).toBe(true);
  });
});
