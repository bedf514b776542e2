import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { formatVnDate } from '../../../shared/dates';
import type { FileContent } from '../../../shared/files';
import { padNd30 } from '../../../shared/nd30';
import type { IssueRecordInput, NumberProposal, RecordHistory, RecordRef, WithdrawRecordInput } from '../../../shared/record';
import type { Database } from '../../db/schema';
import { transactional } from '../../db/transaction';
import { currentActor } from '../actor';
import { renderForExport } from '../document-export';
import { ServiceError } from '../errors';
import { issuerProfileFor } from '../issuer-profile';
import { claimRevision } from '../revisions';
import { adapterFor, kyHieuFor, type RecordAdapter, type RecordRow } from './adapters';
import { allocateNumber, findSeries, kindName, proposeInSeries, seriesById, seriesFor } from './numbering';

const NO_ISSUER = 'Chưa khai báo cơ quan ban hành (Cài đặt → Cơ quan ban hành).';

async function issuerOf(db: Kysely<Database>, row: RecordRow) {
  const issuer = await issuerProfileFor(db, row.issuerId);
  const issuerId = row.issuerId ?? (await db.selectFrom('issuers').select('id').where('is_default', '=', 1).executeTakeFirst())?.id;
  if (!issuer || issuerId === undefined) throw new ServiceError('VALIDATION', NO_ISSUER);
  return { issuer, issuerId };
}

/** The copy in force, if the record is issued. */
function currentCopy(db: Kysely<Database>, ref: RecordRef) {
  return db.selectFrom('issued_copies').selectAll().where('record_type', '=', ref.recordType).where('record_id', '=', ref.id).where('withdrawn_at', 'is', null).executeTakeFirst();
}

/** The number a withdrawn record holds for its correction (the latest one it was issued under). */
async function ownNumber(db: Kysely<Database>, ref: RecordRef) {
  return (
    (await db
      .selectFrom('issued_copies')
      .select(['number', 'year', 'series_id', 'issued_date'])
      .where('record_type', '=', ref.recordType)
      .where('record_id', '=', ref.id)
      .orderBy('id', 'desc')
      .executeTakeFirst()) ?? null
  );
}

