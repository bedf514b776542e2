import type { Kysely } from 'kysely';
import {
  compareCodes,
  type ComponentResult,
  type IndexComponent,
  type IndexComponentInput,
  type IndexDefinition,
  type IndexYearResults,
  type YearResult,
} from '../../shared/indices';
import type { Database } from '../db/schema';
import { transactional } from '../db/transaction';
import { ServiceError } from './errors';
import { StaleRevisionError, claimRevision } from './revisions';

export async function listIndices(db: Kysely<Database>): Promise<IndexDefinition[]> {
  const [indices, components] = await Promise.all([
    db.selectFrom('index_definitions').selectAll().orderBy('id').execute(),
    db.selectFrom('index_components').selectAll().execute(),
  ]);
  return indices.map((i) => ({
    id: i.id,
    code: i.code,
    name: i.name,
    unit: i.unit,
    totalMax: i.total_max,
    components: components
      .filter((c) => c.index_id === i.id)
      .map(
        (c): IndexComponent => ({
          id: c.id,
          indexId: c.index_id,
          parentId: c.parent_id,
          code: c.code,
          name: c.name,
          maxScore: c.max_score,
          weight: c.weight,
          firstYear: c.first_year,
          lastYear: c.last_year,
          confirmed: c.confirmed === 1,
          revision: c.revision,
        }),
      )
      .sort((a, b) => compareCodes(a.code, b.code) || a.firstYear - b.firstYear),
  }));
}

export async function saveIndexComponent(db: Kysely<Database>, input: IndexComponentInput): Promise<IndexDefinition[]> {
  await transactional(db, async (trx) => {
    if (input.parentId !== null) {
      const parent = await trx.selectFrom('index_components').select(['index_id', 'parent_id']).where('id', '=', input.parentId).executeTakeFirst();
      if (!parent || parent.index_id !== input.indexId) throw new ServiceError('VALIDATION', 'Chỉ số nội dung cha: không thuộc chỉ số này.');
      if (parent.parent_id !== null) throw new ServiceError('VALIDATION', 'Chỉ số nội dung cha: chỉ có hai cấp (chỉ số nội dung và nội dung thành phần).');
    }
    const values = {
      index_id: input.indexId,
      parent_id: input.parentId,
      code: input.code,
      name: input.name,
      max_score: input.maxScore,
      weight: input.weight,
      first_year: input.firstYear,
      last_year: input.lastYear,
      confirmed: input.confirmed ? 1 : 0,
      updated_at: new Date().toISOString(),
    };
    if (input.id === undefined) await trx.insertInto('index_components').values(values).execute();
    else {
      const stored = await trx.selectFrom('index_components').select(['code', 'name']).where('id', '=', input.id).executeTakeFirst();
      if (!stored) throw new ServiceError('NOT_FOUND', `Không tìm thấy thành phần số ${input.id}.`);
      await claimRevision(trx, 'index_components', input.id, input.revision, `Thành phần ${stored.code} "${stored.name}"`);
      await trx.updateTable('index_components').set(values).where('id', '=', input.id).execute();
    }
  });
  return listIndices(db);
}

export async function deleteIndexComponent(db: Kysely<Database>, id: number): Promise<IndexDefinition[]> {
  await transactional(db, async (trx) => {
    const results = await trx.selectFrom('index_component_results').select(({ fn }) => fn.countAll<number>().as('n')).where('component_id', '=', id).executeTakeFirstOrThrow();
    const children = await trx.selectFrom('index_components').select(({ fn }) => fn.countAll<number>().as('n')).where('parent_id', '=', id).executeTakeFirstOrThrow();
    if (results.n > 0) throw new ServiceError('CONFLICT', `Thành phần này đã có kết quả của ${results.n} năm nên không xóa được; hãy ghi "Đến năm" để thôi dùng từ năm sau.`);
    if (children.n > 0) throw new ServiceError('CONFLICT', 'Hãy xóa các nội dung thành phần trước.');
    await trx.deleteFrom('index_components').where('id', '=', id).execute();
  });
  return listIndices(db);
}

