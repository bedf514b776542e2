import { describe, expect, it, vi, type Mock } from 'vitest';
import { REQUEST_NAMES, contract, type RequestName } from '../../shared/api';
import { IssuerProfileSchema } from '../../shared/profile';
import { VALID_PROFILE } from '../fixtures/profile';
import { createDispatcher } from '../../electron/services/dispatch';
import type { Handlers } from '../../electron/services/handlers';


/** Every handler a spy; the ones a test needs answer, the rest fail loudly if reached. */
function spyHandlers() {
  type Spy = Mock<(input: unknown) => Promise<unknown>>;
  const entries = REQUEST_NAMES.map((name): [RequestName, Spy] => [
    name,
    vi.fn(async () => {
      throw new Error(`${name} should not run`);
    }),
  ]);
  const spies = Object.fromEntries(entries) as Record<RequestName, Spy>;
  spies.getAppInfo.mockImplementation(async () => ({ version: '1', databasePath: 'x', schemaVersion: 1, transport: 'web' }));
  spies.listIssuers.mockImplementation(async () => []);
  spies.saveIssuer.mockImplementation(async (p: unknown) => p);
  return spies;
}

const dispatcherFor = (spies: ReturnType<typeof spyHandlers>) => createDispatcher(spies as unknown as Handlers);

describe('the contract', () => {
  it('lists exactly the requests it declares', () => {
    expect([...REQUEST_NAMES].sort()).toEqual(Object.keys(contract).sort());
  });

  it('cleans pasted text before it is stored', () => {
    const parsed = IssuerProfileSchema.parse({
      ...VALID_PROFILE,
      place: '  Ba\u0306\u0301c\u00a0Ka\u0323n\u0000 ',
      signer: { ...VALID_PROFILE.signer, name: 'Pha\u0323m\u200b Duy Hưng' },
    });
    expect(parsed.place).toBe('Bắc Kạn');
    expect(parsed.place).toBe(parsed.place.normalize('NFC'));
    expect(parsed.signer.name).toBe('Phạm Duy Hưng');
  });

  it.each([
    [{ issuerName: '' }, 'issuerName', 'Tên cơ quan ban hành: không được để trống'],
    [{ issuerAbbr: 'Ủy ban' }, 'issuerAbbr', 'Chữ viết tắt cơ quan ban hành: chỉ gồm chữ cái không dấu'],
    [{ issuerName: 'A\nB\nC\nD' }, 'issuerName', 'tối đa 3 dòng'],
    [{ place: 42 }, 'place', 'Địa danh: phải là văn bản'],
    [{ signer: { ...VALID_PROFILE.signer, authority: ['T/M ỦY BAN NHÂN DÂN'] } }, 'signer.authority.0', 'không viết "T/M"'],
    [{ signer: { ...VALID_PROFILE.signer, authority: ['KT. CHỦ TỊCH', 'TM. ỦY BAN NHÂN DÂN'] } }, 'signer.authority.1', '"TM." phải đứng đầu'],
    [{ signer: { ...VALID_PROFILE.signer, name: 'TS. Nguyễn Văn A' } }, 'signer.name', 'học hàm, học vị'],
    [{ extra: 1 }, '', 'có trường không được phép: extra'],
  ])('rejects %j with a Vietnamese message naming the field', async (patch, path, message) => {
    const handlers = spyHandlers();
    const dispatch = dispatcherFor(handlers);
    const result = await dispatch('saveIssuer', { ...VALID_PROFILE, ...patch });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.fields?.map((f) => f.path)).toContain(path);
    expect(result.error.message).toContain(message);
    expect(handlers.saveIssuer).not.toHaveBeenCalled();
  });

  it('refuses unknown requests and non-object input before any service runs', async () => {
    const handlers = spyHandlers();
    const dispatch = dispatcherFor(handlers);
    const unknown = await dispatch('dropAllTables', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_REQUEST' } });
    const proto = await dispatch('__proto__', {});
    expect(proto).toMatchObject({ ok: false, error: { code: 'UNKNOWN_REQUEST' } });
    const wrongType = await dispatch('saveIssuer', 'not an object');
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(handlers.saveIssuer).not.toHaveBeenCalled();
  });

  it('turns a service failure into a Vietnamese error without leaking internals', async () => {
    const handlers = spyHandlers();
    handlers.listIssuers.mockRejectedValueOnce(Object.assign(new Error('disk I/O error at /secret/path'), { code: 'SQLITE_IOERR' }));
    const result = await dispatcherFor(handlers)('listIssuers', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'DATABASE' } });
    if (!result.ok) expect(result.error.message).not.toContain('/secret/path');
  });
});
