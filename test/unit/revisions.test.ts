import { describe, expect, it } from 'vitest';
import type { Agency, AgencyGroup } from '../../shared/agencies';
import type { Draft, SignerProfile } from '../../shared/drafts';
import type { IndexDefinition } from '../../shared/indices';
import { planInput, type Plan } from '../../shared/plans';
import type { IssuerProfile } from '../../shared/profile';
import type { RecipientList } from '../../shared/recipients';
import type { Round } from '../../shared/reports';
import type { Snippet } from '../../shared/snippets';
import { claimRevision } from '../../electron/services/revisions';
import { VALID_PROFILE } from '../fixtures/profile';
import { useTestBackend } from '../fixtures/backend';

const { backend, call } = useTestBackend('revisions');

/** A report round needs a plan with at least one task. */
async function planWithTask(): Promise<Plan> {
  const plan = await call<Plan>('createBlankPlan', { year: 2025 });
  const task = { componentId: null, componentLabel: '', content: 'Rà soát thủ tục hành chính.', lead: null, coordinators: [], deadline: { kind: 'thuong-xuyen' }, expectedOutput: '' };
  return call<Plan>('savePlan', { ...planInput(plan), tasks: [task] });
}

interface Stored {
  id?: number;
  revision: number;
}

/**
 * One editable record type: how to create one, how to save an edit of `based` (the copy a window
 * loaded) giving it `text`, and how to read that text back from the database.
 */
interface RecordCase {
  kind: string;
  create(): Promise<Stored>;
  save(based: Stored, text: string): Promise<Stored>;
  read(created: Stored): Promise<string>;
}

const agencyFields = { abbreviation: '', tier: 'so-ban-nganh', parentId: null, protocolOrder: 100, email: '', phone: '', validFrom: null, validTo: null, replacedById: null } as const;
const signer = VALID_PROFILE.signer;

async function firstIndex(): Promise<IndexDefinition> {
  return (await call<IndexDefinition[]>('listIndices', {}))[0]!;
}

