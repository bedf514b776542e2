import type { Kysely } from 'kysely';
import type { DocumentModelInput } from '../../../shared/document/model';
import { DRAFT_KINDS } from '../../../shared/drafts';
import { composeKyHieu } from '../../../shared/nd30';
import type { IssuerProfile } from '../../../shared/profile';
import type { RecordType } from '../../../shared/record';
import type { Database } from '../../db/schema';
import { currentActor } from '../actor';
import { buildDraftModel } from '../drafts';
import { ServiceError } from '../errors';
import { buildPlanModel } from '../plans';
import { recordGone } from '../revisions';

/** The columns every issuable record has, whatever its table. */
export interface RecordRow {
  id: number;
  kind: string;
  title: string;
  status: 'draft' | 'issued';
  number: number | null;
  issuedDate: string | null;
  issuerId: number | null;
  /** The drafting unit a công văn's ký hiệu carries ("NV"); '' for other kinds. */
  unit: string;
}

export interface IssueInfo {
  number: number;
  /** ISO date. */
  date: string;
}

/** What the lifecycle needs from one record type; plans and documents plug in here. */
export interface RecordAdapter {
  recordType: RecordType;
  table: 'plans' | 'documents';
  load(db: Kysely<Database>, id: number): Promise<RecordRow>;
  /** How the record is named to the user: Kế hoạch "…", Công văn "V/v …". */
  name(row: RecordRow): string;
  /** The model rendered: with the number and date when issuing, as a draft otherwise. */
  buildModel(db: Kysely<Database>, id: number, issue: IssueInfo | null): Promise<DocumentModelInput>;
  setIssued(trx: Kysely<Database>, id: number, issued: (IssueInfo & { code: string }) | null): Promise<void>;
  logEvent(trx: Kysely<Database>, id: number, action: string, detail: string): Promise<void>;
  events(db: Kysely<Database>, id: number): Promise<{ at: string; action: string; detail: string }[]>;
}

/** The ký hiệu of a record for its issuer: the one rule of shared/nd30.ts, the same the engine prints. */
export function kyHieuFor(row: RecordRow, issuer: IssuerProfile): string {
  if (row.kind === 'cong-van') return composeKyHieu({ kind: 'cong-van', issuer: issuer.issuerAbbr, unit: row.unit || issuer.draftingUnitAbbr });
  return composeKyHieu({ kind: row.kind as 'ke-hoach', issuer: issuer.issuerAbbr });
}

function withActor(detail: string): string {
  return [detail, `người thực hiện: ${currentActor()}`].filter(Boolean).join(' — ');
}

/** Both record tables keep the same issued state: status, number, date and ký hiệu. */
async function setIssuedIn(trx: Kysely<Database>, table: RecordAdapter['table'], id: number, issued: (IssueInfo & { code: string }) | null): Promise<void> {
  const now = new Date().toISOString();
  await trx
    .updateTable(table)
    .set(issued ? { status: 'issued', number: issued.number, issued_date: issued.date, code: issued.code, updated_at: now } : { status: 'draft', updated_at: now })
    .where('id', '=', id)
    .execute();
}

const planAdapter: RecordAdapter = {
  recordType: 'plan',
  table: 'plans',
  async load(db, id) {
    const r = await db.selectFrom('plans').select(['id', 'title', 'status', 'number', 'issued_date', 'issuer_id']).where('id', '=', id).executeTakeFirst();
    if (!r) throw recordGone(`Kế hoạch số ${id}`);
    return { id: r.id, kind: 'ke-hoach', title: r.title, status: r.status, number: r.number, issuedDate: r.issued_date, issuerId: r.issuer_id, unit: '' };
  },
  name: (row) => `Kế hoạch "${row.title}"`,
  buildModel: (db, id, issue) => buildPlanModel(db, id, issue),
  setIssued: (trx, id, issued) => setIssuedIn(trx, 'plans', id, issued),
  async logEvent(trx, id, action, detail) {
    await trx.insertInto('plan_events').values({ plan_id: id, at: new Date().toISOString(), action, detail: withActor(detail) }).execute();
  },
  events: (db, id) => db.selectFrom('plan_events').select(['at', 'action', 'detail']).where('plan_id', '=', id).orderBy('id').execute(),
};

const documentAdapter: RecordAdapter = {
  recordType: 'document',
  table: 'documents',
  async load(db, id) {
    const r = await db.selectFrom('documents').select(['id', 'kind', 'title', 'status', 'number', 'issued_date', 'issuer_id', 'content_json']).where('id', '=', id).executeTakeFirst();
    if (!r) throw recordGone(`Văn bản số ${id}`);
    const content = JSON.parse(r.content_json) as { unit?: string };
    return { id: r.id, kind: r.kind, title: r.title, status: r.status, number: r.number, issuedDate: r.issued_date, issuerId: r.issuer_id, unit: r.kind === 'cong-van' ? (content.unit ?? '') : '' };
  },
  name: (row) => `${DRAFT_KINDS[row.kind as keyof typeof DRAFT_KINDS] ?? row.kind} "${row.kind === 'cong-van' ? 'V/v ' : ''}${row.title}"`,
  buildModel: (db, id, issue) => buildDraftModel(db, id, issue),
  setIssued: (trx, id, issued) => setIssuedIn(trx, 'documents', id, issued),
  async logEvent(trx, id, action, detail) {
    await trx.insertInto('document_events').values({ document_id: id, at: new Date().toISOString(), action, detail: withActor(detail) }).execute();
  },
  events: (db, id) => db.selectFrom('document_events').select(['at', 'action', 'detail']).where('document_id', '=', id).orderBy('id').execute(),
};

const ADAPTERS: Record<RecordType, RecordAdapter> = { plan: planAdapter, document: documentAdapter };

export function adapterFor(recordType: RecordType): RecordAdapter {
  const adapter = ADAPTERS[recordType];
  if (!adapter) throw new ServiceError('VALIDATION', `Loại hồ sơ không hợp lệ: ${recordType}`);
  return adapter;
}
