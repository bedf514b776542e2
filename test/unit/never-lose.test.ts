import { describe, expect, it } from 'vitest';
import { AgencyGroupInputSchema, AgencyInputSchema } from '../../shared/agencies';
import { maxLengthOf } from '../../shared/fields';
import { IssuerInputSchema } from '../../shared/issuers';
import { lengthStatus } from '../../renderer/src/components/lengthStatus';
import { saveLine } from '../../renderer/src/components/saveState';
import { sameContent } from '../../renderer/src/components/useDirty';

describe('the save state line tells the truth', () => {
  it('says when it was saved, in local hh:mm:ss', () => {
    expect(saveLine({ kind: 'saved', at: '06:30:05' }, false)).toEqual({ text: 'Đã lưu lúc 06:30:05', tone: 'ok' });
  });

  it('shows unsaved changes over an older successful save, and a save under way', () => {
    expect(saveLine({ kind: 'saved', at: '06:30:05' }, true).text).toBe('Có thay đổi chưa lưu');
    expect(saveLine({ kind: 'saving' }, true).text).toBe('Đang lưu…');
  });

  it('keeps saying why the last save failed, even while changes wait, until a save succeeds', () => {
    const failed = { kind: 'failed', reason: 'Dữ liệu chưa hợp lệ:\n- Trích yếu: không được để trống', fields: { title: 'không được để trống' } } as const;
    expect(saveLine(failed, true)).toEqual({ text: 'Chưa lưu: Dữ liệu chưa hợp lệ:', tone: 'error' });
    expect(saveLine(failed, false).tone).toBe('error');
    expect(saveLine({ kind: 'saved', at: '06:31:00' }, false).text).toBe('Đã lưu lúc 06:31:00');
  });

  it('says autosave stopped when another window saved first', () => {
    expect(saveLine({ kind: 'saved', at: '06:30:05' }, true, 'Kế hoạch vừa được lưu ở cửa sổ khác.').text).toBe('Chưa lưu: Kế hoạch vừa được lưu ở cửa sổ khác. — đã dừng tự lưu');
  });
});

describe('length counters', () => {
  it('take the limit from the schema that refuses the save', () => {
    expect(maxLengthOf(AgencyInputSchema, 'fullName')).toBe(300);
    expect(maxLengthOf(AgencyInputSchema, 'abbreviation')).toBe(30);
    expect(maxLengthOf(AgencyGroupInputSchema, 'name')).toBe(200);
    expect(maxLengthOf(IssuerInputSchema, 'label')).toBe(120);
    expect(maxLengthOf(AgencyInputSchema, 'tier')).toBeUndefined();
  });

  it('count what will be stored and keep text over the limit, naming the excess', () => {
    expect(lengthStatus('Sở Nội vụ', 300)).toEqual({ counter: '9/300', over: undefined });
    // "ộ" typed as o + combining marks is one letter once stored (NFC)
    expect(lengthStatus('Nội'.normalize('NFD'), 3).counter).toBe('3/3');
    expect(lengthStatus('x'.repeat(305), 300)).toEqual({ counter: '305/300', over: 'Dài quá 5 ký tự (tối đa 300)' });
  });
});

describe('a dialog knows whether something was changed', () => {
  it('compares content, not identity', () => {
    expect(sameContent({ name: 'A', memberIds: [1, 2] }, { name: 'A', memberIds: [1, 2] })).toBe(true);
    expect(sameContent({ name: 'A', memberIds: [1, 2] }, { name: 'A', memberIds: [2, 1] })).toBe(false);
    expect(sameContent({ name: 'A' }, { name: 'A ' })).toBe(false);
  });
});