const CASES: RecordCase[] = [
  {
    kind: 'kế hoạch',
    create: () => call<Plan>('createBlankPlan', { year: 2025 }),
    save: (p, title) => call<Plan>('savePlan', { ...planInput(p as Plan), title }),
    read: async (p) => (await call<Plan>('getPlan', { id: p.id })).title,
  },
  {
    kind: 'công văn',
    create: () => call<Draft>('createDraft', { kind: 'cong-van', year: 2025, template: null }),
    save: (d, title) => {
      const draft = d as Draft;
      return call<Draft>('saveDraft', { id: draft.id, revision: draft.revision, title, draftYear: draft.draftYear, content: draft.content });
    },
    read: async (d) => (await call<Draft>('getDraft', { id: d.id })).title,
  },
  {
    kind: 'cơ quan',
    create: () => call<Agency>('saveAgency', { agency: { ...agencyFields, fullName: 'Sở Nội vụ tỉnh Bắc Kạn', shortName: 'Sở Nội vụ' }, confirmDuplicate: false }),
    save: (a, fullName) => call<Agency>('saveAgency', { agency: { ...agencyFields, id: a.id, revision: a.revision, fullName, shortName: 'Sở Nội vụ' }, confirmDuplicate: true }),
    read: async (a) => (await call<Agency[]>('listAgencies', { query: '', tier: null, includeInactive: true })).find((x) => x.id === a.id)!.fullName,
  },
  {
    kind: 'nhóm cơ quan',
    create: () => call<AgencyGroup>('saveAgencyGroup', { name: 'Các sở, ban, ngành', protocolOrder: 1, memberIds: [] }),
    save: (g, name) => call<AgencyGroup>('saveAgencyGroup', { id: g.id, revision: g.revision, name, protocolOrder: 1, memberIds: [] }),
    read: async (g) => (await call<AgencyGroup[]>('listAgencyGroups', {})).find((x) => x.id === g.id)!.name,
  },
  {
    kind: 'danh sách nơi nhận',
    create: () => call<RecipientList>('saveRecipientList', { name: 'Gửi các sở', kind: 'noi-nhan', lines: [] }),
    save: (l, name) => call<RecipientList>('saveRecipientList', { id: l.id, revision: l.revision, name, kind: 'noi-nhan', lines: [] }),
    read: async (l) => (await call<RecipientList[]>('listRecipientLists', {})).find((x) => x.id === l.id)!.name,
  },
  {
    kind: 'đoạn mẫu',
    create: () => call<Snippet>('saveSnippet', { title: 'Đoạn của tôi', text: 'Đẩy mạnh chuyển đổi số.' }),
    save: (s, title) => call<Snippet>('saveSnippet', { id: s.id, revision: s.revision, title, text: 'Đẩy mạnh chuyển đổi số.' }),
    read: async (s) => (await call<Snippet[]>('listSnippets', { query: '' })).find((x) => x.id === s.id)!.title,
  },
  {
    kind: 'người ký',
    create: () => call<SignerProfile>('saveSignerProfile', { label: 'Phó Chủ tịch ký thay', signer }),
    save: (s, label) => call<SignerProfile>('saveSignerProfile', { id: s.id, revision: s.revision, label, signer }),
    read: async (s) => (await call<SignerProfile[]>('listSignerProfiles', {})).find((x) => x.id === s.id)!.label,
  },
  {
    kind: 'cơ quan ban hành',
    create: () => call<IssuerProfile & Stored>('saveIssuer', VALID_PROFILE),
    save: (p, place) => call<IssuerProfile & Stored>('saveIssuer', { ...VALID_PROFILE, id: p.id, revision: p.revision, place }),
    read: async () => (await call<IssuerProfile[]>('listIssuers', {}))[0]!.place,
  },
  {
    kind: 'thành phần chỉ số',
    create: async () => {
      const index = await firstIndex();
      const saved = await call<IndexDefinition[]>('saveIndexComponent', { indexId: index.id, parentId: null, code: '99', name: 'Thành phần thử', maxScore: 10, weight: null, firstYear: 2020, lastYear: null, confirmed: true });
      return saved[0]!.components.find((c) => c.code === '99')!;
    },
    save: async (c, name) => {
      const index = await firstIndex();
      const saved = await call<IndexDefinition[]>('saveIndexComponent', { id: c.id, revision: c.revision, indexId: index.id, parentId: null, code: '99', name, maxScore: 10, weight: null, firstYear: 2020, lastYear: null, confirmed: true });
      return saved[0]!.components.find((x) => x.id === c.id)!;
    },
    read: async (c) => (await firstIndex()).components.find((x) => x.id === c.id)!.name,
  },
  {
    kind: 'kết quả chỉ số một năm',
    create: async () => {
      const index = await firstIndex();
      const results = await call<{ overall: { year: number; revision: number }[] }>('saveIndexYearResults', { indexId: index.id, year: 2024, overall: { score: 40, rank: 3, rankOf: 63, band: 'Ban đầu' }, components: [], revision: null });
      return { revision: results.overall.find((o) => o.year === 2024)!.revision };
    },
    save: async (r, band) => {
      const index = await firstIndex();
      const results = await call<{ overall: { year: number; revision: number }[] }>('saveIndexYearResults', { indexId: index.id, year: 2024, overall: { score: 40, rank: 3, rankOf: 63, band }, components: [], revision: r.revision });
      return { revision: results.overall.find((o) => o.year === 2024)!.revision };
    },
    read: async () => (await call<{ overall: { year: number; band: string }[] }>('getIndexResults', { indexId: (await firstIndex()).id })).overall.find((o) => o.year === 2024)!.band,
  },
  {
    kind: 'kỳ báo cáo',
    create: async () => {
      const plan = await planWithTask();
      return call<Round>('saveRound', { planId: plan.id, kind: 'nam', name: 'Năm 2025', periodFrom: '2024-12-15', periodTo: '2025-12-14', dueDate: '2025-12-12' });
    },
    save: (r, name) => {
      const round = r as Round;
      return call<Round>('saveRound', { id: round.id, revision: round.revision, planId: round.planId, kind: 'nam', name, periodFrom: round.periodFrom, periodTo: round.periodTo, dueDate: round.dueDate });
    },
    read: async (r) => (await call<Round>('getRound', { id: r.id })).name,
  },
  {
    kind: 'nội dung báo cáo',
    create: async () => {
      const plan = await planWithTask();
      return call<Round>('saveRound', { planId: plan.id, kind: 'nam', name: 'Năm 2025', periodFrom: '2024-12-15', periodTo: '2025-12-14', dueDate: '2025-12-12' });
    },
    save: (r, results) => call<Round>('saveReportTexts', { id: r.id, revision: r.revision, texts: { results, shortcomings: '', nextTasks: '', proposals: '' } }),
    read: async (r) => (await call<Round>('getRound', { id: r.id })).texts.results,
  },
];

describe('optimistic concurrency: a save based on an older revision is refused', () => {
  it.each(CASES.map((c) => [c.kind, c] as const))('%s', async (_kind, record) => {
    const loaded = await record.create();
    expect(loaded.revision).toBe(1);
    // window A saves first: the revision moves on
    const saved = await record.save(loaded, 'Bản của cửa sổ A');
    expect(saved.revision).toBe(2);
    // window B still holds revision 1
    await expect(record.save(loaded, 'Bản của cửa sổ B')).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/vừa được thay đổi ở cửa sổ khác \(lúc \d\d:\d\d ngày \d\d\/\d\d\/\d{4}\)\. Những gì bạn đang soạn chưa bị mất/) });
    // an update that names no revision at all is refused too
    await expect(record.save({ ...loaded, revision: null as unknown as number }, 'Bản không rõ gốc')).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await record.read(loaded)).toBe('Bản của cửa sổ A');
    // B, having reloaded, saves on top of A's revision
    const again = await record.save(saved, 'Bản của cửa sổ B, sau khi tải lại');
    expect(again.revision).toBe(3);
    expect(await record.read(loaded)).toBe('Bản của cửa sổ B, sau khi tải lại');
  });
});

