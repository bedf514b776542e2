import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import { DatabaseOpenError } from '../../electron/db/errors';
import { MIGRATIONS, type Migration } from '../../electron/db/migrations';
import { createDispatcher } from '../../electron/services/dispatch';
import type { Handlers } from '../../electron/services/handlers';
import { REQUEST_NAMES } from '../../shared/api';
import { useTestBackend } from '../fixtures/backend';
import { VALID_PROFILE } from '../fixtures/profile';

/** Nothing technical may reach the user: no SQLite or system error code, no English driver text. */
const RAW = /SQLITE|E[A-Z]{3,}\b|database|disk|readonly|permission|lỗi không mong muốn/;

const { backend } = useTestBackend('write-errors');
const agencyCount = () => (backend.database.sqlite.prepare('select count(*) n from agencies').get() as { n: number }).n;

describe('write errors during requests (real SQLite, real dispatcher)', () => {
  it('a full disk: names the cause and keeps what was there', async () => {
    const pages = backend.database.sqlite.pragma('page_count', { simple: true }) as number;
    backend.database.sqlite.pragma(`max_page_count = ${pages}`);
    const result = await backend.dispatch('loadSampleAgencies', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'DATABASE' } });
    if (result.ok) return;
    expect(result.error.message).toMatch(/^Không ghi được dữ liệu: ổ đĩa đã đầy/);
    expect(result.error.message).not.toMatch(RAW);
    expect(agencyCount()).toBe(0);
  });

  it('a read-only data file: names the cause', async () => {
    backend.database.sqlite.pragma('query_only = ON');
    const result = await backend.dispatch('saveIssuer', VALID_PROFILE);
    expect(result).toMatchObject({ ok: false, error: { code: 'DATABASE' } });
    if (result.ok) return;
    expect(result.error.message).toMatch(/thư mục dữ liệu hoặc tệp dữ liệu chỉ cho phép đọc/);
    expect(result.error.message).not.toMatch(RAW);
  });
});

describe('write errors from any layer', () => {
  const failing = (err: Error) => {
    const handlers = Object.fromEntries(REQUEST_NAMES.map((n) => [n, async () => Promise.reject(err)])) as unknown as Handlers;
    return createDispatcher(handlers);
  };
  it.each([
    ['ENOSPC', 'ENOSPC: no space left on device, write', /ổ đĩa đã đầy/],
    ['SQLITE_FULL', 'database or disk is full', /ổ đĩa đã đầy/],
    ['EACCES', 'EACCES: permission denied, open', /chỉ cho phép đọc/],
    ['EPERM', 'EPERM: operation not permitted', /chỉ cho phép đọc/],
    ['EROFS', 'EROFS: read-only file system', /chỉ cho phép đọc/],
    ['SQLITE_READONLY_DBMOVED', 'attempt to write a readonly database', /chỉ cho phép đọc/],
    ['SQLITE_CANTOPEN', 'unable to open database file', /Không mở được tệp dữ liệu để ghi/],
    ['SQLITE_IOERR_WRITE', 'disk I/O error', /lỗi đọc\/ghi ổ đĩa/],
    ['SQLITE_IOERR_FSYNC', 'disk I/O error', /lỗi đọc\/ghi ổ đĩa/],
    ['SQLITE_BUSY', 'database is locked', /đang bận/],
    ['SQLITE_LOCKED_SHAREDCACHE', 'database table is locked', /đang bận/],
    ['ENOTDIR', 'ENOTDIR: not a directory', /đường dẫn thư mục dữ liệu không hợp lệ/],
    ['EBUSY', 'EBUSY: resource busy or locked', /chương trình khác giữ/],
    ['SQLITE_CORRUPT', 'database disk image is malformed', /tệp dữ liệu bị hỏng/],
  ])('%s becomes a Vietnamese DATABASE error naming the cause', async (code, english, cause) => {
    const result = await failing(Object.assign(new Error(english), { code }))('getAppInfo', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'DATABASE' } });
    if (result.ok) return;
    expect(result.error.message).toMatch(cause);
    expect(result.error.message).not.toMatch(RAW);
  });
});

describe('write errors at start', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });
  const temp = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'noivu-unwritable-'));
    dirs.push(d);
    return d;
  };

  it('a data folder that cannot be created: a clear refusal naming the folder', () => {
    const parent = path.join(temp(), 'not-a-folder');
    fs.writeFileSync(parent, 'một tệp thường');
    const file = path.join(parent, 'data', 'noivu.sqlite');
    const error = (() => {
      try {
        openDatabase(file);
      } catch (err) {
        return err;
      }
    })();
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as DatabaseOpenError).reason).toBe('UNWRITABLE');
    expect((error as Error).message).toMatch(/đường dẫn thư mục dữ liệu không hợp lệ/);
    expect((error as Error).message).toContain(path.join(parent, 'data'));
  });

  it('a disk that fills up during an upgrade: the cause, not the driver text, and the previous version kept', async () => {
    const file = path.join(temp(), 'noivu.sqlite');
    await openDatabase(file).close();
    const filler: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'filler',
      up(db) {
        db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
        db.exec("CREATE TABLE filler (x TEXT); INSERT INTO filler SELECT hex(randomblob(2000)) FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500) SELECT i FROM n);");
      },
    };
    expect(() => openDatabase(file, { migrations: [...MIGRATIONS, filler] })).toThrow(/^Không ghi được dữ liệu: ổ đĩa đã đầy/);
    const again = openDatabase(file);
    expect(again.schemaVersion).toBe(MIGRATIONS.length);
    await again.close();
  });
});
