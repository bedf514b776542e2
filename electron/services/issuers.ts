import type { Kysely } from 'kysely';
import { defaultIssuerLabel, type Issuer, type IssuerInputSchema, type NumberSeries, type NumberSeriesInputSchema } from '../../shared/issuers';
import { DOCUMENT_KIND_IDS, DOCUMENT_KINDS, type DocumentKind } from '../../shared/nd30';
import { compareVietnamese, foldVietnamese } from '../../shared/text';
import type { z } from '../../shared/validation';
import type { Database } from '../db/schema';
import { transactional } from '../db/transaction';
import { ServiceError } from './errors';
import { issuerProfileOf, issuerValues } from './issuer-profile';
import { seedNumberSeries } from './number-series-seed';
import { claimRevision } from './revisions';

type IssuerInput = z.output<typeof IssuerInputSchema>;
type NumberSeriesInput = z.output<typeof NumberSeriesInputSchema>;

/** Every issuing body, the default first, then by label. */
export async function listIssuers(db: Kysely<Database>): Promise<Issuer[]> {
  const rows = await db.selectFrom('issuers').selectAll().execute();
  return rows
    .map((row) => ({ ...issuerProfileOf(row), id: row.id, label: row.label, isDefault: row.is_default === 1, revision: row.revision }))
    .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || compareVietnamese(a.label, b.label));
}