it('takes a revision only inside the save\'s transaction, so a refusal later in the save undoes it', async () => {
  const plan = await call<Plan>('createBlankPlan', { year: 2025 });
  await expect(claimRevision(backend.database.db, 'plans', plan.id, plan.revision, 'Kế hoạch')).rejects.toThrow(/outside a transaction/);
  expect((await call<Plan>('getPlan', { id: plan.id })).revision).toBe(plan.revision);
});

describe('plans and drafts', () => {
  const task = (content: string) => ({ componentId: null, componentLabel: '', content, lead: { type: 'text', text: 'Sở Nội vụ' }, coordinators: [], deadline: { kind: 'thuong-xuyen' }, expectedOutput: '' });

  it('keeps the tasks of a plan whose save was refused, and names the plan', async () => {
    const loaded = await call<Plan>('createBlankPlan', { year: 2025 });
    const a = await call<Plan>('savePlan', { ...planInput(loaded), title: 'Kế hoạch của A', tasks: [task('Việc của A')] });
    await expect(call('savePlan', { ...planInput(loaded), title: 'Kế hoạch của B', tasks: [task('Việc của B'), task('Việc thứ hai của B')] })).rejects.toThrow(
      /^Kế hoạch "Kế hoạch của A" vừa được thay đổi ở cửa sổ khác/,
    );
    const stored = await call<Plan>('getPlan', { id: loaded.id });
    expect(stored.tasks.map((t) => t.content)).toEqual(['Việc của A']);
    expect(stored).toMatchObject({ title: 'Kế hoạch của A', revision: a.revision, updatedAt: a.updatedAt });
  });

  it('refuses issue, withdrawal and delete based on an older revision, and moves the revision on when they succeed', async () => {
    await call('saveIssuer', VALID_PROFILE);
    const loaded = await call<Plan>('createBlankPlan', { year: 2025 });
    const edited = await call<Plan>('savePlan', { ...planInput(loaded), title: 'Kế hoạch đã sửa', distribution: { lines: [{ type: 'text', text: 'Các sở, ban, ngành', note: '' }], options: loaded.distribution.options } });
    await expect(call('issueRecord', { recordType: 'plan', id: loaded.id, revision: loaded.revision, number: 3, date: '2025-03-01' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(call('issueRecord', { recordType: 'plan', id: loaded.id, number: 3, date: '2025-03-01' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(call('deletePlan', { id: loaded.id, revision: loaded.revision })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await call<Plan>('getPlan', { id: loaded.id })).status).toBe('draft');
    await call('issueRecord', { recordType: 'plan', id: loaded.id, revision: edited.revision, number: 3, date: '2025-03-01' });
    const issued = await call<Plan>('getPlan', { id: loaded.id });
    expect(issued.revision).toBe(edited.revision + 1);
    // the other window's editor, still on the draft, can no longer withdraw or save over the issued plan
    await expect(call('withdrawRecord', { recordType: 'plan', id: loaded.id, revision: edited.revision, reason: 'Sửa' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await call('withdrawRecord', { recordType: 'plan', id: loaded.id, revision: issued.revision, reason: 'Sửa' });
    expect((await call<Plan>('getPlan', { id: loaded.id })).revision).toBe(issued.revision + 1);

    const draft = await call<Draft>('createDraft', { kind: 'chi-thi', year: 2025, template: null });
    const changed = await call<Draft>('saveDraft', { id: draft.id, revision: draft.revision, title: 'Về việc tăng cường kỷ luật', draftYear: 2025, content: draft.content });
    await expect(call('deleteDraft', { id: draft.id, revision: draft.revision })).rejects.toThrow(/^Chỉ thị "Về việc tăng cường kỷ luật" vừa được thay đổi/);
    await expect(call('issueRecord', { recordType: 'document', id: draft.id, revision: draft.revision, number: 5, date: '2025-03-01' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await call<Draft>('getDraft', { id: draft.id })).toMatchObject({ status: 'draft', revision: changed.revision });
    await call('deleteDraft', { id: draft.id, revision: changed.revision });
    await expect(call('getDraft', { id: draft.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('tells the window whose record was deleted elsewhere that its text is not lost', async () => {
    const draft = await call<Draft>('createDraft', { kind: 'cong-van', year: 2025, template: null });
    await call('deleteDraft', { id: draft.id, revision: draft.revision });
    await expect(call('saveDraft', { id: draft.id, revision: draft.revision, title: 'Bản đang soạn', draftYear: 2025, content: draft.content })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('chưa bị mất'),
    });
  });
});
