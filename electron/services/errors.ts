import type { ApiError } from '../../shared/api';
import { DatabaseOpenError } from '../db/errors';

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
  const code = (err as { code?: string } | null)?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_')) {
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      return { code: 'DATABASE', message: 'Cơ sở dữ liệu đang bận, hãy thử lại sau giây lát. Dữ liệu chưa bị thay đổi.' };
    }
    if (code.startsWith('SQLITE_CONSTRAINT')) {
      return { code: 'CONFLICT', message: 'Dữ liệu vi phạm ràng buộc (trùng lặp hoặc đang được sử dụng nơi khác). Không có gì bị thay đổi.' };
    }
    return { code: 'DATABASE', message: `Lỗi cơ sở dữ liệu (${code}). Không có gì bị thay đổi.` };
  }
  return { code: 'INTERNAL', message: 'Đã xảy ra lỗi không mong muốn. Không có gì bị thay đổi; hãy thử lại hoặc báo cho bộ phận kỹ thuật.' };
}
