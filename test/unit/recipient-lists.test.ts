import { describe, expect, it } from 'vitest';
import type { RecipientList } from '../../shared/recipients';
import { useTestBackend } from '../fixtures/backend';

const { call } = useTestBackend('recipient-lists');
const lines = [{ type: 'text', text: 'TT Thành ủy', note: 'để b/c' }, { type: 'text', text: 'CT, PCT UBND TP', note: '' }];

describe('a saved Nơi nhận list remembers how it prints', () => {
  it('keeps "Gửi bản điện tử" and the drafter, both off/empty unless asked for', async () => {
    const plain = await call<RecipientList>('saveRecipientList', { name: 'Gửi xã', kind: 'noi-nhan', lines });
    expect(plain).toMatchObject({ electronic: false, drafter: '' });
    await call('saveRecipientList', { id: plain.id, revision: plain.revision, name: 'Gửi xã', kind: 'noi-nhan', lines, electronic: true, drafter: 'Vân' });
    const [stored] = await call<RecipientList[]>('listRecipientLists', {});
    expect(stored).toMatchObject({ name: 'Gửi xã', electronic: true, drafter: 'Vân', labels: ['TT Thành ủy (để b/c)', 'CT, PCT UBND TP'] });
  });

  it('a Kính gửi list prints neither line, whatever is sent', async () => {
    const kg = await call<RecipientList>('saveRecipientList', { name: 'Kính gửi các sở', kind: 'kinh-gui', lines, electronic: true, drafter: 'Vân' });
    expect(kg).toMatchObject({ electronic: false, drafter: '' });
    expect((await call<RecipientList[]>('listRecipientLists', {}))[0]).toMatchObject({ electronic: false, drafter: '' });
  });

  it('refuses a drafter name that is too long, naming the field, and changes nothing', async () => {
    await expect(call('saveRecipientList', { name: 'Gửi xã', kind: 'noi-nhan', lines, drafter: 'V'.repeat(61) })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await call<RecipientList[]>('listRecipientLists', {})).toEqual([]);
  });
});