async function issuerOrThrow(db: Kysely<Database>, id: number) {
  const row = await db.selectFrom('issuers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new ServiceError('NOT_FOUND', `Không tìm thấy cơ quan ban hành số ${id} (có thể đã bị xóa ở cửa sổ khác).`);
  return row;
}

const issuerRecord = (label: string) => `Cơ quan ban hành "${label}"`;

/**
 * Creates an issuing body (with one number series per kind; the first one made becomes the default)
 * or updates one, based on the revision the edit started from.
 */
export async function saveIssuer(db: Kysely<Database>, input: IssuerInput): Promise<Issuer> {
  const label = input.label || defaultIssuerLabel(input);
  const values = { ...issuerValues({ ...input, revision: input.revision ?? null }), label };
  const id = await transactional(db, async (trx) => {
    const clash = await trx.selectFrom('issuers').select(['id', 'label']).execute();
    const same = clash.find((r) => r.id !== input.id && foldVietnamese(r.label) === foldVietnamese(label));
    if (same) throw new ServiceError('DUPLICATE', `Đã có cơ quan ban hành mang tên gọi "${same.label}": hãy đặt "Tên gọi trong danh sách" khác.`, [{ path: 'label', label: 'Tên gọi trong danh sách', message: 'trùng tên gọi' }]);
    if (input.id === null || input.id === undefined) {
      const hasDefault = await trx.selectFrom('issuers').select('id').where('is_default', '=', 1).executeTakeFirst();
      const { id } = await trx
        .insertInto('issuers')
        .values({ ...values, is_default: hasDefault ? 0 : 1, created_at: values.updated_at })
        .returning('id')
        .executeTakeFirstOrThrow();
      await seedNumberSeries(trx, id);
      return id;
    }
    const stored = await issuerOrThrow(trx, input.id);
    await claimRevision(trx, 'issuers', stored.id, input.revision, issuerRecord(stored.label));
    await trx.updateTable('issuers').set(values).where('id', '=', stored.id).execute();
    return stored.id;
  });
  return (await listIssuers(db)).find((i) => i.id === id)!;
}

/** What still names an issuer, in words ("2 kế hoạch, 1 văn bản"); empty when nothing does. */
async function issuerUses(db: Kysely<Database>, id: number): Promise<string[]> {
  const count = async (q: Promise<{ n: number | string | bigint } | undefined>) => Number((await q)?.n ?? 0);
  const plans = await count(db.selectFrom('plans').select((eb) => eb.fn.countAll().as('n')).where('issuer_id', '=', id).executeTakeFirst());
  const documents = await count(db.selectFrom('documents').select((eb) => eb.fn.countAll().as('n')).where('issuer_id', '=', id).executeTakeFirst());
  const copies = await count(db.selectFrom('issued_copies').select((eb) => eb.fn.countAll().as('n')).where('issuer_id', '=', id).executeTakeFirst());
  const numbers = await count(
    db
      .selectFrom('number_allocations')
      .innerJoin('number_series', 'number_series.id', 'number_allocations.series_id')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('number_series.issuer_id', '=', id)
      .executeTakeFirst(),
  );
  return [
    plans ? `${plans} kế hoạch` : '',
    documents ? `${documents} văn bản` : '',
    copies ? `${copies} bản đã ban hành` : '',
    numbers ? `${numbers} số đã cấp` : '',
  ].filter(Boolean);
}

/**
 * Deletes an issuing body no record names. Its own signer profiles become shared by all issuers
 * (they are the user's work, not the issuer's).
 */
export async function deleteIssuer(db: Kysely<Database>, input: { id: number; revision?: number | null | undefined }): Promise<void> {
  await transactional(db, async (trx) => {
    const stored = await issuerOrThrow(trx, input.id);
    const all = await trx.selectFrom('issuers').select('id').execute();
    if (all.length === 1) throw new ServiceError('CONFLICT', `Không xóa được "${stored.label}": đây là cơ quan ban hành duy nhất, văn bản nào cũng cần một cơ quan ban hành.`);
    if (stored.is_default === 1) {
      throw new ServiceError('CONFLICT', `Không xóa được "${stored.label}" vì đang là cơ quan ban hành mặc định: hãy đặt một cơ quan khác làm mặc định trước.`);
    }
    const uses = await issuerUses(trx, stored.id);
    if (uses.length) throw new ServiceError('CONFLICT', `Không xóa được "${stored.label}" vì đang được dùng: ${uses.join(', ')}. Không có gì bị thay đổi.`);
    await claimRevision(trx, 'issuers', stored.id, input.revision, issuerRecord(stored.label));
    await trx.updateTable('signer_profiles').set({ issuer_id: null }).where('issuer_id', '=', stored.id).execute();
    await trx.deleteFrom('issuers').where('id', '=', stored.id).execute();
  });
}

/** Makes one issuer the default (the one new plans and documents get). */
export async function setDefaultIssuer(db: Kysely<Database>, id: number): Promise<Issuer[]> {
  await transactional(db, async (trx) => {
    await issuerOrThrow(trx, id);
    await trx.updateTable('issuers').set({ is_default: 0 }).where('is_default', '=', 1).execute();
    await trx.updateTable('issuers').set({ is_default: 1 }).where('id', '=', id).execute();
  });
  return listIssuers(db);
}

/** The default issuer's id, or the given one after checking it exists. */
export async function issuerIdFor(db: Kysely<Database>, issuerId: number | null | undefined): Promise<number | null> {
  if (issuerId !== null && issuerId !== undefined) return (await issuerOrThrow(db, issuerId)).id;
  return (await db.selectFrom('issuers').select('id').where('is_default', '=', 1).executeTakeFirst())?.id ?? null;
}

/** The series of an issuer, with the kinds each numbers and how many numbers it gave this calendar year. */
export async function listNumberSeries(db: Kysely<Database>, issuerId: number, year = new Date().getFullYear()): Promise<NumberSeries[]> {
  await issuerOrThrow(db, issuerId);
  const series = await db.selectFrom('number_series').select(['id', 'name', 'revision']).where('issuer_id', '=', issuerId).execute();
  const kinds = await db.selectFrom('number_series_kinds').select(['kind', 'series_id']).where('issuer_id', '=', issuerId).execute();
  const used = await db
    .selectFrom('number_allocations')
    .innerJoin('number_series', 'number_series.id', 'number_allocations.series_id')
    .select(['number_allocations.series_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('number_series.issuer_id', '=', issuerId)
    .where('number_allocations.year', '=', year)
    .groupBy('number_allocations.series_id')
    .execute();
  const order = (k: string) => DOCUMENT_KIND_IDS.indexOf(k as DocumentKind);
  return series
    .map((s) => ({
      id: s.id,
      issuerId,
      name: s.name,
      kinds: kinds
        .filter((k) => k.series_id === s.id && order(k.kind) >= 0)
        .map((k) => k.kind as DocumentKind)
        .sort((a, b) => order(a) - order(b)),
      revision: s.revision,
      usedNumbers: Number(used.find((u) => u.series_id === s.id)?.n ?? 0),
    }))
    .sort((a, b) => compareVietnamese(a.name, b.name));
}

const kindNames = (kinds: readonly string[]) => kinds.map((k) => DOCUMENT_KINDS[k as DocumentKind]?.name ?? k).join(', ');

/** Refuses a change that leaves a kind of the issuer without a series. */
async function checkEveryKindNumbered(trx: Kysely<Database>, issuerId: number): Promise<void> {
  const have = new Set((await trx.selectFrom('number_series_kinds').select('kind').where('issuer_id', '=', issuerId).execute()).map((r) => r.kind));
  const missing = DOCUMENT_KIND_IDS.filter((k) => !have.has(k));
  if (missing.length) {
    throw new ServiceError('VALIDATION', `Loại văn bản chưa có sổ nào đánh số: ${kindNames(missing)}. Hãy chọn các loại này cho một sổ. Không có gì bị thay đổi.`, [
      { path: 'kinds', label: 'Loại văn bản', message: `chưa có sổ: ${kindNames(missing)}` },
    ]);
  }
}

/**
 * Creates or renames a series and sets the kinds it numbers. A kind chosen here leaves the series
 * that numbered it before; every kind must still be numbered by one series of the issuer.
 * Answers the issuer's series as they are now.
 */
export async function saveNumberSeries(db: Kysely<Database>, input: NumberSeriesInput): Promise<NumberSeries[]> {
  await transactional(db, async (trx) => {
    await issuerOrThrow(trx, input.issuerId);
    const now = new Date().toISOString();
    const sameName = await trx.selectFrom('number_series').select('id').where('issuer_id', '=', input.issuerId).where('name', '=', input.name).executeTakeFirst();
    if (sameName && sameName.id !== input.id) {
      throw new ServiceError('DUPLICATE', `Cơ quan này đã có sổ "${input.name}": hãy đặt tên khác.`, [{ path: 'name', label: 'Tên sổ', message: 'trùng tên sổ' }]);
    }
    let id: number;
    if (input.id === null || input.id === undefined) {
      id = (await trx.insertInto('number_series').values({ issuer_id: input.issuerId, name: input.name, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id;
    } else {
      const stored = await trx.selectFrom('number_series').select(['id', 'name', 'issuer_id']).where('id', '=', input.id).executeTakeFirst();
      if (!stored || stored.issuer_id !== input.issuerId) throw new ServiceError('NOT_FOUND', `Không tìm thấy sổ số ${input.id} của cơ quan này (có thể đã bị xóa ở cửa sổ khác).`);
      await claimRevision(trx, 'number_series', stored.id, input.revision, `Sổ "${stored.name}"`);
      await trx.updateTable('number_series').set({ name: input.name, updated_at: now }).where('id', '=', stored.id).execute();
      id = stored.id;
    }
    await trx.deleteFrom('number_series_kinds').where('issuer_id', '=', input.issuerId).where((eb) => eb.or([eb('series_id', '=', id), eb('kind', 'in', input.kinds)])).execute();
    await trx.insertInto('number_series_kinds').values(input.kinds.map((kind) => ({ issuer_id: input.issuerId, kind, series_id: id }))).execute();
    await checkEveryKindNumbered(trx, input.issuerId);
  });
  return listNumberSeries(db, input.issuerId);
}

/** Deletes a series that never gave a number and numbers no kind any more. */
export async function deleteNumberSeries(db: Kysely<Database>, input: { id: number; revision?: number | null | undefined }): Promise<NumberSeries[]> {
  const issuerId = await transactional(db, async (trx) => {
    const stored = await trx.selectFrom('number_series').select(['id', 'name', 'issuer_id']).where('id', '=', input.id).executeTakeFirst();
    if (!stored) throw new ServiceError('NOT_FOUND', `Không tìm thấy sổ số ${input.id} (có thể đã bị xóa ở cửa sổ khác).`);
    const { n } = await trx.selectFrom('number_allocations').select((eb) => eb.fn.countAll<number>().as('n')).where('series_id', '=', stored.id).executeTakeFirstOrThrow();
    if (Number(n) > 0) {
      throw new ServiceError('CONFLICT', `Không xóa được sổ "${stored.name}": sổ đã cấp ${Number(n)} số cho văn bản. Số đã cấp phải giữ lại trong sổ. Không có gì bị thay đổi.`);
    }
    await claimRevision(trx, 'number_series', stored.id, input.revision, `Sổ "${stored.name}"`);
    await trx.deleteFrom('number_series').where('id', '=', stored.id).execute();
    await checkEveryKindNumbered(trx, stored.issuer_id);
    return stored.issuer_id;
  });
  return listNumberSeries(db, issuerId);
}
