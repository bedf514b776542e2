import type { Kysely } from 'kysely';
import { formatVnDate, localDayOf } from '../../shared/dates';
import type { Block, DocumentModelInput } from '../../shared/document/model';
import type { FileContent } from '../../shared/files';
import { ON_TIME_CATEGORIES, ON_TIME_CATEGORY_IDS, onTimeCategory, type OnTimeCategory } from '../../shared/on-time';
import { formatDeadline } from '../../shared/plans';
import { ROLE_NAMES, summariseByAgency } from '../../shared/report-narrative';
import { planReference, roundSubject } from '../../shared/report-wording';
import { TASK_STATUSES, type RoundAnswer, type TaskStatus } from '../../shared/reports';
import { toRoman, withListEnding } from '../../shared/nd30';
import { modelIssuer } from '../../shared/profile';
import { composeDistribution } from '../../shared/recipients';
import type { Database } from '../db/schema';
import { renderForExport } from './document-export';
import { addTableSheet, newWorkbook, workbookFile } from './spreadsheet-write';
import { ServiceError } from './errors';
import { getIssuerProfile } from './issuer-profile';
import { loadNameBook } from './name-book';
import { getPlan } from './plans';
import { resolveLines } from './recipient-lists';
import { getRound } from './report-rounds';
import { getRoundAnswers } from './report-answers';
import { getRoundTracking } from './report-tracking';

const percent = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 1 });
const firstLine = (s: string) => s.split('\n')[0]!;

/** The tables of the consolidated report: results per task, who reported when, and what the agencies wrote. */
async function reportTables(db: Kysely<Database>, roundId: number) {
  const round = await getRound(db, roundId);
  const plan = await getPlan(db, round.planId);
  const tracking = await getRoundTracking(db, roundId);
  const answers = await getRoundAnswers(db, roundId);
  const names = await loadNameBook(db);
  const results = plan.tasks.map((t, i) => {
    const s = tracking.taskStatus.get(t.id);
    const category = ON_TIME_CATEGORIES[onTimeCategory({ deadline: t.deadline, status: s?.status ?? null }, tracking.asOf)];
    return [String(i + 1), firstLine(t.content), t.lead ? names.ref(t.lead) : '', formatDeadline(t.deadline), s ? TASK_STATUSES[s.status] : 'Chưa báo cáo', category, s?.result ?? ''];
  });
  const compliance = tracking.agencies.map((a, i) => [
    String(i + 1),
    a.name,
    a.submittedAt ? formatVnDate(localDayOf(a.submittedAt)) : '',
    a.submittedAt === null ? 'Chưa gửi' : a.onTime ? 'Đúng hạn' : 'Quá hạn',
  ]);
  return { round, plan, tracking, answers, results, compliance };
}

const RESULT_COLUMNS = [
  { header: 'TT', width: 6, align: 'center' as const },
  { header: 'Nhiệm vụ', width: 40 },
  { header: 'Cơ quan chủ trì', width: 16 },
  { header: 'Thời hạn', width: 13, align: 'center' as const },
  { header: 'Tình trạng báo cáo', width: 14 },
  { header: 'Tiến độ', width: 14 },
  { header: 'Kết quả thực hiện', width: 30 },
];
const COMPLIANCE_COLUMNS = [
  { header: 'TT', width: 8, align: 'center' as const },
  { header: 'Cơ quan', width: 50 },
  { header: 'Ngày nhận báo cáo', width: 20, align: 'center' as const },
  { header: 'Tình trạng gửi', width: 22, align: 'center' as const },
];
const NARRATIVE_COLUMNS = [
  { header: 'TT', width: 6, align: 'center' as const },
  { header: 'Cơ quan, đơn vị', width: 22 },
  { header: 'Văn bản chứng minh', width: 24 },
  { header: 'Khó khăn, vướng mắc', width: 34 },
  { header: 'Kiến nghị, đề xuất', width: 34 },
];
const EXTRA_COLUMNS = [
  { header: 'TT', width: 6, align: 'center' as const },
  { header: 'Cơ quan, đơn vị', width: 18 },
  { header: 'Nhiệm vụ bổ sung', width: 30 },
  { header: 'Tình trạng', width: 14 },
  { header: 'Kết quả, văn bản chứng minh', width: 26 },
  { header: 'Khó khăn, kiến nghị', width: 26 },
];
const ANSWER_COLUMNS = [
  { header: 'TT nhiệm vụ', width: 8 },
  { header: 'Nhiệm vụ', width: 50 },
  { header: 'Cơ quan', width: 28 },
  { header: 'Vai trò', width: 10 },
  { header: 'Tình trạng', width: 24 },
  { header: 'Kết quả thực hiện', width: 45 },
  { header: 'Văn bản chứng minh', width: 30 },
  { header: 'Khó khăn, vướng mắc', width: 45 },
  { header: 'Kiến nghị, đề xuất', width: 45 },
];

const hasNarrative = (a: RoundAnswer) => Boolean(a.evidence || a.difficulties || a.proposals);

