import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBackend, type Backend } from '../../electron/services/backend';
import { VALID_PROFILE } from '../fixtures/profile';

let backend: Backend | undefined;
afterEach(async () => {
  await backend?.close();
});

async function call<T>(name: string, input: unknown): Promise<T> {
  const r = await backend!.dispatch(name, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.data as T;
}

describe('backups through the running backend', () => {
  it('backs up automatically at start, makes a manual copy, restores it and keeps a safety copy', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'noivu-backend-'));
    backend = startBackend({ userDataDir: dir, version: 'test', transport: 'web' });
    await expect.poll(async () => (await call<{ backups: { kind: string }[] }>('getBackups', {})).backups.map((b) => b.kind)).toEqual(['auto']);
    const saved = await call<{ revision: number }>('saveIssuerProfile', VALID_PROFILE);
    const { file } = await call<{ file: { fileName: string; base64: string } }>('makeBackup', {});
    expect(file.fileName).toMatch(/^noivu-sao-luu-\d{4}-\d{2}-\d{2}\.sqlite$/);

    await call('saveIssuerProfile', { ...VALID_PROFILE, revision: saved.revision, place: 'Thái Nguyên' });
    const result = await call<{ restored: boolean; safetyCopy: string }>('restoreFromBackup', { file });
    expect(result.restored).toBe(true);
    expect(fs.existsSync(result.safetyCopy)).toBe(true);
    // requests now reach the restored database
    expect(await call<{ place: string }>('getIssuerProfile', {})).toMatchObject({ place: 'Bắc Kạn' });

    // a file that is not a backup is refused and the data stays as it is
    const refused = await backend.dispatch('restoreFromBackup', { file: { fileName: 'x.sqlite', base64: Buffer.from('không phải sao lưu').toString('base64') } });
    expect(refused.ok).toBe(false);
    expect(await call<{ place: string }>('getIssuerProfile', {})).toMatchObject({ place: 'Bắc Kạn' });
  });
});
