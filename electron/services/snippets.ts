import { sql, type Kysely } from 'kysely';
import type { Snippet, SnippetFields } from '../../shared/snippets';
import { compareVietnamese, foldVietnamese } from '../../shared/text';
import type { Database } from '../db/schema';
import { transactional } from '../db/transaction';
import { ServiceError } from './errors';
import { claimRevision } from './revisions';

/** The library of reusable paragraphs, searched without diacritics. */
export async function listSnippets(db: Kysely<Database>, query: string): Promise<Snippet[]> {
  let q = db.selectFrom('paragraph_snippets').select(['id', 'title', 'text', 'revision']);
  for (const token of foldVietnamese(query).split(' ').filter(Boolean)) q = q.where(sql<boolean>`instr(' ' || search_key, ${' ' + token}) > 0`);
  return (await q.execute()).sort((a, b) => compareVietnamese(a.title, b.title));
}

export async function saveSnippet(db: Kysely<Database>, input: SnippetFields): Promise<Snippet> {
  const now = new Date().toISOString();
  const values = { title: input.title, text: input.text, search_key: foldVietnamese(`${input.title} ${input.text}`), updated_at: now };
  return transactional(db, async (trx) => {
    const id = input.id;
    if (id === undefined) {
      const row = await trx.insertInto('paragraph_snippets').values({ ...values, created_at: now }).returning('id').executeTakeFirstOrThrow();
      return { id: row.id, title: input.title, text: input.text, revision: 1 };
    }
    const stored = await trx.selectFrom('paragraph_snippets').select('title').where('id', '=', id).executeTakeFirst();
    if (!stored) throw new ServiceError('NOT_FOUND', `Không tìm thấy đoạn mẫu số ${id}.`);
    const revision = await claimRevision(trx, 'paragraph_snippets', id, input.revision, `Đoạn mẫu "${stored.title}"`);
    await trx.updateTable('paragraph_snippets').set(values).where('id', '=', id).execute();
    return { id, title: input.title, text: input.text, revision };
  });
}

export async function deleteSnippet(db: Kysely<Database>, id: number): Promise<void> {
  const r = await db.deleteFrom('paragraph_snippets').where('id', '=', id).executeTakeFirst();
  if (r.numDeletedRows === 0n) throw new ServiceError('NOT_FOUND', `Không tìm thấy đoạn mẫu số ${id}.`);
}