/** Phụ lục: per task, each agency's evidence, difficulties and proposals. */
function narrativeTable(answers: RoundAnswer[]) {
  const byTask = new Map<number, { title: string; rows: string[][] }>();
  for (const a of answers) {
    if (a.taskNo === null || !hasNarrative(a)) continue;
    const group = byTask.get(a.taskNo) ?? { title: firstLine(a.task), rows: [] };
    group.rows.push([String(group.rows.length + 1), `${a.agency} (${ROLE_NAMES[a.role].toLocaleLowerCase('vi')})`, a.evidence, a.difficulties, a.proposals]);
    byTask.set(a.taskNo, group);
  }
  return { columns: NARRATIVE_COLUMNS, groups: [...byTask].map(([no, g]) => ({ index: String(no), title: g.title, rows: g.rows })) };
}

function extrasTable(answers: RoundAnswer[]) {
  const rows = answers
    .filter((a) => a.role === 'bo-sung')
    .map((a, i) => [String(i + 1), a.agency, a.task, TASK_STATUSES[a.status], [a.result, a.evidence].filter(Boolean).join('\n'), [a.difficulties, a.proposals].filter(Boolean).join('\n')]);
  return { columns: EXTRA_COLUMNS, rows };
}

/** "- Sở Tư pháp: …;" per agency, the last ending "." (ND30 list punctuation). */
function agencyItems(list: { agency: string; text: string }[]): Block[] {
  return list.map((x, i) => ({ type: 'item', marker: '-', text: withListEnding(`${x.agency}: ${x.text}`, i === list.length - 1) }));
}

/** The province's report for a round: the specialist's text with the figures and the agencies' answers filled in, and its phụ lục. */
export async function buildRoundReportModel(db: Kysely<Database>, roundId: number): Promise<DocumentModelInput> {
  const profile = await getIssuerProfile(db);
  if (!profile) throw new ServiceError('VALIDATION', 'Chưa khai báo cơ quan ban hành (Cài đặt → Cơ quan ban hành).');
  const { round, plan, tracking, answers, results, compliance } = await reportTables(db, roundId);
  const submitted = tracking.agencies.filter((a) => a.submittedAt !== null);
  const onTime = submitted.filter((a) => a.onTime).length;
  const c = tracking.counts as Record<TaskStatus, number>;
  const k = tracking.onTimeCounts as Record<OnTimeCategory, number>;
  const unreported = tracking.totalTasks - tracking.reportedTasks;
  const figures =
    `Kế hoạch có ${tracking.totalTasks} nhiệm vụ, giao cho ${tracking.agencies.length} cơ quan, đơn vị. ` +
    `Đến ngày ${formatVnDate(tracking.asOf)}, ${submitted.length}/${tracking.agencies.length} cơ quan, đơn vị đã gửi báo cáo (${onTime} đúng hạn, ${submitted.length - onTime} quá hạn). ` +
    `Về tiến độ: ${k['dung-han']} nhiệm vụ hoàn thành đúng hạn; ${k['tre-han']} nhiệm vụ hoàn thành quá hạn; ` +
    `${k['trong-han']} nhiệm vụ chưa hoàn thành, còn trong hạn; ${k['qua-han']} nhiệm vụ quá hạn chưa hoàn thành` +
    (unreported || c['khong-thuc-hien'] ? ` (trong các nhiệm vụ chưa hoàn thành có ${unreported} nhiệm vụ chưa có báo cáo, ${c['khong-thuc-hien']} nhiệm vụ cơ quan báo cáo không thực hiện)` : '') +
    `. Tỷ lệ hoàn thành đạt ${percent(tracking.completionRate)}%.`;
  const paragraphs = (text: string): Block[] => text.split('\n').filter((l) => l.trim()).map((l) => ({ type: 'paragraph', text: l }));
  const difficulties = summariseByAgency(answers, 'difficulties');
  const proposals = summariseByAgency(answers, 'proposals');
  const narrative = narrativeTable(answers);
  const extras = extrasTable(answers);
  const appendices = [
    { title: 'KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ', table: { columns: RESULT_COLUMNS, rows: results } },
    { title: 'TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ', table: { columns: COMPLIANCE_COLUMNS, rows: compliance }, landscape: false },
    ...(narrative.groups.length ? [{ title: 'VĂN BẢN CHỨNG MINH, KHÓ KHĂN, VƯỚNG MẮC VÀ KIẾN NGHỊ, ĐỀ XUẤT THEO TỪNG NHIỆM VỤ', table: narrative }] : []),
    ...(extras.rows.length ? [{ title: 'NHIỆM VỤ BỔ SUNG DO CÁC CƠ QUAN, ĐƠN VỊ BÁO CÁO', table: extras }] : []),
  ];
  const numerals = appendices.map((_, i) => toRoman(i + 1));
  const detail = `(Chi tiết tại Phụ lục ${numerals.slice(0, -1).join(', ')} và ${numerals[numerals.length - 1]} kèm theo)`;
  const issuerName = profile.issuerFullName || profile.issuerName.replace(/\n/g, ' ');
  const { labels } = await resolveLines(db, 'noi-nhan', plan.distribution.lines);
  return {
    kind: 'bao-cao',
    issuer: modelIssuer(profile),
    number: null,
    place: profile.place,
    date: { year: Number(round.periodTo.slice(0, 4)) },
    subject: roundSubject(plan.title, round.name).replace(/^k/, 'K'),
    body: [
      { type: 'paragraph', text: `Thực hiện ${planReference(plan, issuerName)}, ${issuerName} báo cáo kết quả thực hiện Kế hoạch như sau:` },
      { type: 'paragraph', text: `Kỳ báo cáo: ${round.name}, từ ngày ${formatVnDate(round.periodFrom)} đến ngày ${formatVnDate(round.periodTo)}.` },
      { type: 'heading', level: 1, number: 'I', text: 'Kết quả thực hiện' },
      { type: 'paragraph', text: figures },
      ...paragraphs(round.texts.results),
      { type: 'paragraph', text: detail },
      { type: 'heading', level: 1, number: 'II', text: 'Tồn tại, hạn chế' },
      ...(round.texts.shortcomings.trim() ? paragraphs(round.texts.shortcomings) : difficulties.length ? [] : [{ type: 'paragraph' as const, text: 'Một số nhiệm vụ chưa hoàn thành đúng tiến độ; một số cơ quan, đơn vị gửi báo cáo chưa đúng hạn.' }]),
      ...(difficulties.length ? [{ type: 'paragraph' as const, text: 'Khó khăn, vướng mắc các cơ quan, đơn vị nêu trong báo cáo:' }, ...agencyItems(difficulties)] : []),
      { type: 'heading', level: 1, number: 'III', text: 'Nhiệm vụ trọng tâm thời gian tới' },
      ...(round.texts.nextTasks.trim() ? paragraphs(round.texts.nextTasks) : [{ type: 'paragraph' as const, text: 'Tiếp tục triển khai các nhiệm vụ chưa hoàn thành của Kế hoạch.' }]),
      { type: 'heading', level: 1, number: 'IV', text: 'Đề xuất, kiến nghị' },
      ...(round.texts.proposals.trim() ? paragraphs(round.texts.proposals) : proposals.length ? [] : [{ type: 'paragraph' as const, text: 'Không có.' }]),
      ...(proposals.length ? [{ type: 'paragraph' as const, text: 'Kiến nghị, đề xuất của các cơ quan, đơn vị:' }, ...agencyItems(proposals)] : []),
    ],
    appendices,
    distribution: composeDistribution(labels.length ? labels : ['Các cơ quan, đơn vị tại Phụ lục II'], { ...plan.distribution.options, withKinhGui: false }, profile.draftingUnitAbbr),
    signature: { authority: [...plan.signer.authority, plan.signer.title], name: plan.signer.name },
  };
}

