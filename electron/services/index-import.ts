import type { Kysely } from 'kysely';
import type { FileContent } from '../../shared/files';
import { componentsOfYear, parseScore, type ComponentResult, type YearResult } from '../../shared/indices';
import { cleanText, foldVietnamese } from '../../shared/text';
import type { Database } from '../db/schema';
import { ServiceError } from './errors';
import { getIndexResults, listIndices, saveIndexYearResults } from './indices';
import { readTable } from './spreadsheet-read';

export interface ColumnMapping {
  /** Column holding the component's number ("1.1") or name. */
  component: number;
  score: number;
  rank: number | null;
  band: number | null;
  /** Skip the first row (headers). */
  headerRow: boolean;
}

export interface IndexImportRow {
  row: number;
  text: string;
  /** What the row was matched to: "1.1. Tri thức công dân", "Tổng", or null (row left out). */
  match: string | null;
  score: number | null;
  rank: number | null;
  error: string | null;
}

/** The first rows of a spreadsheet, so the user can say which column is which. */
export async function previewSpreadsheet(file: FileContent): Promise<{ rows: string[][]; columns: number }> {
  const rows = (await readTable(file)).filter((r) => r.some((c) => cleanText(c) !== ''));
  return { rows: rows.slice(0, 15).map((r) => r.map(cleanText)), columns: Math.max(0, ...rows.map((r) => r.length)) };
}

const CODE_AT_START = /^(\d+(?:\.\d+)*)(?:[.)]\s*|\s+|$)/;

/**
 * Matches each row to a component of `year` by its number or name (diacritics ignored), reads the
 * figures, and — when `apply` and nothing is wrong — merges them into that year's results at once.
 */
export async function importIndexResults(
  db: Kysely<Database>,
  input: { file: FileContent; indexId: number; year: number; mapping: ColumnMapping; apply: boolean },
): Promise<{ rows: IndexImportRow[]; matched: number; errors: number; applied: boolean }> {
  const index = (await listIndices(db)).find((i) => i.id === input.indexId);
  if (!index) throw new ServiceError('NOT_FOUND', `Không tìm thấy chỉ số số ${input.indexId}.`);
  const components = componentsOfYear(index.components, input.year);
  const table = (await readTable(input.file)).filter((r) => r.some((c) => cleanText(c) !== ''));
  const { mapping } = input;
  const indexCode = foldVietnamese(index.code);
  const totals = new Set(['tong', 'tong diem', 'diem tong', 'tong cong', 'chi so tong hop', indexCode, `chi so ${indexCode}`, foldVietnamese(index.name)]);
  const rows: IndexImportRow[] = [];
  const imported = new Map<number, ComponentResult>();
  let overall: Pick<YearResult, 'score' | 'rank'> | undefined;

  table.slice(mapping.headerRow ? 1 : 0).forEach((cells, i) => {
    const rowNumber = i + (mapping.headerRow ? 2 : 1);
    const text = cleanText(cells[mapping.component] ?? '');
    const scoreText = cleanText(cells[mapping.score] ?? '');
    const rankText = mapping.rank === null ? '' : cleanText(cells[mapping.rank] ?? '');
    const score = parseScore(scoreText);
    const rank = rankText === '' ? null : Number(rankText);
    const row: IndexImportRow = { row: rowNumber, text, match: null, score: null, rank: null, error: null };
    rows.push(row);
    if (text === '') return;
    const code = CODE_AT_START.exec(text)?.[1];
    const folded = foldVietnamese(text.replace(CODE_AT_START, ''));
    const component = components.find((c) => c.code === code) ?? components.find((c) => foldVietnamese(c.name) === folded);
    const isTotal = !component && (totals.has(foldVietnamese(text)) || totals.has(folded));
    if (!component && !isTotal) return;
    row.match = component ? `${component.code}. ${component.name}` : 'Tổng';
    if (Number.isNaN(score)) row.error = `Điểm "${scoreText}" không phải là số`;
    else if (rank !== null && (!Number.isInteger(rank) || rank < 1)) row.error = `Xếp thứ "${rankText}" không phải là số nguyên dương`;
    else if (component && score !== null && component.maxScore !== null && score > component.maxScore) row.error = `Điểm ${scoreText} lớn hơn điểm tối đa ${component.maxScore}`;
    else if (component && imported.has(component.id)) row.error = `Thành phần ${component.code} xuất hiện hai lần`;
    if (row.error) return;
    row.score = score;
    row.rank = rank;
    const band = mapping.band === null ? '' : cleanText(cells[mapping.band] ?? '');
    if (component) imported.set(component.id, { componentId: component.id, score, rank, band });
    else overall = { score, rank };
  });

  const errors = rows.filter((r) => r.error).length;
  const matched = rows.filter((r) => r.match && !r.error).length;
  if (!input.apply) return { rows, matched, errors, applied: false };
  if (errors) throw new ServiceError('VALIDATION', 'Tệp còn dòng lỗi nên chưa nhập gì. Sửa các dòng lỗi rồi nhập lại.');
  if (matched === 0) throw new ServiceError('VALIDATION', 'Không dòng nào khớp với thành phần của chỉ số. Kiểm tra lại cột "Thành phần".');

  const existing = await getIndexResults(db, input.indexId);
  const before = existing.overall.find((o) => o.year === input.year);
  const merged = new Map(existing.components.filter((c) => c.year === input.year).map(({ year: _y, ...c }) => [c.componentId, c]));
  for (const [id, r] of imported) merged.set(id, r);
  await saveIndexYearResults(db, {
    indexId: input.indexId,
    year: input.year,
    overall: { score: overall?.score ?? before?.score ?? null, rank: overall?.rank ?? before?.rank ?? null, rankOf: before?.rankOf ?? null, band: before?.band ?? '' },
    components: [...merged.values()],
    // the file is meant to replace the year's results: it is based on what is stored now
    revision: before?.revision ?? null,
  });
  return { rows, matched, errors, applied: true };
}
