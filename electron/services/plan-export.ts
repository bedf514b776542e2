import type { Kysely } from 'kysely';
import type { FileContent } from '../../shared/files';
import { formatDeadline } from '../../shared/plans';
import { foldVietnamese } from '../../shared/text';
import type { Database } from '../db/schema';
import { addTableSheet, newWorkbook, workbookFile } from './spreadsheet-write';
import { listIndices } from './indices';
import { loadNameBook } from './name-book';
import { getPlan } from './plans';

function fileSlug(title: string): string {
  return foldVietnamese(title).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'ke-hoach';
}

/** The task table as a spreadsheet, one row per task, for sharing and follow-up. */
export async function exportPlanTasksXlsx(db: Kysely<Database>, id: number): Promise<FileContent> {
  const plan = await getPlan(db, id);
  const names = await loadNameBook(db);
  const components = plan.indexId ? ((await listIndices(db)).find((i) => i.id === plan.indexId)?.components ?? []) : [];
  const workbook = newWorkbook();
  const sheet = addTableSheet(workbook, 'Nhiệm vụ', [
    { header: 'TT', key: 'n', width: 6 },
    { header: 'Chỉ số thành phần', key: 'component', width: 32 },
    { header: 'Nhiệm vụ, giải pháp', key: 'content', width: 70 },
    { header: 'Cơ quan chủ trì', key: 'lead', width: 26 },
    { header: 'Cơ quan phối hợp', key: 'coordinators', width: 32 },
    { header: 'Thời gian thực hiện', key: 'deadline', width: 20 },
    { header: 'Kết quả dự kiến', key: 'output', width: 30 },
  ]);
  plan.tasks.forEach((t, i) => {
    const component = components.find((c) => c.id === t.componentId);
    sheet.addRow({
      n: i + 1,
      component: component ? `${component.code}. ${component.name}` : t.componentLabel,
      content: t.content,
      lead: t.lead ? names.ref(t.lead) : '',
      coordinators: t.coordinators.map((c) => names.ref(c)).join('; '),
      deadline: formatDeadline(t.deadline),
      output: t.expectedOutput,
    });
  });
  sheet.getColumn('content').alignment = { wrapText: true, vertical: 'top' };
  return workbookFile(workbook, `nhiem-vu-${fileSlug(plan.title)}.xlsx`);
}
