import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '../../electron/db/connection';
import { createDispatcher, type Dispatch } from '../../electron/services/dispatch';
import { createHandlers } from '../../electron/services/handlers';
import type { ApiError, Envelope } from '../../shared/api';
import type { IndexDefinition } from '../../shared/indices';
import type { Plan } from '../../shared/plans';
import { REQUEST_NAMES, type RequestName } from '../../shared/request-names';
import { VALID_PROFILE } from '../fixtures/profile';
import { agency, call, contentHash, tempDir } from './helpers';

/**
 * Hostile input against the real dispatcher and a real database: whatever arrives, the gate answers
 * with an envelope; errors carry a known code and a Vietnamese message; reads and refused writes
 * change nothing.
 */

const RUNS = Number(process.env.NOIVU_FUZZ_RUNS ?? 1000);
const CODES: ReadonlySet<ApiError['code']> = new Set(['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'DUPLICATE', 'DATABASE', 'UNKNOWN_REQUEST', 'INTERNAL']);
/** Requests that only read, whatever their input. */
const READS: ReadonlySet<RequestName> = new Set([
  'getAppInfo', 'listIssuers', 'listNumberSeries', 'listAgencies', 'listAgencyGroups', 'listRecipientLists', 'previewRecipientBlock', 'exportAgencies',
  'getAgencyTemplate', 'listIndices', 'getIndexResults', 'listPlans', 'getPlan', 'exportRecordDocx', 'exportPlanTasksXlsx', 'readTaskSheet', 'inspectBackup',
  'listRegister', 'exportRegisterXlsx', 'proposeIssueNumber', 'getRecordHistory', 'exportIssuedCopyDocx',
  'getRoundAnswers',
]);
const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ]/i;

let database: AppDatabase;
let dispatch: Dispatch;
/** A valid payload per request, mutated one field at a time. Requests added to the contract later fall back to {}. */
let valid: Partial<Record<RequestName, unknown>>;
let baseline: string | null = null;

beforeAll(async () => {
  database = openDatabase(path.join(tempDir('fuzz'), 'noivu.sqlite'));
  dispatch = createDispatcher(createHandlers({ database, version: 'fuzz', transport: 'web' }));
  const { id: issuerId } = await call<{ id: number }>(dispatch, 'saveIssuer', VALID_PROFILE);
  await call(dispatch, 'loadSampleAgencies', {});
  const agencyId = (await call<{ id: number }[]>(dispatch, 'listAgencies', { query: '', tier: null, includeInactive: true }))[0]!.id;
  const papi = (await call<IndexDefinition[]>(dispatch, 'listIndices', {}))[0]!;
  const plan = await call<Plan>(dispatch, 'createBlankPlan', { year: 2025 });
  const { id: planId, title, indexId, indexYear, draftYear, body, grouping, appendixTitle, distribution, signer } = plan;
  const lines = [{ type: 'agency', agencyId, note: '' }, { type: 'text', text: 'Như trên', note: '' }];
  const options = { electronic: true, withKinhGui: false, drafter: 'Vân' };
  const csv = 'Tên đầy đủ;Tên viết gọn;Loại\nSở Công Thương tỉnh Bắc Kạn;Sở Công Thương;Sở, ban, ngành\n';
  valid = {
    getAppInfo: {},
    listIssuers: {},
    saveIssuer: { ...VALID_PROFILE, label: 'Sở Nội vụ thử', issuerAbbr: 'SNV' },
    deleteIssuer: { id: 999_999 },
    setDefaultIssuer: { id: issuerId },
    listNumberSeries: { issuerId },
    saveNumberSeries: { issuerId, name: 'Sổ công văn thử', kinds: ['cong-van'] },
    deleteNumberSeries: { id: 999_999 },
    listAgencies: { query: 'so noi vu', tier: null, includeInactive: false },
    saveAgency: { agency: agency('Sở Khoa học tỉnh Bắc Kạn', 'Sở Khoa học', { abbreviation: 'SKH' }), confirmDuplicate: false },
    setAgencyActive: { id: agencyId, active: true },
    deleteAgency: { id: 999_999 },
    listAgencyGroups: {},
    saveAgencyGroup: { name: 'Các sở thử', protocolOrder: 5, memberIds: [agencyId] },
    deleteAgencyGroup: { id: 999_999 },
    listRecipientLists: {},
    saveRecipientList: { name: 'Danh sách thử', kind: 'noi-nhan', lines },
    deleteRecipientList: { id: 999_999 },
    previewRecipientBlock: { kind: 'noi-nhan', lines, options },
    importAgencies: { file: { fileName: 'nhap.csv', base64: Buffer.from(csv).toString('base64') }, apply: false },
    exportAgencies: {},
    getAgencyTemplate: {},
    loadSampleAgencies: {},
    listIndices: {},
    saveIndexComponent: { indexId: papi.id, parentId: null, code: '9', name: 'Thành phần thử', maxScore: 10, weight: null, firstYear: 2020, lastYear: null, confirmed: true },
    deleteIndexComponent: { id: 999_999 },
    getIndexResults: { indexId: papi.id },
    saveIndexYearResults: { indexId: papi.id, year: 2022, overall: { score: 40, rank: 10, rankOf: 63, band: '' }, components: [] },
    listPlans: {},
    getPlan: { id: planId },
    createBlankPlan: { year: 2026 },
    savePlan: {
      id: planId,
      revision: plan.revision,
      title,
      indexId,
      indexYear,
      draftYear,
      body,
      grouping,
      appendixTitle,
      distribution: { lines, options },
      signer,
      tasks: [{ componentId: null, componentLabel: '', content: 'Rà soát thủ tục', lead: { type: 'agency', agencyId }, coordinators: [], deadline: { kind: 'quy', quarter: 2, year: 2025 }, expectedOutput: 'Báo cáo' }],
    },
    issueRecord: { recordType: 'plan', id: 999_999, number: 12, date: '2025-03-01', keepNumber: false },
    withdrawRecord: { recordType: 'plan', id: planId, reason: 'Sai tên cơ quan nhận' },
    proposeIssueNumber: { recordType: 'plan', id: planId },
    getRecordHistory: { recordType: 'plan', id: planId },
    exportIssuedCopyDocx: { copyId: 999_999 },
    duplicatePlan: { id: 999_999 },
    deletePlan: { id: 999_999 },
    createPlanFromDeclines: { indexId: papi.id, year: 2022 },
    exportRecordDocx: { recordType: 'plan', id: planId },
    exportPlanTasksXlsx: { id: planId },
    readTaskSheet: { file: { fileName: 'nhiem-vu.csv', base64: Buffer.from('Nhiệm vụ;Chủ trì\nTuyên truyền;Sở Nội vụ\n').toString('base64') } },
    listRegister: { query: '1250/UBND', kind: null, year: 2026, issuerId: null, status: null },
    exportRegisterXlsx: { query: '', kind: 'cong-van', year: null, issuerId: 1, status: 'withdrawn' },
    createDraft: { kind: 'quyet-dinh', year: 2025, template: { template: 'ban-hanh-ke-hoach', planId }, issuerId },
    inspectBackup: { file: (await call<{ file: unknown }>(dispatch, 'makeBackup', {})).file },
    getRoundAnswers: { roundId: 1 },
    createReminderForRound: { roundId: 1, deadline: '2099-12-31' },
    importReportForms: { roundId: 1, files: [{ fileName: 'bao-cao.xlsx', base64: Buffer.from('x').toString('base64') }], apply: true, receivedDate: '2025-12-01', acceptExtras: [{ fileName: 'bao-cao.xlsx', row: 8 }] },
  };
  void distribution;
});
afterAll(() => database?.close());

// ---- hostile values ---------------------------------------------------------------------------

const nastyStrings = [
  "'; DROP TABLE agencies; --",
  "Robert'); DELETE FROM issuer_profile; --",
  '" OR 1=1 --',
  '\u0000',
  'Sở\u0000Nội vụ',
  '\u202EvụNội Sở\u202C',
  '\u200F\u200E\u2066\u2069',
  'So\u031B\u0309 No\u0323i vu\u0323', // decomposed Vietnamese
  '\uD800',
  'a\uDFFFb',
  '\uFEFF\uFFFE\uFFFF',
  '\r\n\t\v\f\u0085\u2028\u2029',
  '${process.exit(1)}',
  '<w:t>x</w:t>]]>',
  '../../etc/passwd',
  'C:\\Windows\\System32',
  '%s%n%x',
  ' ',
  '',
  '2025-02-30',
  '31/12/2025',
  'TM. ỦY BAN NHÂN DÂN',
  '__proto__',
  'constructor',
];
const nastyNumbers = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2, -1, 0, 0.5, 2 ** 31, 999_999];