/** What the issue dialog offers: the next number of the record's series and year, the gaps, the ký hiệu that will print. */
export async function proposeIssueNumber(db: Kysely<Database>, ref: RecordRef & { year?: number }): Promise<NumberProposal> {
  const adapter = adapterFor(ref.recordType);
  const row = await adapter.load(db, ref.id);
  const { issuer, issuerId } = await issuerOf(db, row);
  const series = await findSeries(db, issuerId, row.kind);
  const year = ref.year ?? new Date().getFullYear();
  const { next, gaps, gapCount } = await proposeInSeries(db, series?.id ?? null, year);
  const own = await ownNumber(db, ref);
  return {
    seriesId: series?.id ?? null,
    seriesName: series?.name ?? kindName(row.kind),
    year,
    next,
    gaps,
    gapCount,
    code: kyHieuFor(row, issuer),
    issuer: issuer.issuerFullName || issuer.issuerName.replace(/\n/g, ' '),
    ownNumber: own ? { number: own.number, year: own.year } : null,
  };
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function claim(trx: Kysely<Database>, adapter: RecordAdapter, row: RecordRow, revision: number | null | undefined): Promise<void> {
  await claimRevision(trx, adapter.table, row.id, revision, adapter.name(row));
}

/**
 * Issues a record in one transaction: revision check, number allocation (the primary key refuses a
 * number held by another record), the model built with the number and date from the record's own
 * issuer, rendered, hashed and stored as the frozen copy; the record becomes read-only.
 */
export async function issueRecord(db: Kysely<Database>, input: IssueRecordInput): Promise<{ copyId: number }> {
  const adapter = adapterFor(input.recordType);
  return transactional(db, async (trx) => {
    const row = await adapter.load(trx, input.id);
    if (row.status === 'issued') throw new ServiceError('CONFLICT', `${adapter.name(row)} đã ban hành. Muốn sửa thì thu hồi để đính chính trước.`);
    await claim(trx, adapter, row, input.revision);
    const { issuer, issuerId } = await issuerOf(trx, row);
    const year = Number(input.date.slice(0, 4));
    let number = input.number;
    let series;
    if (input.keepNumber) {
      const own = await ownNumber(trx, input);
      if (!own) throw new ServiceError('VALIDATION', `${adapter.name(row)} chưa từng ban hành nên không có số cũ để giữ. Hãy lấy số mới.`);
      if (own.year !== year) throw new ServiceError('VALIDATION', `Giữ số cũ: số ${padNd30(own.number)} thuộc sổ năm ${own.year}, ngày ban hành phải trong năm ${own.year}.`);
      number = own.number;
      series = own.series_id === null ? await seriesFor(trx, issuerId, row.kind) : await seriesById(trx, own.series_id);
    } else {
      series = await seriesFor(trx, issuerId, row.kind);
    }
    await allocateNumber(trx, series, year, number, input);
    const code = kyHieuFor(row, issuer);
    const model = { ...(await adapter.buildModel(trx, input.id, { number, date: input.date })), code };
    const file = await renderForExport(model);
    const docx = Buffer.from(file.base64, 'base64');
    const now = new Date().toISOString();
    const { id: copyId } = await trx
      .insertInto('issued_copies')
      .values({
        record_type: input.recordType,
        record_id: input.id,
        kind: row.kind,
        issuer_id: issuerId,
        series_id: series.id,
        year,
        number,
        code,
        issued_date: input.date,
        title: row.title,
        signer_name: model.signature.name,
        recipients_text: model.distribution.items.join('\n'),
        drafting_unit: row.kind === 'cong-van' ? row.unit || issuer.draftingUnitAbbr : issuer.draftingUnitAbbr,
        model_json: JSON.stringify(model),
        docx,
        sha256: sha256(docx),
        issued_by: currentActor(),
        issued_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await adapter.setIssued(trx, input.id, { number, date: input.date, code });
    const how = input.keepNumber ? 'ban hành lại, giữ số cũ (đính chính)' : 'ban hành';
    await adapter.logEvent(trx, input.id, how, `Số ${padNd30(number)}/${code}, ngày ${formatVnDate(input.date)}`);
    return { copyId };
  });
}

/** Withdraws the issued copy for correction: kept in the history with who, when and why; the record is editable again and keeps its number. */
export async function withdrawRecord(db: Kysely<Database>, input: WithdrawRecordInput): Promise<void> {
  const reason = input.reason.trim();
  if (!reason) throw new ServiceError('VALIDATION', 'Lý do thu hồi: hãy ghi lý do (ví dụ: sai tên cơ quan nhận).', [{ path: 'reason', label: 'Lý do thu hồi', message: 'không được để trống' }]);
  const adapter = adapterFor(input.recordType);
  await transactional(db, async (trx) => {
    const row = await adapter.load(trx, input.id);
    const copy = await currentCopy(trx, input);
    if (row.status !== 'issued' || !copy) throw new ServiceError('CONFLICT', `${adapter.name(row)} chưa ban hành nên không có gì để thu hồi.`);
    await claim(trx, adapter, row, input.revision);
    // A legacy copy is frozen before it leaves force, so its history keeps the bytes as issued, when it still renders.
    if (!copy.docx) await freezeLegacy(trx, adapter, copy.id).catch((err: unknown) => { if (!(err instanceof ServiceError)) throw err; });
    await trx.updateTable('issued_copies').set({ withdrawn_at: new Date().toISOString(), withdrawn_by: currentActor(), withdraw_reason: reason }).where('id', '=', copy.id).execute();
    await adapter.setIssued(trx, input.id, null);
    await adapter.logEvent(trx, input.id, 'thu hồi để đính chính', `Số ${padNd30(copy.number)}/${copy.code}, ngày ${formatVnDate(copy.issued_date)}; lý do: ${reason}`);
  });
}

export async function getRecordHistory(db: Kysely<Database>, ref: RecordRef): Promise<RecordHistory> {
  const adapter = adapterFor(ref.recordType);
  await adapter.load(db, ref.id);
  const copies = await db
    .selectFrom('issued_copies')
    .select(['id', 'number', 'code', 'year', 'issued_date', 'title', 'signer_name', 'issued_by', 'issued_at', 'sha256', 'legacy', 'withdrawn_at', 'withdrawn_by', 'withdraw_reason'])
    .where('record_type', '=', ref.recordType)
    .where('record_id', '=', ref.id)
    .orderBy('id', 'desc')
    .execute();
  return {
    copies: copies.map((c) => ({
      id: c.id,
      number: c.number,
      code: c.code,
      year: c.year,
      issuedDate: c.issued_date,
      title: c.title,
      signerName: c.signer_name,
      issuedBy: c.issued_by,
      issuedAt: c.issued_at,
      sha256: c.sha256,
      legacy: c.legacy === 1,
      withdrawnAt: c.withdrawn_at,
      withdrawnBy: c.withdrawn_by,
      withdrawReason: c.withdraw_reason,
    })),
    events: (await adapter.events(db, ref.id)).reverse(),
  };
}

function storedFile(copy: { docx: Buffer | null; kind: string; number: number; code: string }): FileContent {
  const name = `${copy.kind}-so-${padNd30(copy.number)}-${copy.code}`.replace(/[^A-Za-z0-9-]+/g, '-');
  return { fileName: `${name}.docx`, base64: Buffer.from(copy.docx!).toString('base64') };
}

/**
 * A legacy copy (issued before the record kept copies) is rendered once, from the record as it is
 * now, and frozen: every later export returns those bytes.
 */
async function freezeLegacy(db: Kysely<Database>, adapter: RecordAdapter, copyId: number): Promise<void> {
  await transactional(db, async (trx) => {
    const copy = await trx.selectFrom('issued_copies').selectAll().where('id', '=', copyId).executeTakeFirstOrThrow();
    if (copy.docx) return;
    const model = { ...(await adapter.buildModel(trx, copy.record_id, { number: copy.number, date: copy.issued_date })), ...(copy.code ? { code: copy.code } : {}) };
    const docx = Buffer.from((await renderForExport(model)).base64, 'base64');
    await trx
      .updateTable('issued_copies')
      .set({ model_json: JSON.stringify(model), docx, sha256: sha256(docx), signer_name: model.signature.name, recipients_text: model.distribution.items.join('\n') })
      .where('id', '=', copyId)
      .execute();
  });
}

/** The .docx of a record: the stored bytes of its issued copy exactly, or a fresh rendering of a draft. */
export async function exportRecordDocx(db: Kysely<Database>, ref: RecordRef): Promise<FileContent> {
  const adapter = adapterFor(ref.recordType);
  const row = await adapter.load(db, ref.id);
  const copy = await currentCopy(db, ref);
  if (row.status === 'issued' && copy) {
    if (!copy.docx) await freezeLegacy(db, adapter, copy.id);
    return storedFile((await db.selectFrom('issued_copies').select(['docx', 'kind', 'number', 'code']).where('id', '=', copy.id).executeTakeFirstOrThrow()));
  }
  return renderForExport(await adapter.buildModel(db, ref.id, null));
}

/** One copy of the history, as stored (a withdrawn legacy copy that was never exported has no bytes). */
export async function exportIssuedCopyDocx(db: Kysely<Database>, copyId: number): Promise<FileContent> {
  const copy = await db.selectFrom('issued_copies').select(['docx', 'kind', 'number', 'code', 'withdrawn_at', 'record_type']).where('id', '=', copyId).executeTakeFirst();
  if (!copy) throw new ServiceError('NOT_FOUND', `Không tìm thấy bản đã ban hành số ${copyId}.`);
  if (!copy.docx) {
    if (copy.withdrawn_at) throw new ServiceError('NOT_FOUND', 'Bản này được ban hành trước khi ứng dụng lưu bản gốc và đã bị thu hồi trước khi được xuất, nên không còn tệp .docx.');
    await freezeLegacy(db, adapterFor(copy.record_type), copyId);
    return exportIssuedCopyDocx(db, copyId);
  }
  return storedFile(copy);
}
