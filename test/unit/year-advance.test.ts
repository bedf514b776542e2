import { describe, expect, it } from 'vitest';
import { planForNextYear, planYears } from '../../shared/plan-next-year';
import type { Plan } from '../../shared/plans';
import { advanceYears, advanceYearsInRuns } from '../../shared/year-advance';

describe('advanceYears', () => {
  it('moves the plan years of a title on by one, once each', () => {
    expect(advanceYears('Kế hoạch nâng cao Chỉ số PAPI năm 2022', [2022, 2023])).toBe('Kế hoạch nâng cao Chỉ số PAPI năm 2023');
    // 2021 → 2022 and 2022 → 2023 in one pass: the new 2022 is not moved again
    expect(advanceYears('Khắc phục những tồn tại, hạn chế Chỉ số PAPI năm 2021, nâng cao Chỉ số năm 2022 và những năm tiếp theo', [2021, 2022])).toBe(
      'Khắc phục những tồn tại, hạn chế Chỉ số PAPI năm 2022, nâng cao Chỉ số năm 2023 và những năm tiếp theo',
    );
    expect(advanceYears('KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024.', [2024])).toBe('KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025.');
    expect(advanceYears('Kế hoạch PAPI 2022', [2022])).toBe('Kế hoạch PAPI 2023');
  });

  it('leaves years that are not the plan’s alone', () => {
    expect(advanceYears('giảm 0,567 điểm so với năm 2020; Luật Tiếp cận thông tin năm 2016', [2021, 2022])).toBe('giảm 0,567 điểm so với năm 2020; Luật Tiếp cận thông tin năm 2016');
    expect(advanceYears('năm 2022', [])).toBe('năm 2022');
    // 10000 would not fit where 9999 was (runs are cut back by length)
    expect(advanceYears('năm 9999', [9999])).toBe('năm 9999');
    // numbers that only contain a year's digits
    expect(advanceYears('mã 120221, 20222 hồ sơ', [2022])).toBe('mã 120221, 20222 hồ sơ');
  });

  it('keeps the years of citations', () => {
    for (const citation of ['Nghị định số 30/2020/NĐ-CP', 'Quyết định số 59/2020/QĐ-TTg', 'Thông tư 01/2020/TT-BNV', 'Luật số 80/2020/QH14']) {
      expect(advanceYears(`Thực hiện ${citation} năm 2020`, [2020])).toBe(`Thực hiện ${citation} năm 2021`);
    }
  });

  it('keeps dates, written in figures or in words', () => {
    const text = 'báo cáo trước ngày 12/12/2022 (hoặc 12-12-2022, 12.12.2022), theo Kế hoạch ngày 05 tháng 3 năm 2022, năm 2022';
    expect(advanceYears(text, [2022])).toBe('báo cáo trước ngày 12/12/2022 (hoặc 12-12-2022, 12.12.2022), theo Kế hoạch ngày 05 tháng 3 năm 2022, năm 2023');
    // the blank date line of a draft
    expect(advanceYears('Bắc Kạn, ngày      tháng    năm 2022', [2022])).toBe('Bắc Kạn, ngày      tháng    năm 2022');
  });

  it('moves the year of a month or a quarter: they are periods of the plan', () => {
    expect(advanceYears('Kết quả tháng 6 năm 2022 và quý I năm 2022', [2022])).toBe('Kết quả tháng 6 năm 2023 và quý I năm 2023');
  });

  it('keeps periods of several years', () => {
    for (const period of ['giai đoạn 2021-2025', 'giai đoạn 2021 – 2025', 'giai đoạn 2021—2025', 'năm học 2022/2023']) {
      expect(advanceYears(`Chương trình ${period}, năm 2022`, [2021, 2022, 2023, 2025])).toBe(`Chương trình ${period}, năm 2023`);
    }
  });

  it('judges a year split across runs on the whole text and keeps each run’s formatting', () => {
    const runs = [{ text: 'Chỉ số PAPI năm ', bold: true }, { text: '2022', italic: true }, { text: ', Nghị định 30/2022/NĐ-CP' }];
    expect(advanceYearsInRuns(runs, [2022])).toEqual([{ text: 'Chỉ số PAPI năm ', bold: true }, { text: '2023', italic: true }, { text: ', Nghị định 30/2022/NĐ-CP' }]);
    const unchanged = advanceYearsInRuns(runs, [2019]);
    expect(unchanged[1]).toBe(runs[1]);
  });
});

