import { sql, type Kysely } from 'kysely';
import type { Snippet, SnippetFields } from '../../shared/snippets';
import { compareVietnamese, foldVietnamese } from '../../shared/text';
import type { Database } from '../db/schema';
import { ServiceError } from './errors';

/** The library of reusable paragraphs, searched without diacritics. */
export async function listSnippets(db: Kysely<Database>, query: string): Promise<Snippet[]> {
  let q = db.selectFrom('paragraph_snippets').select(['id', 'title', 'text']);
  for (const token of foldVietnamese(query).split(' ').filter(Boolean)) q = q.where(sql<boolean>`instr(' ' || search_key, ${' ' + token}) > 0`);
  return (await q.execute()).sort((a, b) => compareVietnamese(a.title, b.title));
}

export async function saveSnippet(db: Kysely<Database>, input: SnippetFields): Promise<Snippet> {
  const now = new Date().toISOString();
  const values = { title: input.title, text: input.text, search_key: foldVietnamese(`${input.title} ${input.text}`), updated_at: now };
  if (input.id === undefined) {
    const row = await db.insertInto('paragraph_snippets').values({ ...values, created_at: now }).returning('id').executeTakeFirstOrThrow();
    return { id: row.id, title: input.title, text: input.text };
  }
  const r = await db.updateTable('paragraph_snippets').set(values).where('id', '=', input.id).executeTakeFirst();
  if (r.numUpdatedRows === 0n) throw new ServiceError('NOT_FOUND', `Không tìm thấy đoạn mẫu số ${input.id}.`);
  return { id: input.id, title: input.title, text: input.text };
}

export async function deleteSnippet(db: Kysely<Database>, id: number): Promise<void> {
  const r = await db.deleteFrom('paragraph_snippets').where('id', '=', id).executeTakeFirst();
  if (r.numDeletedRows === 0n) throw new ServiceError('NOT_FOUND', `Không tìm thấy đoạn mẫu số ${id}.`);
}
