import { describe, expect, it } from 'vitest';
import { addDays, localIsoDate } from '../../shared/dates';
import { countOnTime, deadlineEnd, onTimeCategory, roundAsOf } from '../../shared/on-time';
import { summariseByAgency } from '../../shared/report-narrative';
import { planReference, roundSubject } from '../../shared/report-wording';
import type { RoundAnswer } from '../../shared/reports';

describe('on-time categories (shared/on-time.ts)', () => {
  it('finds the last day each kind of deadline allows', () => {
    expect(deadlineEnd({ kind: 'ngay', date: '2025-06-15' })).toBe('2025-06-15');
    expect(deadlineEnd({ kind: 'thang', month: 2, year: 2024 })).toBe('2024-02-29');
    expect(deadlineEnd({ kind: 'quy', quarter: 2, year: 2025 })).toBe('2025-06-30');
    expect(deadlineEnd({ kind: 'trong-nam', year: 2025 })).toBe('2025-12-31');
    expect(deadlineEnd({ kind: 'thuong-xuyen' })).toBeNull();
    expect(deadlineEnd({ kind: 'theo-nhiem-ky' })).toBeNull();
  });

  it('keeps what was reported for completed tasks, and judges unfinished ones by the deadline', () => {
    const june = { kind: 'ngay', date: '2025-06-15' } as const;
    expect(onTimeCategory({ deadline: june, status: 'hoan-thanh-dung-han' }, '2025-12-31')).toBe('dung-han');
    expect(onTimeCategory({ deadline: june, status: 'hoan-thanh-qua-han' }, '2025-01-01')).toBe('tre-han');
    // the agency says "within the deadline" but the deadline has passed
    expect(onTimeCategory({ deadline: june, status: 'dang-thuc-hien-trong-han' }, '2025-06-16')).toBe('qua-han');
    expect(onTimeCategory({ deadline: june, status: 'dang-thuc-hien-trong-han' }, '2025-06-15')).toBe('trong-han');
    expect(onTimeCategory({ deadline: june, status: null }, '2025-07-01')).toBe('qua-han');
    expect(onTimeCategory({ deadline: june, status: 'khong-thuc-hien' }, '2025-03-01')).toBe('trong-han');
    // no dated deadline: overdue only when reported so
    expect(onTimeCategory({ deadline: { kind: 'thuong-xuyen' }, status: 'qua-han-chua-hoan-thanh' }, '2025-03-01')).toBe('qua-han');
    expect(onTimeCategory({ deadline: { kind: 'thuong-xuyen' }, status: null }, '2099-03-01')).toBe('trong-han');
  });

  it('counts every task in exactly one category, on the day the round stands on', () => {
    const tasks = [
      { deadline: { kind: 'quy', quarter: 1, year: 2025 } as const, status: 'hoan-thanh-dung-han' as const },
      { deadline: { kind: 'quy', quarter: 1, year: 2025 } as const, status: null },
      { deadline: { kind: 'quy', quarter: 4, year: 2025 } as const, status: 'dang-thuc-hien-trong-han' as const },
      { deadline: { kind: 'quy', quarter: 4, year: 2025 } as const, status: 'hoan-thanh-qua-han' as const },
    ];
    expect(countOnTime(tasks, '2025-06-30')).toEqual({ 'dung-han': 1, 'tre-han': 1, 'trong-han': 1, 'qua-han': 1 });
    expect(roundAsOf('2025-12-14', '2025-06-30')).toBe('2025-06-30');
    expect(roundAsOf('2025-12-14', '2026-01-10')).toBe('2025-12-14');
  });
});

describe('dates in local time', () => {
  it('gives the local calendar day, not the UTC one (before 07:00 in Việt Nam UTC is still yesterday)', () => {
    const saved = process.env.TZ;
    process.env.TZ = 'Asia/Ho_Chi_Minh';
    try {
      const earlyMorning = new Date('2026-12-02T18:30:00.000Z'); // 01:30 on 03/12 in Hà Nội
      expect(earlyMorning.toISOString().slice(0, 10)).toBe('2026-12-02');
      expect(localIsoDate(earlyMorning)).toBe('2026-12-03');
    } finally {
      process.env.TZ = saved;
    }
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
  });
});

describe('report wording (shared/report-wording.ts)', () => {
  it('never repeats the year of the title in the round', () => {
    expect(roundSubject('Kế hoạch cải cách hành chính năm 2025', 'Năm 2025')).toBe('kết quả thực hiện kế hoạch cải cách hành chính năm 2025');
    expect(roundSubject('Kế hoạch cải cách hành chính năm 2025', '6 tháng đầu năm 2025')).toBe('kết quả thực hiện kế hoạch cải cách hành chính năm 2025 (6 tháng đầu năm)');
    expect(roundSubject('Kế hoạch cải cách hành chính', 'Năm 2025')).toBe('kết quả thực hiện kế hoạch cải cách hành chính (năm 2025)');
    expect(roundSubject('Kế hoạch nâng cao Chỉ số PAPI năm 2025', 'Quý I năm 2025')).not.toMatch(/2025.*2025/);
    expect(roundSubject('Kế hoạch cải cách hành chính năm 2024', '6 tháng 2024')).toBe('kết quả thực hiện kế hoạch cải cách hành chính năm 2024 (6 tháng)');
    expect(roundSubject('Kế hoạch cải cách hành chính năm 2024', 'Năm 2025')).toBe('kết quả thực hiện kế hoạch cải cách hành chính năm 2024 (năm 2025)');
  });

  it('cites an issued plan by số, ngày and trích yếu, a draft by its title', () => {
    const issued = { title: 'Kế hoạch cải cách hành chính năm 2025', number: 7, code: 'KH-UBND', issuedDate: '2025-01-15' };
    expect(planReference(issued, 'Ủy ban nhân dân tỉnh Bắc Kạn')).toBe('Kế hoạch số 07/KH-UBND ngày 15/01/2025 của Ủy ban nhân dân tỉnh Bắc Kạn về cải cách hành chính năm 2025');
    expect(planReference({ ...issued, number: null, issuedDate: null }, 'x')).toBe('Kế hoạch cải cách hành chính năm 2025');
  });
});

describe('narrative answers summarised per agency', () => {
  const answer = (agency: string, difficulties: string): RoundAnswer => ({
    agencyId: 1, agency, taskId: 1, taskNo: 1, task: 'x', role: 'chu-tri', status: 'hoan-thanh-dung-han', result: '', evidence: '', difficulties, proposals: '',
  });
  it('lists each agency once, each distinct text once, and leaves out agencies that wrote nothing', () => {
    const list = summariseByAgency([answer('Sở Y tế', 'Thiếu biên chế.'), answer('Sở Tư pháp', 'Thiếu kinh phí'), answer('Sở Y tế', 'Thiếu biên chế\nPhần mềm chậm'), answer('Sở Xây dựng', '')], 'difficulties');
    expect(list).toEqual([
      { agency: 'Sở Tư pháp', text: 'Thiếu kinh phí' },
      { agency: 'Sở Y tế', text: 'Thiếu biên chế; Phần mềm chậm' },
    ]);
  });
});
