import type { Kysely } from 'kysely';
import { formatVnDate, localDayOf } from '../../shared/dates';
import type { Block, DocumentModelInput } from '../../shared/document/model';
import type { FileContent } from '../../shared/files';
import { TASK_STATUSES, type TaskStatus } from '../../shared/reports';
import { modelIssuer } from '../../shared/profile';
import { composeDistribution } from '../../shared/recipients';
import type { Database } from '../db/schema';
import { renderForExport } from './document-export';
import { addTableSheet, newWorkbook, workbookFile } from './spreadsheet-write';
import { createDraft } from './drafts';
import { ServiceError } from './errors';
import { getIssuerProfile } from './issuer-profile';
import { loadNameBook } from './name-book';
import { getPlan } from './plans';
import { resolveLines } from './recipient-lists';
import { getRound } from './report-rounds';
import { getRoundTracking } from './report-tracking';

const percent = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 1 });

/** The two tables of the consolidated report: results per task, and who reported when. */
async function reportTables(db: Kysely<Database>, roundId: number) {
  const round = await getRound(db, roundId);
  const plan = await getPlan(db, round.planId);
  const tracking = await getRoundTracking(db, roundId);
  const names = await loadNameBook(db);
  const results = plan.tasks.map((t, i) => {
    const s = tracking.taskStatus.get(t.id);
    return [String(i + 1), t.content.split('\n')[0]!, t.lead ? names.ref(t.lead) : '', s ? TASK_STATUSES[s.status] : 'Chưa báo cáo', s?.result ?? ''];
  });
  const compliance = tracking.agencies.map((a, i) => [
    String(i + 1),
    a.name,
    a.submittedAt ? formatVnDate(localDayOf(a.submittedAt)) : '',
    a.submittedAt === null ? 'Chưa gửi' : a.onTime ? 'Đúng hạn' : 'Quá hạn',
  ]);
  return { round, plan, tracking, results, compliance };
}

const RESULT_COLUMNS = [
  { header: 'TT', width: 6, align: 'center' as const },
  { header: 'Nhiệm vụ', width: 44 },
  { header: 'Cơ quan chủ trì', width: 16 },
  { header: 'Tình trạng', width: 14 },
  { header: 'Kết quả thực hiện', width: 34 },
];
const COMPLIANCE_COLUMNS = [
  { header: 'TT', width: 8, align: 'center' as const },
  { header: 'Cơ quan', width: 50 },
  { header: 'Ngày nhận báo cáo', width: 20, align: 'center' as const },
  { header: 'Tình trạng gửi', width: 22, align: 'center' as const },
];