export async function exportRoundReportDocx(db: Kysely<Database>, roundId: number): Promise<FileContent> {
  return renderForExport(await buildRoundReportModel(db, roundId));
}

export async function exportRoundReportXlsx(db: Kysely<Database>, roundId: number): Promise<FileContent> {
  const { round, tracking, answers, results, compliance } = await reportTables(db, roundId);
  const workbook = newWorkbook();
  const add = (name: string, columns: { header: string; width: number }[], rows: string[][]) => {
    const sheet = addTableSheet(workbook, name, columns);
    for (const r of rows) sheet.addRow(r);
    sheet.eachRow((row) => (row.alignment = { wrapText: true, vertical: 'top' }));
  };
  add('Kết quả nhiệm vụ', RESULT_COLUMNS, results);
  add('Tình hình gửi báo cáo', COMPLIANCE_COLUMNS, compliance);
  add(
    'Ý kiến các cơ quan',
    ANSWER_COLUMNS,
    answers.map((a) => [a.taskNo === null ? 'Bổ sung' : String(a.taskNo), a.task, a.agency, ROLE_NAMES[a.role], TASK_STATUSES[a.status], a.result, a.evidence, a.difficulties, a.proposals]),
  );
  add(
    'Tiến độ theo cơ quan',
    [{ header: 'Cơ quan', width: 40 }, ...ON_TIME_CATEGORY_IDS.map((c) => ({ header: ON_TIME_CATEGORIES[c], width: 18 }))],
    [
      ...tracking.agencies.map((a) => [a.name, ...ON_TIME_CATEGORY_IDS.map((c) => String(a.onTimeCounts[c] ?? 0))]),
      ['Toàn kế hoạch (theo báo cáo của cơ quan chủ trì)', ...ON_TIME_CATEGORY_IDS.map((c) => String(tracking.onTimeCounts[c] ?? 0))],
    ],
  );
  return workbookFile(workbook, `tong-hop-${round.name.replace(/[^\p{L}\d]+/gu, '-')}.xlsx`);
}