describe('planForNextYear', () => {
  const source = {
    id: 7,
    revision: 3,
    title: 'Khắc phục những tồn tại, hạn chế Chỉ số PAPI năm 2021, nâng cao chỉ số năm 2022 và những năm tiếp theo',
    indexId: 1,
    indexYear: 2021,
    draftYear: 2022,
    draftMonth: 3,
    body: [
      { type: 'heading', level: 1, number: 'I', text: 'MỤC ĐÍCH, YÊU CẦU NĂM 2022' },
      { type: 'paragraph', text: 'Theo kết quả công bố Chỉ số PAPI năm 2021, tỉnh đạt 42,153 điểm.' },
      { type: 'heading', level: 2, text: [{ text: 'Kết quả năm ', bold: true }, { text: '2021 theo Nghị định 30/2020/NĐ-CP', bold: true }] },
      { type: 'heading', level: 2, number: '2', text: 'Giai đoạn 2021-2025' },
    ],
    grouping: 'lead',
    appendixTitle: 'Các nhiệm vụ, giải pháp nâng cao Chỉ số PAPI năm 2022',
    distribution: { lines: [], options: { electronic: false, withKinhGui: false, drafter: '' } },
    signer: { authority: [], title: 'CHỦ TỊCH', name: 'A' },
    status: 'issued',
    number: 12,
    issuedDate: '2022-03-05',
    code: 'KH-UBND',
    updatedAt: '2022-03-05T00:00:00Z',
    issuerId: null,
    tasks: [
      { id: 1, componentId: null, componentLabel: '', content: 'Tuyên truyền năm 2022', lead: null, coordinators: [], deadline: { kind: 'ngay', date: '2024-02-29' }, expectedOutput: '' },
      { id: 2, componentId: null, componentLabel: '', content: 'Việc khác', lead: null, coordinators: [], deadline: { kind: 'thuong-xuyen' }, expectedOutput: '' },
      { id: 3, componentId: null, componentLabel: '', content: 'Việc quý', lead: null, coordinators: [], deadline: { kind: 'quy', quarter: 2, year: 2022 }, expectedOutput: '' },
    ],
  } satisfies Plan;

  it('takes the index year, the draft year and the year after as the plan’s years', () => {
    expect(planYears({ indexYear: 2021, draftYear: 2022 })).toEqual([2021, 2022, 2023]);
    expect(planYears({ indexYear: null, draftYear: 2024 })).toEqual([2024, 2025]);
  });

  it('lists every change before → after, and the copy is exactly that', () => {
    const next = planForNextYear(source);
    expect(next.changes).toEqual([
      { place: 'Trích yếu', before: source.title, after: 'Khắc phục những tồn tại, hạn chế Chỉ số PAPI năm 2022, nâng cao chỉ số năm 2023 và những năm tiếp theo' },
      { place: 'Tên phụ lục', before: source.appendixTitle, after: 'Các nhiệm vụ, giải pháp nâng cao Chỉ số PAPI năm 2023' },
      { place: 'Đề mục I', before: 'MỤC ĐÍCH, YÊU CẦU NĂM 2022', after: 'MỤC ĐÍCH, YÊU CẦU NĂM 2023' },
      { place: 'Đề mục ở khối 3', before: 'Kết quả năm 2021 theo Nghị định 30/2020/NĐ-CP', after: 'Kết quả năm 2022 theo Nghị định 30/2020/NĐ-CP' },
      { place: 'Kết quả chỉ số năm', before: '2021', after: '2022' },
      { place: 'Năm ghi trên dự thảo', before: '2022', after: '2023' },
    ]);
    expect(next.fields).toMatchObject({ title: next.changes[0]!.after, appendixTitle: next.changes[1]!.after, indexYear: 2022, draftYear: 2023, draftMonth: null });
    // paragraphs are facts of the past year: not touched; a period heading stays
    expect(next.fields.body[1]).toBe(source.body[1]);
    expect(next.fields.body[3]).toEqual(source.body[3]);
    expect(next.fields.body[2]).toEqual({ type: 'heading', level: 2, text: [{ text: 'Kết quả năm ', bold: true }, { text: '2022 theo Nghị định 30/2020/NĐ-CP', bold: true }] });
    expect(next.fields.tasks.map((t) => t.deadline)).toEqual([{ kind: 'ngay', date: '2025-02-28' }, { kind: 'thuong-xuyen' }, { kind: 'quy', quarter: 2, year: 2023 }]);
    expect(next.fields.tasks.every((t) => !('id' in t))).toBe(true);
    expect(next.fields.tasks[0]!.content).toBe('Tuyên truyền năm 2022');
    expect(next.movedDeadlines).toBe(2);
  });
});
