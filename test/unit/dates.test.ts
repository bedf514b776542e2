import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { backupDay } from '../../electron/services/backups';
import { checkVnDate, formatVnDate, localDayOf, localIsoDate, parseVnDate, todayIso } from '../../shared/dates';

// Node reads TZ when it changes, so every Date below is seen from Việt Nam (UTC+7).
beforeAll(() => {
  process.env.TZ = 'Asia/Ho_Chi_Minh';
});
afterEach(() => {
  vi.useRealTimers();
});

describe('today is the local day', () => {
  it('gives the local date at 06:30 in Hà Nội, when the UTC date is still yesterday', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-02T06:30:00+07:00'));
    expect(new Date().toISOString().slice(0, 10)).toBe('2026-12-01');
    expect(todayIso()).toBe('2026-12-02');
    expect(backupDay(new Date())).toBe('2026-12-02');
  });

  it('turns over at local midnight, not at 07:00', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-31T23:59:59+07:00'));
    expect(todayIso()).toBe('2026-12-31');
    vi.setSystemTime(new Date('2027-01-01T00:00:01+07:00'));
    expect(todayIso()).toBe('2027-01-01');
    expect(localIsoDate(new Date(2024, 1, 29, 6, 30))).toBe('2024-02-29');
  });
});

describe('the day of a stored moment is its local day', () => {
  it('reads a UTC timestamp of 06:30 in Hà Nội as that day, and keeps plain dates', () => {
    expect(localDayOf('2026-12-01T23:30:00.000Z')).toBe('2026-12-02');
    expect(localDayOf('2026-12-02T16:59:59.000Z')).toBe('2026-12-02');
    expect(localDayOf('2026-12-02T17:00:00.000Z')).toBe('2026-12-03');
    expect(localDayOf('2024-03-05')).toBe('2024-03-05');
    expect(localDayOf('không phải ngày')).toBe('');
  });
});

describe('dates typed as dd/mm/yyyy', () => {
  it('reads real dates in the usual spellings', () => {
    expect(parseVnDate('05/03/2024')).toBe('2024-03-05');
    expect(parseVnDate('5/3/2024')).toBe('2024-03-05');
    expect(parseVnDate('05-03-2024')).toBe('2024-03-05');
    expect(parseVnDate('29/02/2024')).toBe('2024-02-29');
    expect(formatVnDate('2024-03-05')).toBe('05/03/2024');
  });

  it('refuses days that do not exist instead of rolling them over', () => {
    expect(parseVnDate('31/02/2022')).toBeNull();
    expect(parseVnDate('29/02/2023')).toBeNull();
    expect(parseVnDate('00/01/2022')).toBeNull();
    expect(parseVnDate('12/13/2022')).toBeNull();
  });

  it('names what was typed in the error and treats an empty field as no date', () => {
    expect(checkVnDate(' 31/02/2022 ')).toEqual({ error: 'Ngày không hợp lệ: 31/02/2022' });
    expect(checkVnDate('hôm qua')).toEqual({ error: 'Ngày không hợp lệ: hôm qua' });
    expect(checkVnDate('28/02/2022')).toEqual({ iso: '2022-02-28' });
    expect(checkVnDate('   ')).toEqual({ iso: null });
  });
});
