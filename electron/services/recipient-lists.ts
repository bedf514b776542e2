import type { Kysely } from 'kysely';
import {
  composeDistribution,
  distributionLines,
  kinhGuiLines,
  lineLabel,
  type DistributionOptions,
  type RecipientLine,
  type RecipientList,
  type RecipientListKind,
} from '../../shared/recipients';
import { compareVietnamese, foldVietnamese } from '../../shared/text';
import type { Database } from '../db/schema';
import { transactional } from '../db/transaction';
import { ServiceError } from './errors';
import { claimRevision } from './revisions';
import { getIssuerProfile } from './issuer-profile';

interface ResolvedLines {
  labels: string[];
  /** Lines naming an agency that was deactivated or replaced. */
  warnings: string[];
}

/**
 * The printed text of each line: an agency by its short name in a Nơi nhận and its full name in a
 * Kính gửi, a group by its name, free text as typed; then the note.
 */
export async function resolveLines(db: Kysely<Database>, kind: RecipientListKind, lines: readonly RecipientLine[]): Promise<ResolvedLines> {
  const agencyIds = lines.flatMap((l) => (l.type === 'agency' ? [l.agencyId] : []));
  const groupIds = lines.flatMap((l) => (l.type === 'group' ? [l.groupId] : []));
  const agencies = agencyIds.length
    ? await db.selectFrom('agencies as a').leftJoin('agencies as s', 's.id', 'a.replaced_by_id').select(['a.id', 'a.full_name', 'a.short_name', 'a.active', 's.short_name as successor']).where('a.id', 'in', agencyIds).execute()
    : [];
  const groups = groupIds.length ? await db.selectFrom('agency_groups').select(['id', 'name']).where('id', 'in', groupIds).execute() : [];
  const labels: string[] = [];
  const warnings: string[] = [];
  lines.forEach((line, i) => {
    let name: string;
    if (line.type === 'agency') {
      const a = agencies.find((x) => x.id === line.agencyId);
      if (!a) throw new ServiceError('VALIDATION', `Dòng ${i + 1}: cơ quan số ${line.agencyId} không tồn tại.`);
      name = kind === 'kinh-gui' ? a.full_name : a.short_name;
      if (a.successor) warnings.push(`Dòng ${i + 1}: "${a.short_name}" đã được thay thế bởi "${a.successor}".`);
      else if (!a.active) warnings.push(`Dòng ${i + 1}: "${a.short_name}" đã ngừng sử dụng.`);
    } else if (line.type === 'group') {
      const g = groups.find((x) => x.id === line.groupId);
      if (!g) throw new ServiceError('VALIDATION', `Dòng ${i + 1}: nhóm số ${line.groupId} không tồn tại.`);
      name = g.name;
    } else {
      name = line.text;
    }
    labels.push(lineLabel(name, line.note));
  });
  return { labels, warnings };
}

function toLine(row: { agency_id: number | null; group_id: number | null; text: string; note: string }): RecipientLine {
  if (row.agency_id !== null) return { type: 'agency', agencyId: row.agency_id, note: row.note };
  if (row.group_id !== null) return { type: 'group', groupId: row.group_id, note: row.note };
  return { type: 'text', text: row.text, note: row.note };
}

export async function listRecipientLists(db: Kysely<Database>): Promise<RecipientList[]> {
  const [lists, rows] = await Promise.all([
    db.selectFrom('recipient_lists').selectAll().execute(),
    db.selectFrom('recipient_list_lines').selectAll().orderBy('list_id').orderBy('position').execute(),
  ]);
  const result: RecipientList[] = [];
  for (const list of lists.sort((a, b) => compareVietnamese(a.name, b.name))) {
    const lines = rows.filter((r) => r.list_id === list.id).map(toLine);
    result.push({
      id: list.id,
      name: list.name,
      kind: list.kind,
      lines,
      labels: (await resolveLines(db, list.kind, lines)).labels,
      electronic: list.electronic === 1,
      drafter: list.drafter,
      revision: list.revision,
    });
  }
  return result;
}

export async function saveRecipientList(
  db: Kysely<Database>,
  input: { id?: number | undefined; name: string; kind: RecipientListKind; lines: RecipientLine[]; electronic?: boolean; drafter?: string; revision?: number | null | undefined },
): Promise<RecipientList> {
  return transactional(db, async (trx) => {
    const { labels } = await resolveLines(trx, input.kind, input.lines);
    const key = foldVietnamese(input.name);
    const clash = await trx.selectFrom('recipient_lists').select('id').where('search_key', '=', key).executeTakeFirst();
    if (clash && clash.id !== input.id) throw new ServiceError('CONFLICT', `Đã có danh sách "${input.name}".`);
    const now = new Date().toISOString();
    // A Kính gửi list prints neither line.
    const electronic = input.kind === 'noi-nhan' && input.electronic === true;
    const drafter = input.kind === 'noi-nhan' ? (input.drafter ?? '') : '';
    const values = { name: input.name, kind: input.kind, search_key: key, updated_at: now, electronic: electronic ? (1 as const) : (0 as const), drafter };
    let id = input.id;
    let revision = 1;
    if (id === undefined) {
      id = (await trx.insertInto('recipient_lists').values({ ...values, created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
    } else {
      const stored = await trx.selectFrom('recipient_lists').select('name').where('id', '=', id).executeTakeFirst();
      if (!stored) throw new ServiceError('NOT_FOUND', `Không tìm thấy danh sách số ${id}.`);
      revision = await claimRevision(trx, 'recipient_lists', id, input.revision, `Danh sách "${stored.name}"`);
      await trx.updateTable('recipient_lists').set(values).where('id', '=', id).execute();
      await trx.deleteFrom('recipient_list_lines').where('list_id', '=', id).execute();
    }
    if (input.lines.length) {
      await trx
        .insertInto('recipient_list_lines')
        .values(
          input.lines.map((line, position) => ({
            list_id: id,
            position,
            agency_id: line.type === 'agency' ? line.agencyId : null,
            group_id: line.type === 'group' ? line.groupId : null,
            text: line.type === 'text' ? line.text : '',
            note: line.note,
          })),
        )
        .execute();
    }
    return { id, name: input.name, kind: input.kind, lines: input.lines, labels, electronic, drafter, revision };
  });
}

export async function deleteRecipientList(db: Kysely<Database>, id: number): Promise<void> {
  const result = await db.deleteFrom('recipient_lists').where('id', '=', id).executeTakeFirst();
  if (result.numDeletedRows === 0n) throw new ServiceError('NOT_FOUND', `Không tìm thấy danh sách số ${id}.`);
}

/** The block exactly as a document will print it, from a list's (possibly unsaved) lines. */
export async function previewRecipientBlock(
  db: Kysely<Database>,
  input: { kind: RecipientListKind; lines: RecipientLine[]; options: DistributionOptions },
): Promise<{ printed: string[]; warnings: string[] }> {
  const { labels, warnings } = await resolveLines(db, input.kind, input.lines);
  if (input.kind === 'kinh-gui') return { printed: kinhGuiLines(labels), warnings };
  const profile = await getIssuerProfile(db);
  return { printed: distributionLines(composeDistribution(labels, input.options, profile?.draftingUnitAbbr ?? '')), warnings };
}
