// Part 5: the reporting loop at the size the issue names — 150 agencies, 300 tasks: forms out,
// forms back in, the tracking view and the consolidated report.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { openDatabase } from '../electron/db/connection.js';
import { createDispatcher } from '../electron/services/dispatch.js';
import { createHandlers } from '../electron/services/handlers.js';
import { importReportForms } from '../electron/services/report-import.js';
import { getRoundTracking } from '../electron/services/report-tracking.js';
import type { FileContent } from '../shared/files.js';
import { planInput, type Plan } from '../shared/plans.js';
import { type BenchOptions, type Row, timeOnce, timeRuns, single } from './stats.js';
import { VALID_PROFILE } from '../test/fixtures/profile.js';

const SECTION = '5. Báo cáo định kỳ (150 cơ quan, 300 nhiệm vụ)';

export async function benchReports(opts: BenchOptions): Promise<Row[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'noivu-bench-reports-'));
  const database = openDatabase(path.join(dir, 'noivu.sqlite'));
  const dispatch = createDispatcher(createHandlers({ database, version: 'bench', transport: 'web' }));
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const r = await dispatch(name, input);
    if (!r.ok) throw new Error(r.error.message);
    return r.data as T;
  };
  const rows: Row[] = [];
  try {
    await call('saveIssuer', VALID_PROFILE);
    const ids: number[] = [];
    for (let i = 0; i < 150; i++) {
      const a = await call<{ id: number }>('saveAgency', {
        agency: { fullName: `Ủy ban nhân dân xã Số ${i + 1}`, shortName: `UBND xã Số ${i + 1}`, abbreviation: '', tier: 'ubnd-xa', parentId: null, protocolOrder: i, email: '', phone: '', validFrom: null, validTo: null, replacedById: null },
        confirmDuplicate: true,
      });
      ids.push(a.id);
    }
    const plan = await call<Plan>('createBlankPlan', { year: 2024 });
    await call('savePlan', {
      ...planInput(plan),
      tasks: Array.from({ length: 300 }, (_, i) => ({
        componentId: null, componentLabel: '', content: `Nhiệm vụ số ${i + 1}.`, lead: { type: 'agency', agencyId: ids[i % 150] },
        coordinators: i % 3 ? [] : [{ type: 'agency', agencyId: ids[(i + 7) % 150] }], deadline: { kind: 'trong-nam', year: 2024 }, expectedOutput: '',
      })),
    });
    const round = await call<{ id: number }>('saveRound', { planId: plan.id, kind: 'nam', name: 'Năm 2024', periodFrom: '2023-12-15', periodTo: '2024-12-14', dueDate: '2024-12-12' });

    let forms: FileContent[] = [];
    const gen = await timeRuns(opts.quick ? 1 : 3, async () => {
      forms = [];
      for (const id of ids) forms.push(await call<FileContent>('generateReportForm', { roundId: round.id, agencyId: id }));
    }, 0);
    rows.push({ ...single(SECTION, 'Tạo 150 biểu mẫu .xlsx', gen.stats.median), stats: gen.stats, note: `${(forms.reduce((s, f) => s + f.base64.length * 0.75, 0) / 1024 / 1024).toFixed(1)} MiB tổng` });

    const filled: FileContent[] = [];
    for (const form of forms) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(form.base64, 'base64') as unknown as ArrayBuffer);
      const sheet = wb.getWorksheet('Báo cáo')!;
      for (let r = 7; sheet.getCell(r, 2).value; r++) sheet.getCell(r, 5).value = r % 2 ? 'Hoàn thành đúng hạn' : 'Đang thực hiện trong hạn';
      filled.push({ fileName: form.fileName, base64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') });
    }
    const check = await timeOnce(() => importReportForms(database.db, { roundId: round.id, files: filled, apply: false }));
    rows.push(single(SECTION, 'Kiểm tra 150 tệp nhận về (không ghi)', check.ms));
    const apply = await timeOnce(() => importReportForms(database.db, { roundId: round.id, files: filled, apply: true, receivedAt: '2024-12-10T08:00:00Z' }));
    rows.push(single(SECTION, 'Kiểm tra và ghi 150 tệp nhận về', apply.ms, `${apply.result.filter((f) => f.applied).length} tệp đã ghi`));
    const tracking = await timeRuns(opts.quick ? 3 : 9, () => getRoundTracking(database.db, round.id));
    rows.push({ ...single(SECTION, 'Màn hình theo dõi (getRoundTracking)', tracking.stats.median), stats: tracking.stats });
    const report = await timeRuns(opts.quick ? 1 : 3, () => call<FileContent>('exportRoundReportDocx', { roundId: round.id }));
    rows.push({ ...single(SECTION, 'Báo cáo tổng hợp .docx (2 phụ lục)', report.stats.median), stats: report.stats });
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
