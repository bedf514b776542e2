import { describe, expect, it } from 'vitest';
import { matchAgency, splitAgencyNames, type AgencyRegistry } from '../../shared/agency-match';
import { parseDeadline } from '../../shared/deadline-parse';
import type { IndexComponent } from '../../shared/indices';
import { formatDeadline, type Deadline } from '../../shared/plans';
import { blankTask, insertByComponent, matchComponent, setCellText, sortByComponent, toTaskInput, unsavableReason, type CellContext, type DraftTask } from '../../shared/task-cells';
import { parseTsv } from '../../shared/tsv';
import { withSavedIds } from '../../renderer/src/plans/tasks/task-history';
import { pasteBlock } from '../../shared/task-paste';
import { guessTaskColumns, resolveNames, rowsToTasks, unmatchedNames } from '../../shared/task-import';

describe('parseTsv (text/plain as Excel puts it on the clipboard)', () => {
  it('reads rows and cells, \\r\\n and the trailing line break', () => {
    expect(parseTsv('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseTsv('a\tb\nc\td')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
  it('reads quoted cells with line breaks, tabs and doubled quotes', () => {
    const text = '1.1\t"Tuyên truyền\r\nvề ""Pháp lệnh"" dân chủ"\tSở Nội vụ\r\n"a\tb"\t""\tx\r\n';
    expect(parseTsv(text)).toEqual([
      ['1.1', 'Tuyên truyền\nvề "Pháp lệnh" dân chủ', 'Sở Nội vụ'],
      ['a\tb', '', 'x'],
    ]);
  });
  it('keeps empty cells and pads short rows; a quote inside a cell is literal', () => {
    expect(parseTsv('\tb\t\r\nc\r\n')).toEqual([
      ['', 'b', ''],
      ['c', '', ''],
    ]);
    expect(parseTsv('5" màn hình\tx')).toEqual([['5" màn hình', 'x']]);
    expect(parseTsv('"chưa đóng\tx')).toEqual([['"chưa đóng', 'x']]);
    expect(parseTsv('')).toEqual([]);
  });
});

describe('parseDeadline', () => {
  const ok = (text: string, year = 2022) => {
    const r = parseDeadline(text, year);
    if (!r.ok) throw new Error(r.message);
    return r.deadline;
  };
  it('reads what people type', () => {
    expect(ok('31/12/2022')).toEqual({ kind: 'ngay', date: '2022-12-31' });
    expect(ok('Trước ngày 5/6/2023')).toEqual({ kind: 'ngay', date: '2023-06-05' });
    expect(ok('Quý II')).toEqual({ kind: 'quy', quarter: 2, year: 2022 });
    expect(ok('quý 4/2023')).toEqual({ kind: 'quy', quarter: 4, year: 2023 });
    expect(ok('Quý III năm 2024')).toEqual({ kind: 'quy', quarter: 3, year: 2024 });
    expect(ok('Tháng 6')).toEqual({ kind: 'thang', month: 6, year: 2022 });
    expect(ok('tháng 6 năm 2023')).toEqual({ kind: 'thang', month: 6, year: 2023 });
    expect(ok('06/2023')).toEqual({ kind: 'thang', month: 6, year: 2023 });
    expect(ok('THƯỜNG XUYÊN')).toEqual({ kind: 'thuong-xuyen' });
    expect(ok('thuong   xuyen')).toEqual({ kind: 'thuong-xuyen' });
    expect(ok('Theo nhiệm kỳ')).toEqual({ kind: 'theo-nhiem-ky' });
    expect(ok('Năm 2023')).toEqual({ kind: 'trong-nam', year: 2023 });
    expect(ok('2023')).toEqual({ kind: 'trong-nam', year: 2023 });
  });
  it('round-trips with formatDeadline', () => {
    const all: Deadline[] = [
      { kind: 'thuong-xuyen' },
      { kind: 'theo-nhiem-ky' },
      { kind: 'quy', quarter: 1, year: 2024 },
      { kind: 'quy', quarter: 4, year: 2030 },
      { kind: 'thang', month: 12, year: 2023 },
      { kind: 'ngay', date: '2024-02-29' },
      { kind: 'trong-nam', year: 2025 },
    ];
    for (const d of all) expect(ok(formatDeadline(d), 2000)).toEqual(d);
  });
  it('refuses what is not a deadline, naming the cause', () => {
    const message = (text: string) => {
      const r = parseDeadline(text, 2022);
      return r.ok ? 'parsed' : r.message;
    };
    expect(message('31/02/2022')).toBe('Thời gian thực hiện: ngày 31/02/2022 không có thật');
    expect(message('Tháng 13')).toBe('Thời gian thực hiện: không có tháng 13');
    expect(message('Quý V')).toMatch(/^Thời gian thực hiện: không hiểu "Quý V"/);
    expect(message('sớm nhất có thể')).toMatch(/^Thời gian thực hiện: không hiểu/);
    expect(message('Năm 1990')).toMatch(/1990/);
    expect(message('  ')).toBe('Thời gian thực hiện: chưa ghi');
  });
});

const registry: AgencyRegistry = {
  agencies: [
    { id: 1, fullName: 'Sở Nội vụ tỉnh Bắc Kạn', shortName: 'Sở Nội vụ', abbreviation: 'SNV', active: true },
    { id: 2, fullName: 'Sở Thông tin và Truyền thông tỉnh Bắc Kạn', shortName: 'Sở Thông tin và Truyền thông', abbreviation: 'STTTT', active: true },
    { id: 3, fullName: 'Sở Tư pháp tỉnh Bắc Kạn', shortName: 'Sở Tư pháp', abbreviation: '', active: true },
    { id: 4, fullName: 'Đài Phát thanh - Truyền hình tỉnh', shortName: 'Đài PT-TH tỉnh', abbreviation: '', active: true },
    { id: 5, fullName: 'Thanh tra tỉnh Bắc Kạn', shortName: 'Thanh tra tỉnh', abbreviation: '', active: true },
    { id: 6, fullName: 'Sở Tài chính (cũ)', shortName: 'Sở Tài chính', abbreviation: '', active: false },
    { id: 7, fullName: 'Ủy ban nhân dân huyện Ba Bể', shortName: 'UBND huyện Ba Bể', abbreviation: '', active: true },
    { id: 8, fullName: 'Ủy ban nhân dân huyện Pác Nặm', shortName: 'UBND huyện Pác Nặm', abbreviation: '', active: true },
  ],
  groups: [
    { id: 11, name: 'Các sở, ban, ngành thuộc tỉnh' },
    { id: 12, name: 'UBND các huyện, thành phố' },
    { id: 13, name: 'UBND các xã, phường, thị trấn' },
  ],
};
const ref = (name: string) => {
  const m = matchAgency(name, registry);
  return m.kind === 'match' ? m.ref : m.kind;
};

describe('matchAgency', () => {
  it('matches official and short names without diacritics or case (đ = d)', () => {
    expect(ref('Sở Nội vụ')).toEqual({ type: 'agency', agencyId: 1 });
    expect(ref('so noi vu tinh bac kan')).toEqual({ type: 'agency', agencyId: 1 });
    expect(ref('  SỞ TƯ PHÁP ')).toEqual({ type: 'agency', agencyId: 3 });
    expect(ref('Dai phat thanh - truyen hinh tinh')).toEqual({ type: 'agency', agencyId: 4 });
    expect(ref('Ủy ban nhân dân huyện Ba Bể')).toEqual({ type: 'agency', agencyId: 7 });
    expect(ref('UBND huyện Ba Bể')).toEqual({ type: 'agency', agencyId: 7 });
  });
  it('matches abbreviations as they are written', () => {
    for (const name of ['Sở TT&TT', 'Sở TTTT', 'STTTT', 'sở tt&tt'.toUpperCase()]) expect(ref(name)).toEqual({ type: 'agency', agencyId: 2 });
    expect(ref('SNV')).toEqual({ type: 'agency', agencyId: 1 });
    // lower-case words are names, not initials: "trung tâm tin" is not Thanh tra tỉnh (TTT)
    expect(ref('Trung tâm tin')).toBe('none');
  });
  it('matches groups by what their name means', () => {
    expect(ref('UBND cấp huyện')).toEqual({ type: 'group', groupId: 12 });
    expect(ref('Ủy ban nhân dân các huyện, thành phố')).toEqual({ type: 'group', groupId: 12 });
    expect(ref('Các sở, ban, ngành')).toEqual({ type: 'group', groupId: 11 });
    expect(ref('UBND cấp xã')).toEqual({ type: 'group', groupId: 13 });
  });
  it('leaves unknown, retired and ambiguous names for review', () => {
    expect(ref('Sở Tài chính')).toBe('none');
    expect(ref('Ban Dân vận Tỉnh ủy')).toBe('none');
    const twin = { ...registry, agencies: [...registry.agencies, { id: 9, fullName: 'Sở Nội vụ (cơ sở 2)', shortName: 'Sở Nội vụ', abbreviation: '', active: true }] };
    const m = matchAgency('so noi vu', twin);
    expect(m.kind).toBe('ambiguous');
    expect(m.kind === 'ambiguous' && m.candidates.map((c) => c.ref)).toEqual([
      { type: 'agency', agencyId: 1 },
      { type: 'agency', agencyId: 9 },
    ]);
  });
  it('splits a cell of several names, keeping commas inside group names', () => {
    expect(splitAgencyNames('Các sở, ban, ngành; UBND cấp huyện', registry)).toEqual(['Các sở, ban, ngành', 'UBND cấp huyện']);
    expect(splitAgencyNames('Sở Tư pháp, Các sở, ban, ngành, Sở TT&TT\nBan Dân vận', registry)).toEqual(['Sở Tư pháp', 'Các sở, ban, ngành', 'Sở TT&TT', 'Ban Dân vận']);
  });
});

const component = (id: number, code: string, name: string, parentId: number | null = null): IndexComponent => ({
  id, indexId: 1, parentId, code, name, maxScore: null, weight: null, firstYear: 2018, lastYear: null, confirmed: true, revision: 1,
});
const components = [component(1, '1', 'Tham gia của người dân ở cấp cơ sở'), component(2, '1.1', 'Tri thức công dân', 1), component(3, '1.2', 'Cơ hội tham gia', 1), component(4, '2', 'Công khai, minh bạch'), component(5, '1.10', 'Thử', 1)];
const ctx: CellContext = { components, registry, year: 2022 };

describe('setCellText (one cell typed or pasted)', () => {
  it('parses each column into the task', () => {
    let t: DraftTask = blankTask();
    t = setCellText(t, 'component', '1.1 Tri thức công dân', ctx);
    t = setCellText(t, 'content', 'Dòng một  \r\nDòng hai', ctx);
    t = setCellText(t, 'lead', 'Sở TT&TT', ctx);
    t = setCellText(t, 'coordinators', 'Các sở, ban, ngành; UBND cấp huyện', ctx);
    t = setCellText(t, 'deadline', 'Quý II', ctx);
    expect(toTaskInput(t)).toEqual({
      componentId: 2, componentLabel: '', content: 'Dòng một\nDòng hai', lead: { type: 'agency', agencyId: 2 },
      coordinators: [{ type: 'group', groupId: 11 }, { type: 'group', groupId: 12 }], deadline: { kind: 'quy', quarter: 2, year: 2022 }, expectedOutput: '',
    });
    expect(t.issues).toEqual({});
    expect(matchComponent('Cơ hội tham gia', components)?.id).toBe(3);
  });
  it('keeps what did not parse, with the cause, and never replaces the old value silently', () => {
    const before = setCellText(blankTask(), 'deadline', '31/12/2022', ctx);
    const t = setCellText(before, 'deadline', '31/02/2022', ctx);
    expect(t.deadline).toEqual({ kind: 'ngay', date: '2022-12-31' });
    expect(t.issues?.deadline).toEqual({ level: 'error', text: '31/02/2022', message: 'Thời gian thực hiện: ngày 31/02/2022 không có thật' });
    expect(unsavableReason([{ ...t, content: 'x' }])).toBe('Chưa lưu: nhiệm vụ 1 — Thời gian thực hiện: ngày 31/02/2022 không có thật. Sửa ô đó hoặc hoàn tác.');
    // fixing the cell clears the issue
    expect(setCellText(t, 'deadline', 'Tháng 6', ctx).issues).toEqual({});

    const lead = setCellText(blankTask(), 'lead', 'Ban Dân vận Tỉnh ủy', ctx);
    expect(lead.lead).toEqual({ type: 'text', text: 'Ban Dân vận Tỉnh ủy' });
    expect(lead.issues?.lead).toMatchObject({ level: 'review', message: 'Cơ quan chủ trì: "Ban Dân vận Tỉnh ủy" không có trong danh mục — sẽ in nguyên văn' });
    const co = setCellText(blankTask(), 'coordinators', 'Sở Nội vụ; Hội Nông dân', ctx);
    expect(co.coordinators).toEqual([{ type: 'agency', agencyId: 1 }, { type: 'text', text: 'Hội Nông dân' }]);
    expect(co.issues?.coordinators?.level).toBe('review');
    const comp = setCellText(blankTask(), 'component', '9.9 Không có', ctx);
    expect([comp.componentId, comp.componentLabel, comp.issues?.component?.level]).toEqual([null, '9.9 Không có', 'review']);
  });
  it('refuses to save a task without content, naming it', () => {
    expect(unsavableReason([{ ...blankTask(), content: 'a' }, blankTask()])).toBe('Chưa lưu: nhiệm vụ 2 — Nhiệm vụ, giải pháp: chưa ghi nội dung.');
    expect(unsavableReason([{ ...blankTask(), content: 'a' }])).toBe('');
  });
});

describe('component order', () => {
  const task = (componentId: number | null, content: string, componentLabel = '') => ({ ...blankTask(), componentId, componentLabel, content });
  it('sorts by the index structure, entry order within a component, free tasks last', () => {
    const tasks = [task(null, 'a'), task(4, 'b'), task(5, 'c'), task(2, 'd'), task(1, 'e'), task(2, 'f'), task(null, 'g', '1.2 ghi tay')];
    expect(sortByComponent(tasks, components).map((t) => t.content)).toEqual(['e', 'd', 'f', 'g', 'c', 'b', 'a']);
  });
  it('places new tasks where the index puts them', () => {
    const existing = [task(1, 'e'), task(2, 'd'), task(4, 'b'), task(null, 'a')];
    expect(insertByComponent(existing, [task(3, 'x'), task(2, 'y'), task(null, 'z')], components).map((t) => t.content)).toEqual(['e', 'd', 'y', 'x', 'b', 'a', 'z']);
  });
});

describe('pasteBlock (a block from Excel at a cell)', () => {
  let key = 0;
  const make = (): DraftTask & { key: number } => ({ ...blankTask(), key: ++key });
  it('overwrites from the cell, adds rows in component order, flags what did not parse and keeps it', () => {
    const existing: (DraftTask & { key: number })[] = [{ ...blankTask(), key: 100, componentId: 1, content: 'Có sẵn', deadline: { kind: 'trong-nam', year: 2022 } as const }];
    const block = parseTsv('Sửa nội dung\tSở Nội vụ\r\n"Hai\r\ndòng"\tSở TT&TT\tUBND cấp huyện\t31/02/2022\tx\tthừa\r\n');
    // from the content column (1) of row 0
    const r = pasteBlock(existing, 0, 1, block, ctx, make);
    expect(r.added).toBe(1);
    expect(r.flagged).toBe(1);
    expect(r.droppedColumns).toBe(1);
    expect(r.tasks.map((t) => [t.content, t.lead])).toEqual([
      ['Sửa nội dung', { type: 'agency', agencyId: 1 }],
      ['Hai\ndòng', { type: 'agency', agencyId: 2 }],
    ]);
    expect(r.tasks[0]!.deadline).toEqual({ kind: 'trong-nam', year: 2022 });
    expect(r.tasks[1]!.issues?.deadline?.text).toBe('31/02/2022');
    expect(r.tasks[1]!.expectedOutput).toBe('x');
  });
  it('puts new rows where their component belongs', () => {
    const existing: (DraftTask & { key: number })[] = [{ ...blankTask(), key: 200, componentId: 4, content: 'Thành phần 2' }];
    const r = pasteBlock(existing, 1, 0, parseTsv('1.2\tB\r\n1.1\tA\r\n'), ctx, make);
    expect(r.tasks.map((t) => t.content)).toEqual(['A', 'B', 'Thành phần 2']);
  });
});

describe('task import (mapping and review)', () => {
  it('guesses columns from headers without diacritics', () => {
    expect(guessTaskColumns(['TT', 'Chỉ số thành phần', 'Nhiệm vụ, giải pháp', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện', 'Kết quả dự kiến'])).toEqual({
      mapping: { component: 1, content: 2, lead: 3, coordinators: 4, deadline: 5, expectedOutput: 6 },
      headerRow: true,
    });
    expect(guessTaskColumns(['NOI DUNG CONG VIEC', 'don vi chu tri', 'THOI HAN'])).toEqual({
      mapping: { component: null, content: 0, lead: 1, coordinators: null, deadline: 2, expectedOutput: null },
      headerRow: true,
    });
    expect(guessTaskColumns(['Tuyên truyền', 'Sở Nội vụ']).headerRow).toBe(false);
  });
  it('turns rows into tasks, lists unmatched names once, and applies the reviewer picks', () => {
    const mapping = { component: 0, content: 1, lead: 2, coordinators: 3, deadline: 4, expectedOutput: null };
    const rows = [
      ['1.1', 'Tuyên truyền', 'Sở Nội vụ', 'Hội Nông dân; UBND cấp huyện', 'Quý II'],
      ['', '', '', '', ''],
      ['2', 'Công khai', 'Ban Dân vận', 'Hội Nông dân', '31/02/2022'],
    ];
    const tasks = rowsToTasks(rows, mapping, ctx);
    expect(tasks.length).toBe(2);
    expect(unmatchedNames(tasks)).toEqual(['Hội Nông dân', 'Ban Dân vận']);
    expect(tasks[1]!.issues?.deadline?.level).toBe('error');
    const resolved = resolveNames(tasks, new Map([['Ban Dân vận', { type: 'agency', agencyId: 3 } as const]]));
    expect(resolved[1]!.lead).toEqual({ type: 'agency', agencyId: 3 });
    expect(resolved[1]!.issues?.lead).toBeUndefined();
    // "Hội Nông dân" left for later: still free text, still marked
    expect(resolved[0]!.coordinators).toEqual([{ type: 'text', text: 'Hội Nông dân' }, { type: 'group', groupId: 12 }]);
    expect(resolved[0]!.issues?.coordinators?.level).toBe('review');
  });
});

describe('undo keeps the ids saves gave meanwhile', () => {
  it('puts the saved id back on a restored task, and leaves deleted and already-saved ones alone', () => {
    const before = [{ key: 1, content: 'a' }, { key: 2, content: 'b' }, { key: 3, id: 7, content: 'c' }];
    const now = [{ key: 1, id: 41, content: 'a' }, { key: 3, id: 7, content: 'c' }];
    expect(withSavedIds(before, now)).toEqual([{ key: 1, id: 41, content: 'a' }, { key: 2, content: 'b' }, { key: 3, id: 7, content: 'c' }]);
  });
});