// Sizes kept modest so 1,000 runs per request stay within minutes; one ~100 KB case remains.
const hugeString = fc.oneof(
  fc.integer({ min: 1_000, max: 20_000 }).map((n) => 'Ấ'.repeat(n)),
  fc.constant('Ấ'.repeat(34_000)),
  fc.integer({ min: 1_000, max: 10_000 }).map((n) => '\u0000\u202E'.repeat(n)),
  fc.integer({ min: 1_000, max: 30_000 }).map((n) => "'; DROP TABLE agencies; --".repeat(Math.ceil(n / 26))),
);
const weirdString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...nastyStrings) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom('a', 'đ', 'Ơ', '\u0301', '\u0000', '\u001F', '\u202E', '\uD83D', ' ', '\n', ';', '"', "'"), maxLength: 30 }) },
  { weight: 1, arbitrary: hugeString },
);
const deep = (depth: number, kind: 'object' | 'array' | 'proto'): unknown => {
  let v: unknown = 'đáy';
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : kind === 'proto' ? JSON.parse(`{"__proto__": ${JSON.stringify({ polluted: true })}, "a": 1}`) : { a: v };
  return v;
};
const leaf: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: weirdString },
  { weight: 3, arbitrary: fc.constantFrom<unknown>(...nastyNumbers, null, undefined, true, false, 0n, [], {}, [[]], { '': '' }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 6 }).map((n) => deep(10 ** (n % 4 === 0 ? 3 : n % 4), n % 3 === 0 ? 'array' : 'object')) },
  { weight: 1, arbitrary: fc.constant(null).map(() => JSON.parse('{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {"x": 1}}}') as unknown) },
  { weight: 2, arbitrary: fc.anything({ maxDepth: 3, maxKeys: 5, withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withSparseArray: true, withTypedArray: true }) },
);

