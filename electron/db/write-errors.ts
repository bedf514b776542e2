/**
 * Why a write to the data folder failed, in words a user can act on. SQLite reports its own codes
 * (SQLITE_FULL, SQLITE_READONLY_DBMOVED, SQLITE_IOERR_WRITE…), Node the system's (ENOSPC, EROFS…);
 * both end up here so neither ever reaches the user raw.
 */
export type WriteProblem = 'FULL' | 'READ_ONLY' | 'CANNOT_OPEN' | 'BAD_PATH' | 'IO' | 'BUSY' | 'IN_USE' | 'DAMAGED';

const UNSAVED = 'thay đổi vừa rồi chưa được lưu, dữ liệu đã có không bị ảnh hưởng.';

const MESSAGES: Record<WriteProblem, string> = {
  FULL: `Không ghi được dữ liệu: ổ đĩa đã đầy. Hãy giải phóng chỗ trống trên ổ đĩa rồi thử lại; ${UNSAVED}`,
  READ_ONLY: `Không ghi được dữ liệu: thư mục dữ liệu hoặc tệp dữ liệu chỉ cho phép đọc (không có quyền ghi, hoặc ổ đĩa đang bị khóa ghi). Hãy cấp quyền ghi cho thư mục dữ liệu rồi thử lại; ${UNSAVED}`,
  CANNOT_OPEN: `Không mở được tệp dữ liệu để ghi: thư mục dữ liệu không tồn tại, đã bị di chuyển hoặc không cho phép truy cập. Hãy kiểm tra thư mục dữ liệu rồi thử lại; ${UNSAVED}`,
  BAD_PATH: `Không ghi được dữ liệu: đường dẫn thư mục dữ liệu không hợp lệ (một phần của đường dẫn là tệp chứ không phải thư mục, hoặc thư mục không còn tồn tại). Hãy kiểm tra thư mục dữ liệu rồi thử lại; ${UNSAVED}`,
  IO: `Không ghi được dữ liệu: lỗi đọc/ghi ổ đĩa (ổ đĩa bị rút ra, ổ mạng mất kết nối hoặc ổ đĩa bị lỗi). Hãy kiểm tra ổ đĩa rồi thử lại; ${UNSAVED}`,
  BUSY: `Không ghi được dữ liệu: tệp dữ liệu đang bận (một chương trình khác đang dùng nó). Hãy thử lại sau giây lát; ${UNSAVED}`,
  IN_USE: `Không ghi được dữ liệu: tệp dữ liệu đang bị một chương trình khác giữ (ví dụ phần mềm diệt virus hoặc đồng bộ tệp). Hãy đóng chương trình đó hoặc đợi giây lát rồi thử lại; ${UNSAVED}`,
  DAMAGED: 'Không đọc hoặc ghi được dữ liệu: tệp dữ liệu bị hỏng. Hãy đóng rồi mở lại NoiVu Desk để khôi phục từ bản sao lưu; không có gì được ghi thêm vào tệp hỏng.',
};

const SYSTEM: Record<string, WriteProblem> = {
  ENOSPC: 'FULL',
  EDQUOT: 'FULL',
  EFBIG: 'FULL',
  EROFS: 'READ_ONLY',
  EACCES: 'READ_ONLY',
  EPERM: 'READ_ONLY',
  ENOTDIR: 'BAD_PATH',
  EISDIR: 'BAD_PATH',
  EIO: 'IO',
  EBUSY: 'IN_USE',
};

/** SQLite's primary result code (the part before any extended suffix) decides. */
const SQLITE: Record<string, WriteProblem> = {
  SQLITE_FULL: 'FULL',
  SQLITE_READONLY: 'READ_ONLY',
  SQLITE_PERM: 'READ_ONLY',
  SQLITE_CANTOPEN: 'CANNOT_OPEN',
  SQLITE_IOERR: 'IO',
  SQLITE_BUSY: 'BUSY',
  SQLITE_LOCKED: 'BUSY',
  SQLITE_CORRUPT: 'DAMAGED',
  SQLITE_NOTADB: 'DAMAGED',
};

export function writeProblem(err: unknown): WriteProblem | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code.startsWith('SQLITE_')) {
    const primary = code.split('_').slice(0, 2).join('_');
    return SQLITE[primary] ?? null;
  }
  return SYSTEM[code] ?? null;
}

/** The Vietnamese message for a failed write whose cause is known, or null. */
export function writeErrorMessage(err: unknown): string | null {
  const problem = writeProblem(err);
  return problem ? MESSAGES[problem] : null;
}
