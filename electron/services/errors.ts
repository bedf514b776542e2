import type { ApiError } from '../../shared/api';
import { DatabaseOpenError } from '../db/errors';
import { writeErrorMessage } from '../db/write-errors';

/** A failure a service reports on purpose; its message is Vietnamese and reaches the user as is. */
export class ServiceError extends Error {
  constructor(
    readonly code: ApiError['code'],
    message: string,
    readonly fields?: ApiError['fields'],
    /** The record was saved elsewhere after this edit began. */
    readonly stale = false,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof ServiceError) {
    return { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}), ...(err.stale ? { stale: true as const } : {}) };
  }
  if (err instanceof DatabaseOpenError) return { code: 'DATABASE', message: err.message };
  // a known cause (full disk, read-only folder, busy or damaged file…) is named, whatever layer threw it
  const cause = writeErrorMessage(err);
  if (cause) return { code: 'DATABASE', message: cause };
  const code = (err as { code?: string } | null)?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) {
    if (code.startsWith('SQLITE_CONSTRAINT')) {
      return { code: 'CONFLICT', message: 'Dữ liệu vi phạm ràng buộc (trùng lặp hoặc đang được sử dụng nơi khác). Không có gì bị thay đổi.' };
    }
    return { code: 'DATABASE', message: `Lỗi cơ sở dữ liệu (${code}). Không có gì bị thay đổi.` };
  }
  return { code: 'INTERNAL', message: 'Đã xảy ra lỗi không mong muốn. Không có gì bị thay đổi; hãy thử lại hoặc báo cho bộ phận kỹ thuật.' };
}
