import type { Kysely } from 'kysely';
import type { RecordRef } from '../../../shared/record';
import type { Database } from '../../db/schema';
import { ServiceError } from '../errors';

/** Drafts never issued may be deleted; a record with an issued copy (even withdrawn) is kept for good. */
export async function assertDeletable(db: Kysely<Database>, ref: RecordRef, name: string): Promise<void> {
  const copy = await db.selectFrom('issued_copies').select('id').where('record_type', '=', ref.recordType).where('record_id', '=', ref.id).executeTakeFirst();
  if (copy) throw new ServiceError('CONFLICT', `${name} đã ban hành nên không xóa được, chỉ thu hồi được (lịch sử ban hành được giữ lại).`);
}
