// 3. A large database: generated here (direct SQL in one transaction), then opened and queried
// through the real services in a child process, so the memory figure is that of a process that
// only loaded the database and ran the queries. Run alone with `tsx bench/database.ts`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { openDatabase } from '../electron/db/connection.js';
import { listAgencies, type AgencyFilter } from '../electron/services/agencies.js';
import { createDispatcher } from '../electron/services/dispatch.js';
import { createHandlers } from '../electron/services/handlers.js';
import { exportRecordDocx } from '../electron/services/lifecycle/index.js';
import { getPlan, listPlans } from '../electron/services/plans.js';
import { type DatasetInfo, type DatasetSize, fillDatabase } from './dataset.js';
import { getRoundTracking } from '../electron/services/report-tracking.js';
import { exportRoundReportDocx } from '../electron/services/report-output.js';
import { type BenchOptions, mib, type Row, single, timed, timeOnce, timeRuns, value } from './stats.js';

const SECTION = '3. CSDL lớn';
const n = (x: number) => x.toLocaleString('vi-VN');

export function datasetSize(opts: BenchOptions): DatasetSize {
  return { agencies: 500, plans: 2000, tasks: opts.quick ? 25_000 : 100_000 };
}

/** Runs in a fresh process: open, query, measure memory. Prints the rows as one JSON line. */
async function measure(file: string, info: DatasetInfo, quick: boolean): Promise<Row[]> {
  const rows: Row[] = [];
  const runs = quick ? 5 : 9;
  const rssStart = process.memoryUsage().rss;

  const opens: number[] = [];
  for (let i = 0; i < (quick ? 3 : 5); i++) {
    const { ms, result } = await timeOnce(() => openDatabase(file));
    opens.push(ms);
    await result.close();
  }
  const { summarize } = await import('./stats.js');
  rows.push(timed(SECTION, 'Mở CSDL (openDatabase, có integrity_check)', summarize(opens), 'tệp đã có trong bộ đệm đĩa của hệ điều hành'));
  const probe = new BetterSqlite3(file, { readonly: true });
  rows.push(timed(SECTION, '  ↳ riêng PRAGMA integrity_check', (await timeRuns(3, () => probe.pragma('integrity_check'), 0)).stats));
  rows.push(timed(SECTION, '  ↳ PRAGMA quick_check (để so sánh)', (await timeRuns(3, () => probe.pragma('quick_check'), 0)).stats));
  probe.close();

  const database = openDatabase(file);
  const rssOpen = process.memoryUsage().rss;
  const { db } = database;
  const agencies = async (name: string, filter: AgencyFilter) => {
    const t = await timeRuns(runs, () => listAgencies(db, filter));
    rows.push(timed(SECTION, name, t.stats, `${t.last.length} kết quả; không phân trang`));
  };
  await agencies(`Danh sách cơ quan, không lọc (${n(info.agencies)})`, { query: '', tier: null, includeInactive: true });
  await agencies('Một trang cơ quan có lọc: cấp xã + "cho don"', { query: 'cho don', tier: 'ubnd-xa', includeInactive: false });
  for (const q of ['so noi vu', 'uy ban nhan dan xa', 'Đồng', 'snv']) await agencies(`Tìm không dấu "${q}"`, { query: q, tier: null, includeInactive: false });

  const plans = await timeRuns(runs, () => listPlans(db));
  rows.push(timed(SECTION, `Danh sách kế hoạch (listPlans, ${n(info.plans)})`, plans.stats, `${plans.last.length} kế hoạch kèm số nhiệm vụ`));
  const read = await timeRuns(runs, () => db.selectFrom('plans').selectAll().orderBy('updated_at', 'desc').execute());
  rows.push(timed(SECTION, '  ↳ riêng SQL đọc mọi cột của kế hoạch', read.stats, 'selectAll kể cả body_json, distribution_json'));
  const counts = await timeRuns(runs, () => db.selectFrom('plan_tasks').select(['plan_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('plan_id').execute());
  rows.push(timed(SECTION, '  ↳ riêng SQL đếm nhiệm vụ theo kế hoạch', counts.stats, `GROUP BY trên ${n(info.tasks)} nhiệm vụ`));

  const one = await timeRuns(runs, () => getPlan(db, info.fiftyPlanId));
  rows.push(timed(SECTION, 'Mở một kế hoạch (getPlan, 50 nhiệm vụ)', one.stats, `${one.last.tasks.length} nhiệm vụ`));

  const dispatch = createDispatcher(createHandlers({ database, version: 'bench', transport: 'web' }));
  const call = async (name: string, input: unknown) => {
    const env = await dispatch(name, input);
    if (!env.ok) throw new Error(`${name}: ${env.error.message}`);
    return env;
  };
  rows.push(timed(SECTION, '  listPlans qua bộ điều phối (zod vào + ra)', (await timeRuns(runs, () => call('listPlans', {}))).stats, 'đường đi thật của giao diện, chưa tính HTTP/IPC'));
  rows.push(timed(SECTION, '  getPlan qua bộ điều phối (zod vào + ra)', (await timeRuns(runs, () => call('getPlan', { id: info.fiftyPlanId }))).stats));

  const year = 2024;
  const dueIn = sql<number>`coalesce(json_extract(plan_tasks.deadline_json, '$.year'), cast(substr(json_extract(plan_tasks.deadline_json, '$.date'), 1, 4) as integer))`;
  const tasksOf = () =>
    db
      .selectFrom('plan_tasks')
      .innerJoin('plans', 'plans.id', 'plan_tasks.plan_id')
      .select(['plan_tasks.id', 'plan_tasks.content', 'plan_tasks.deadline_json', 'plans.title'])
      .where('plan_tasks.lead_agency_id', '=', info.busiestLeadId)
      .where(dueIn, '=', year)
      .orderBy('plans.id')
      .orderBy('plan_tasks.position');
  const q = await timeRuns(runs, () => tasksOf().execute());
  const compiled = tasksOf().compile();
  const plan = (database.sqlite.prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`).all(...compiled.parameters) as { detail: string }[]).map((p) => p.detail.replace(/ \(.*?\)/g, '')).join('; ');
  const total = (database.sqlite.prepare('SELECT count(*) AS c FROM plan_tasks WHERE lead_agency_id = ?').get(info.busiestLeadId) as { c: number }).c;
  rows.push(timed(SECTION, `SQL: nhiệm vụ của Sở Nội vụ, hạn năm ${year}`, q.stats, `${q.last.length}/${n(total)} nhiệm vụ chủ trì; ${plan}`));

  const rssQueries = process.memoryUsage().rss;
  const exp = await timeRuns(quick ? 3 : 5, () => exportRecordDocx(db, { recordType: 'plan', id: info.exportPlanId }));
  const exported = Buffer.from(exp.last.base64, 'base64');
  rows.push(timed(SECTION, 'Xuất .docx kế hoạch 300 nhiệm vụ (exportRecordDocx)', exp.stats, `${(exported.length / 1024).toFixed(0)} KiB; gồm getPlan + mô hình + render + base64`));

  const tracking = await timeRuns(runs, () => getRoundTracking(db, info.bigRoundId));
  rows.push(timed(SECTION, 'Màn hình theo dõi một kỳ (kế hoạch 300 nhiệm vụ)', tracking.stats, `${tracking.last.agencies.length} cơ quan; CSDL có ${n(info.reportEntries)} dòng báo cáo`));
  const consolidated = await timeRuns(quick ? 3 : 5, () => exportRoundReportDocx(db, info.bigRoundId));
  rows.push(timed(SECTION, 'Báo cáo tổng hợp .docx của kỳ đó', consolidated.stats, 'gồm theo dõi + mô hình + render'));

  const mem = process.memoryUsage();
  rows.push(value(SECTION, 'RSS tiến trình chính: khi khởi động', 'MiB', mib(rssStart), 'đã nạp mã (docx, exceljs, kysely, zod…), chưa mở CSDL'));
  rows.push(value(SECTION, 'RSS tiến trình chính: sau khi mở CSDL', 'MiB', mib(rssOpen)));
  rows.push(value(SECTION, 'RSS tiến trình chính: sau các truy vấn (trước xuất .docx)', 'MiB', mib(rssQueries)));
  rows.push(value(SECTION, 'RSS tiến trình chính: sau tất cả, kể cả xuất .docx', 'MiB', mib(mem.rss), `heap JS đang dùng ${mib(mem.heapUsed).toFixed(0)} MiB`));
  await database.close();
  return rows;
}

function runChild(file: string, info: DatasetInfo, quick: boolean): Promise<Row[]> {
  const self = fileURLToPath(import.meta.url);
  const args = [...process.execArgv, self, '--measure', file, JSON.stringify(info), ...(quick ? ['--quick'] : [])];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !last.startsWith('[')) return reject(new Error(`đo CSDL thất bại (mã ${code}): ${out.slice(-2000)}`));
      resolve(JSON.parse(last) as Row[]);
    });
  });
}

export async function benchDatabase(opts: BenchOptions): Promise<Row[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'noivu-bench-db-'));
  const file = path.join(dir, 'data', 'noivu.sqlite');
  try {
    const size = datasetSize(opts);
    const gen = await timeOnce(async () => {
      const database = openDatabase(file);
      const info = fillDatabase(database.sqlite, size);
      await database.close();
      return info;
    });
    const info = gen.result;
    const bytes = fs.statSync(file).size;
    const rows: Row[] = [
      single(SECTION, 'Tạo CSDL lớn (SQL trực tiếp, một giao dịch)', gen.ms, `${n(info.agencies)} cơ quan, ${n(info.plans)} kế hoạch, ${n(info.tasks)} nhiệm vụ, ${n(info.coordinators)} phối hợp, ${n(info.reportEntries)} dòng báo cáo`),
      value(SECTION, '  kích thước tệp', 'MiB', mib(bytes)),
    ];
    rows.push(...(await runChild(file, info, opts.quick)));
    return rows;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const i = process.argv.indexOf('--measure');
  const quick = process.argv.includes('--quick');
  if (i >= 0) {
    const rows = await measure(process.argv[i + 1]!, JSON.parse(process.argv[i + 2]!) as DatasetInfo, quick);
    process.stdout.write(`\n${JSON.stringify(rows)}\n`);
  } else {
    const { printTable } = await import('./table.js');
    printTable(await benchDatabase({ quick }));
  }
}