/** Every path inside a value (objects and arrays), the root included. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function mutate(value: unknown, at: (string | number)[], how: 'set' | 'delete' | 'extra', replacement: unknown, extraKey: string): unknown {
  const copy = structuredClone(value);
  if (at.length === 0) return how === 'extra' && copy && typeof copy === 'object' ? Object.assign(copy, { [extraKey]: replacement }) : replacement;
  let parent = copy as Record<string | number, unknown>;
  for (const key of at.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = at[at.length - 1]!;
  if (how === 'delete') delete parent[last];
  else if (how === 'extra' && parent[last] && typeof parent[last] === 'object' && !Array.isArray(parent[last])) Object.defineProperty(parent[last], extraKey, { value: replacement, enumerable: true, configurable: true, writable: true });
  else parent[last] = replacement;
  return copy;
}

function payloads(name: RequestName): fc.Arbitrary<unknown> {
  const base = valid[name] ?? {};
  const all = paths(base);
  const mutated = fc
    .tuple(fc.integer({ min: 0, max: all.length - 1 }), fc.constantFrom<'set' | 'delete' | 'extra'>('set', 'set', 'set', 'delete', 'extra'), leaf, fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', 'id', 'toString'))
    .map(([i, how, replacement, key]) => mutate(base, all[i]!, how, replacement, key));
  const wholesale = fc.oneof(leaf, fc.array(leaf, { maxLength: 4 }), fc.constant([base]), fc.dictionary(weirdString, leaf, { maxKeys: 4 }));
  return fc.oneof({ weight: 3, arbitrary: mutated }, { weight: 2, arbitrary: wholesale });
}

// ---- checks -----------------------------------------------------------------------------------

function checkEnvelope(result: unknown): asserts result is Envelope<unknown> {
  expect(result).toBeTypeOf('object');
  const r = result as Record<string, unknown>;
  if (r.ok === true) {
    expect(Object.hasOwn(r, 'data')).toBe(true);
    return;
  }
  expect(r.ok).toBe(false);
  const error = r.error as ApiError;
  expect(CODES.has(error.code), `unknown code ${String(error.code)}`).toBe(true);
  expect(typeof error.message === 'string' && error.message.trim().length > 0, 'empty message').toBe(true);
  expect(error.message, 'message must be Vietnamese').toMatch(VIETNAMESE);
  expect(error.message, 'no stack trace or English error prefix').not.toMatch(/\bError:|\n\s+at |\bat .+:\d+:\d+|TypeError|RangeError|SqliteError|ZodError/);
  if (error.fields) for (const f of error.fields) expect([typeof f.path, typeof f.label, typeof f.message]).toEqual(['string', 'string', 'string']);
}

const counts = new Map<string, number>();
const englishDetails = new Set<string>();

const totalChanges = () => (database.sqlite.prepare('select total_changes() as n').get() as { n: number }).n;

async function probe(name: RequestName | string, input: unknown): Promise<Envelope<unknown>> {
  // Hashing every table per payload is slow; total_changes() tells cheaply whether any row was written at all.
  const before = (baseline ??= contentHash(database.sqlite));
  const changesBefore = totalChanges();
  let result: unknown;
  try {
    result = await dispatch(name, input);
  } catch (err) {
    throw new Error(`dispatch(${name}) threw instead of answering: ${(err as Error)?.name}: ${String((err as Error)?.message).slice(0, 200)}`);
  }
  checkEnvelope(result);
  const code = result.ok ? 'ok' : result.error.code;
  counts.set(code, (counts.get(code) ?? 0) + 1);
  if (!result.ok && /\b(the|is|at line|found|invalid|expected|unexpected)\b/i.test(result.error.message)) englishDetails.add(result.error.message.slice(0, 160));
  const readOnly = READS.has(name as RequestName) || (name === 'importAgencies' && (input as { apply?: unknown } | null)?.apply !== true);
  if (readOnly || !result.ok) {
    // reads change nothing; neither does a refused request (refusals are all or nothing)
    if (totalChanges() !== changesBefore) expect(contentHash(database.sqlite), `${name} changed the database (${code})`).toBe(before);
  } else {
    baseline = null; // a write that may have succeeded: take a new baseline before the next request
  }
  return result;
}

describe('dispatcher under hostile input', () => {
  it('answers unknown request names with an envelope', async () => {
    for (const name of [undefined, null, 42, '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'getAppInfo\u0000', 'GETAPPINFO', { name: 'getAppInfo' }, 'x'.repeat(100_000)]) {
      const result = await probe(name as string, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_REQUEST' } });
    }
  });

  it('answers a deeply nested plan body (recursive table groups) with an envelope', async () => {
    let groups: unknown = [{ index: '1', title: 'đáy', rows: [['a', 'b']] }];
    for (let i = 0; i < 1_000; i++) groups = [{ index: '1', title: 'Nhóm', groups }];
    const body = [{ type: 'table', columns: [{ header: 'A', width: 1 }, { header: 'B', width: 1 }], groups }];
    const result = await probe('savePlan', { ...(valid.savePlan as object), body });
    expect(result.ok).toBe(false);
  });

  it.each(REQUEST_NAMES.map((n) => [n]))(`%s: ${RUNS} hostile payloads`, async (name) => {
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(payloads(name), async (input) => {
        await probe(name, input);
      }),
      { numRuns: RUNS, seed: Number(process.env.NOIVU_FUZZ_SEED ?? 20261125) ^ name.length, endOnFailure: true },
    );
    // the valid shape itself still works after all that (or is refused for a stated reason)
    await probe(name, valid[name]);
    if (Date.now() - started > 10_000) console.log(`fuzz ${name}: ${Date.now() - started} ms`);
  });

  afterAll(() => {
    console.log(`fuzz summary: ${[...counts].map(([k, v]) => `${k}=${v}`).join(', ')}`);
    if (englishDetails.size) console.log(`messages with English details:\n${[...englishDetails].slice(0, 10).join('\n')}`);
  });
});

// ---- file imports ------------------------------------------------------------------------------

const HEADER = 'Tên đầy đủ;Tên viết gọn;Loại;Thứ tự';
const ENGLISH = /\b(the|is|at line|found|invalid|expected|unexpected|quote|delimiter)\b/i;
const agencyCount = () => (database.sqlite.prepare('select count(*) n from agencies').get() as { n: number }).n;
const file = (fileName: string, bytes: Uint8Array | string) => ({ fileName, base64: Buffer.from(bytes).toString('base64') });

/** importAgencies must answer with rows or a Vietnamese VALIDATION error, and import all or nothing. */
async function importCheck(fileName: string, bytes: Uint8Array | string, apply = true) {
  const before = agencyCount();
  const result = await probe('importAgencies', { file: file(fileName, bytes), apply });
  if (result.ok) {
    const data = result.data as { created: number; rows: { action: string }[]; applied: boolean };
    expect(data.applied).toBe(apply);
    expect(data.rows.some((r) => r.action === 'error') && apply).toBe(false);
    expect(agencyCount()).toBe(before + (apply ? data.created : 0));
  } else {
    expect(result.error.code).toBe('VALIDATION');
    expect(agencyCount()).toBe(before);
  }
  return result;
}