export interface IndexResults {
  overall: (YearResult & { year: number; revision: number })[];
  components: (ComponentResult & { year: number })[];
}

export async function getIndexResults(db: Kysely<Database>, indexId: number): Promise<IndexResults> {
  const [overall, components] = await Promise.all([
    db.selectFrom('index_year_results').selectAll().where('index_id', '=', indexId).orderBy('year').execute(),
    db
      .selectFrom('index_component_results as r')
      .innerJoin('index_components as c', 'c.id', 'r.component_id')
      .select(['r.component_id', 'r.year', 'r.score', 'r.rank', 'r.band'])
      .where('c.index_id', '=', indexId)
      .orderBy('r.year')
      .execute(),
  ]);
  return {
    overall: overall.map((o) => ({ year: o.year, score: o.score, rank: o.rank, rankOf: o.rank_of, band: o.band, revision: o.revision })),
    components: components.map((c) => ({ componentId: c.component_id, year: c.year, score: c.score, rank: c.rank, band: c.band })),
  };
}

/** Replaces one year's published results of an index, all in one transaction. */
export async function saveIndexYearResults(db: Kysely<Database>, input: IndexYearResults): Promise<IndexResults> {
  await transactional(db, async (trx) => {
    const index = await trx.selectFrom('index_definitions').select('id').where('id', '=', input.indexId).executeTakeFirst();
    if (!index) throw new ServiceError('NOT_FOUND', `Không tìm thấy chỉ số số ${input.indexId}.`);
    const known = await trx
      .selectFrom('index_components')
      .select(['id', 'code', 'max_score', 'first_year', 'last_year'])
      .where('index_id', '=', input.indexId)
      .execute();
    const ids = known.map((c) => c.id);
    for (const [i, r] of input.components.entries()) {
      const c = known.find((k) => k.id === r.componentId);
      if (!c) throw new ServiceError('VALIDATION', `Dòng ${i + 1}: thành phần số ${r.componentId} không thuộc chỉ số này.`);
      if (c.first_year > input.year || (c.last_year !== null && c.last_year < input.year)) {
        throw new ServiceError('VALIDATION', `Thành phần ${c.code}: không có trong cấu trúc năm ${input.year}.`);
      }
      if (r.score !== null && c.max_score !== null && r.score > c.max_score) {
        throw new ServiceError('VALIDATION', `Thành phần ${c.code}: điểm ${r.score} lớn hơn điểm tối đa ${c.max_score}.`, [
          { path: `components.${i}.score`, label: `Thành phần ${c.code}`, message: `lớn hơn điểm tối đa ${c.max_score}` },
        ]);
      }
    }
    const now = new Date().toISOString();
    const o = input.overall;
    // A year's results are one record: a save based on what another window has since replaced is refused.
    const stored = await trx
      .selectFrom('index_year_results')
      .select(['revision', 'updated_at'])
      .where('index_id', '=', input.indexId)
      .where('year', '=', input.year)
      .executeTakeFirst();
    if (stored && stored.revision !== input.revision) throw new StaleRevisionError(`Kết quả chỉ số năm ${input.year}`, stored.updated_at);
    await trx
      .insertInto('index_year_results')
      .values({ index_id: input.indexId, year: input.year, score: o.score, rank: o.rank, rank_of: o.rankOf, band: o.band, updated_at: now })
      .onConflict((oc) =>
        oc.columns(['index_id', 'year']).doUpdateSet({ score: o.score, rank: o.rank, rank_of: o.rankOf, band: o.band, updated_at: now, revision: (stored?.revision ?? 0) + 1 }),
      )
      .execute();
    if (ids.length) await trx.deleteFrom('index_component_results').where('year', '=', input.year).where('component_id', 'in', ids).execute();
    const rows = input.components.filter((r) => r.score !== null || r.rank !== null || r.band !== '');
    if (rows.length) {
      await trx
        .insertInto('index_component_results')
        .values(rows.map((r) => ({ component_id: r.componentId, year: input.year, score: r.score, rank: r.rank, band: r.band })))
        .execute();
    }
  });
  return getIndexResults(db, input.indexId);
}
