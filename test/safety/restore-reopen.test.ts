import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DatabaseOpenError } from '../../electron/db/errors';
import { startBackend, type Backend } from '../../electron/services/backend';
import { VALID_PROFILE } from '../fixtures/profile';
import { tempDir } from './helpers';

/** Lets a test make the next open fail, as if the file put in place by a restore did not open. */
const failNextOpen = vi.hoisted(() => ({ on: false }));
vi.mock('../../electron/db/connection', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../electron/db/connection')>();
  return {
    ...real,
    openDatabase: (...args: Parameters<typeof real.openDatabase>) => {
      if (failNextOpen.on) {
        failNextOpen.on = false;
        throw new DatabaseOpenError('CORRUPT', 'Tệp dữ liệu bị hỏng (giả lập).');
      }
      return real.openDatabase(...args);
    },
  };
});

let backend: Backend | undefined;
let dir: string | undefined;
afterEach(async () => {
  await backend?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('a restore whose result does not open', () => {
  it('says so, and the backend goes to recovery mode instead of answering from a closed database', async () => {
    dir = tempDir('restore-reopen');
    backend = startBackend({ userDataDir: dir, version: 'test', transport: 'web' });
    expect((await backend.dispatch('saveIssuer', VALID_PROFILE)).ok).toBe(true);
    const made = await backend.dispatch('makeBackup', {});
    if (!made.ok) throw new Error(made.error.message);
    const file = (made.data as { file: { fileName: string; base64: string } }).file;

    failNextOpen.on = true;
    const restored = await backend.dispatch('restoreFromBackup', { file });
    expect(restored).toMatchObject({ ok: false, error: { code: 'DATABASE', message: expect.stringMatching(/vẫn chưa mở được: Tệp dữ liệu bị hỏng/) } });
    expect(await backend.dispatch('getStartupState', {})).toMatchObject({ ok: true, data: { state: 'damaged', reason: 'CORRUPT' } });

    // the recovery screen's way out works from there
    expect(await backend.dispatch('recoverFromFile', { file })).toMatchObject({ ok: true, data: { restored: true } });
    expect(await backend.dispatch('listIssuers', {})).toMatchObject({ ok: true, data: [{ place: VALID_PROFILE.place }] });
  });
});