async function sampleXlsx(rows: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Cơ quan');
  sheet.addRow(['Tên đầy đủ', 'Tên viết gọn', 'Loại', 'Thứ tự']);
  for (let i = 0; i < rows; i++) sheet.addRow([`Trung tâm thử ${i} tỉnh Bắc Kạn`, `Trung tâm thử ${i}`, 'Sở, ban, ngành', i]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('file imports under hostile input', () => {
  it('random bytes as .xlsx and .csv', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4000 }), fc.constantFrom('a.xlsx', 'A.XLSX', 'a.csv', 'a.txt', 'a.xlsx.csv', '.csv'), fc.boolean(), async (bytes, name, apply) => {
        await importCheck(name, bytes, apply);
      }),
      { numRuns: RUNS, seed: 7 },
    );
  });

  it('a truncated .xlsx at every cut is refused in Vietnamese and imports nothing', async () => {
    const whole = await sampleXlsx(30);
    expect((await importCheck('co-quan.xlsx', whole, false)).ok).toBe(true); // the whole file is fine
    const cuts = [...Array.from({ length: 40 }, (_, i) => Math.floor((whole.length * i) / 40)), whole.length - 1, whole.length - 22, 4, 30];
    for (const cut of cuts) {
      const result = await importCheck('co-quan.xlsx', whole.subarray(0, cut));
      expect(result.ok, `cut at ${cut} of ${whole.length}`).toBe(false);
    }
  });

  it('CSV with odd delimiters, quotes, NULs and line ends: rows or a Vietnamese refusal, never half an import', async () => {
    const cell = fc.oneof(
      fc.constantFrom('Sở Nội vụ', 'Sở, ban, ngành', '"có ""ngoặc"""', '"chưa đóng', 'a"b', '\u0000', 'x\u0000y', '\uFEFF', '=cmd|" /C calc"!A0', "'; DROP TABLE agencies; --", '\t', '|', '', '1e308', 'NaN'),
      fc.string({ unit: fc.constantFrom('a', 'ơ', '"', ';', ',', '\t', '\n', '\r', '\u0000', ' '), maxLength: 12 }),
    );
    const csv = fc.tuple(
      fc.constantFrom(HEADER, HEADER.replaceAll(';', ','), HEADER.replaceAll(';', '\t'), `\uFEFF${HEADER}`, `"Tên đầy đủ";"Tên viết gọn";"Loại"`, 'Tên đầy đủ;Tên đầy đủ;Loại;Loại', ''),
      fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 8 }),
      fc.constantFrom(';', ',', '\t', '|', ';;'),
      fc.constantFrom('\n', '\r\n', '\r', '\u2028'),
    ).map(([header, rows, sep, eol]) => [header, ...rows.map((r) => r.join(sep))].join(eol));
    const messages = new Set<string>();
    await fc.assert(
      fc.asyncProperty(csv, fc.boolean(), async (text, apply) => {
        const result = await importCheck('nhap.csv', text, apply);
        if (!result.ok) messages.add(result.error.message);
      }),
      { numRuns: RUNS, seed: 11 },
    );
    // The refusal must be Vietnamese throughout: csv-parse's own English must not reach the user.
    const english = [...messages].filter((m) => ENGLISH.test(m));
    expect(english.slice(0, 3), `${english.length} messages carry English details`).toEqual([]);
  });

  it('a zip bomb .xlsx (sheet XML > 100 MB unpacked) is refused without exhausting memory', async () => {
    const zip = await JSZip.loadAsync(await sampleXlsx(1));
    const sheetPath = Object.keys(zip.files).find((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))!;
    const xml = await zip.file(sheetPath)!.async('string');
    const row = '<row><c t="inlineStr"><is><t>Sở Nội vụ tỉnh Bắc Kạn</t></is></c></row>';
    const bomb = xml.replace('</sheetData>', `${row.repeat(Math.ceil(110 * 2 ** 20 / Buffer.byteLength(row)))}</sheetData>`);
    expect(Buffer.byteLength(bomb)).toBeGreaterThan(100 * 2 ** 20);
    zip.file(sheetPath, bomb);
    const packed = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    const bombFile = path.join(tempDir('bomb'), 'bom.xlsx');
    fs.writeFileSync(bombFile, packed);
    console.log(`zip bomb: ${packed.length} bytes packed, ${Math.round(Buffer.byteLength(bomb) / 2 ** 20)} MB sheet XML`);

    // In a child process with a 2 GB heap (a generous desktop budget), so running out of memory is observed, not suffered.
    const started = Date.now();
    const child = spawnSync(process.execPath, ['--max-old-space-size=2048', '--import', 'tsx', path.resolve('test/safety/import-probe.ts'), bombFile, 'bom.xlsx'], {
      encoding: 'utf8',
      timeout: 90_000,
      env: { ...process.env, NODE_ENV: 'test' },
    });
    const what = `exit ${child.status}, signal ${child.signal}, ${Date.now() - started} ms; stdout: ${child.stdout.trim().slice(0, 500)}; stderr: ${child.stderr.trim().split('\n').slice(0, 6).join(' | ')}`;
    console.log(`zip bomb import: ${what}`);
    expect(child.status, what).toBe(0);
    const report = JSON.parse(child.stdout.trim().split('\n').pop()!) as { result: { ok: boolean; error?: ApiError }; agencies: number; peakMb: number };
    expect(report.result.ok, what).toBe(false);
    expect(report.result.error?.code, what).toBe('VALIDATION');
    expect(report.result.error?.message, what).toMatch(VIETNAMESE);
    // refused by the count of bytes actually inflated, before any row is parsed
    expect(report.result.error?.message, what).toMatch(/^Tệp "bom\.xlsx" quá lớn khi giải nén/);
    expect(report.agencies).toBe(0);
  }, 180_000);
});