/** The province's report for a round: the specialist's text with the figures filled in, and two phụ lục. */
export async function buildRoundReportModel(db: Kysely<Database>, roundId: number): Promise<DocumentModelInput> {
  const profile = await getIssuerProfile(db);
  if (!profile) throw new ServiceError('VALIDATION', 'Chưa khai báo cơ quan ban hành (Cài đặt → Cơ quan ban hành).');
  const { round, plan, tracking, results, compliance } = await reportTables(db, roundId);
  const submitted = tracking.agencies.filter((a) => a.submittedAt !== null);
  const onTime = submitted.filter((a) => a.onTime).length;
  const c = tracking.counts as Record<TaskStatus, number>;
  const figures =
    `Kế hoạch có ${tracking.totalTasks} nhiệm vụ, giao cho ${tracking.agencies.length} cơ quan, đơn vị. ` +
    `Đến nay, ${submitted.length}/${tracking.agencies.length} cơ quan, đơn vị đã gửi báo cáo (${onTime} đúng hạn, ${submitted.length - onTime} quá hạn). ` +
    `Kết quả: ${c['hoan-thanh-dung-han']} nhiệm vụ hoàn thành đúng hạn; ${c['hoan-thanh-qua-han']} nhiệm vụ hoàn thành quá hạn; ` +
    `${c['dang-thuc-hien-trong-han']} nhiệm vụ đang thực hiện trong hạn; ${c['qua-han-chua-hoan-thanh']} nhiệm vụ quá hạn chưa hoàn thành; ` +
    `${c['khong-thuc-hien']} nhiệm vụ không thực hiện; ${tracking.totalTasks - tracking.reportedTasks} nhiệm vụ chưa có báo cáo. ` +
    `Tỷ lệ hoàn thành đạt ${percent(tracking.completionRate)}%.`;
  const paragraphs = (text: string): Block[] => text.split('\n').filter((l) => l.trim()).map((l) => ({ type: 'paragraph', text: l }));
  const section = (number: string, title: string, text: string, fallback: string): Block[] => [
    { type: 'heading', level: 1, number, text: title },
    ...(text.trim() ? paragraphs(text) : [{ type: 'paragraph' as const, text: fallback }]),
  ];
  const { labels } = await resolveLines(db, 'noi-nhan', plan.distribution.lines);
  return {
    kind: 'bao-cao',
    issuer: modelIssuer(profile),
    number: null,
    place: profile.place,
    date: { year: Number(round.periodTo.slice(0, 4)) },
    subject: `Kết quả thực hiện ${plan.title.charAt(0).toLocaleLowerCase('vi')}${plan.title.slice(1)} (${round.name.toLocaleLowerCase('vi')})`,
    body: [
      { type: 'paragraph', text: `Kỳ báo cáo: từ ngày ${formatVnDate(round.periodFrom)} đến ngày ${formatVnDate(round.periodTo)}.` },
      { type: 'heading', level: 1, number: 'I', text: 'Kết quả thực hiện' },
      { type: 'paragraph', text: figures },
      ...paragraphs(round.texts.results),
      { type: 'paragraph', text: '(Chi tiết tại Phụ lục I và Phụ lục II kèm theo)' },
      ...section('II', 'Tồn tại, hạn chế', round.texts.shortcomings, 'Một số nhiệm vụ chưa hoàn thành đúng tiến độ; một số cơ quan, đơn vị gửi báo cáo chưa đúng hạn.'),
      ...section('III', 'Nhiệm vụ trọng tâm thời gian tới', round.texts.nextTasks, 'Tiếp tục triển khai các nhiệm vụ chưa hoàn thành của Kế hoạch.'),
      ...section('IV', 'Đề xuất, kiến nghị', round.texts.proposals, 'Không có.'),
    ],
    appendices: [
      { title: 'KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ', table: { columns: RESULT_COLUMNS, rows: results } },
      { title: 'TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ', table: { columns: COMPLIANCE_COLUMNS, rows: compliance }, landscape: false },
    ],
    distribution: composeDistribution(labels.length ? labels : ['Các cơ quan, đơn vị tại Phụ lục II'], { ...plan.distribution.options, withKinhGui: false }, profile.draftingUnitAbbr),
    signature: { authority: [...plan.signer.authority, plan.signer.title], name: plan.signer.name },
  };
}

export async function exportRoundReportDocx(db: Kysely<Database>, roundId: number): Promise<FileContent> {
  return renderForExport(await buildRoundReportModel(db, roundId));
}

export async function exportRoundReportXlsx(db: Kysely<Database>, roundId: number): Promise<FileContent> {
  const { round, results, compliance } = await reportTables(db, roundId);
  const workbook = newWorkbook();
  const add = (name: string, columns: { header: string; width: number }[], rows: string[][]) => {
    const sheet = addTableSheet(workbook, name, columns);
    for (const r of rows) sheet.addRow(r);
    sheet.eachRow((row) => (row.alignment = { wrapText: true, vertical: 'top' }));
  };
  add('Kết quả nhiệm vụ', RESULT_COLUMNS, results);
  add('Tình hình gửi báo cáo', COMPLIANCE_COLUMNS, compliance);
  return workbookFile(workbook, `tong-hop-${round.name.replace(/[^\p{L}\d]+/gu, '-')}.xlsx`);
}

/** A Công văn đôn đốc addressed to exactly the agencies that have not reported, with the due date. */
export async function createReminderForRound(db: Kysely<Database>, roundId: number) {
  const { round, plan, tracking } = await reportTables(db, roundId);
  const missing = tracking.agencies.filter((a) => a.submittedAt === null);
  if (missing.length === 0) throw new ServiceError('VALIDATION', 'Mọi cơ quan đã gửi báo cáo của kỳ này; không cần đôn đốc.');
  return createDraft(db, 'cong-van', new Date().getFullYear(), {
    template: 'don-doc-bao-cao',
    recipients: missing.map((a) => ({ type: 'agency' as const, agencyId: a.agencyId })),
    subject: `báo cáo ${round.name.toLocaleLowerCase('vi')} kết quả thực hiện ${plan.title.charAt(0).toLocaleLowerCase('vi')}${plan.title.slice(1)}`,
    deadline: round.dueDate,
  });
}
