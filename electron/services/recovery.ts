import path from 'node:path';
import { REQUEST_NAMES } from '../../shared/api';
import { DAMAGE_REASONS, type StartupState } from '../../shared/startup';
import type { DatabaseOpenError } from '../db/errors';
import { listBackups } from './backups';
import { ServiceError } from './errors';
import type { DesktopPort } from './files';
import type { Handlers } from './handlers';
import { chooseBackupSource } from './maintenance';

/**
 * Recovery mode: the data file could not be opened at start (damaged, empty, locked, unwritable…).
 * The backend still runs so the renderer can explain what happened and offer a way out; only the
 * start-up requests answer, every other one is refused with the reason. Nothing here writes to the
 * damaged file: replacing it is restoreBackup's job, which keeps it as a copy first.
 */

export interface RecoveryContext {
  problem: DatabaseOpenError;
  dataFile: string;
  backupDir: string;
  desktop?: DesktopPort;
  /** Replaces the data file by a backup and reopens it; throws if the result still does not open. */
  recover(backupFile: string, name: string): Promise<{ safetyCopy: string | null }>;
  /** Tries to open the data file again (for causes that can pass: a lock released, a folder made writable). */
  retry(): StartupState;
}

const isDamage = (reason: DatabaseOpenError['reason']): reason is (typeof DAMAGE_REASONS)[number] =>
  (DAMAGE_REASONS as readonly string[]).includes(reason);

export function newestAutoBackup(backupDir: string): { file: string; name: string; modifiedAt: string } | null {
  const entry = listBackups(backupDir).find((b) => b.kind === 'auto');
  return entry ? { file: entry.file, name: entry.name, modifiedAt: entry.modifiedAt } : null;
}

export function startupState(problem: DatabaseOpenError, dataFile: string, backupDir: string): StartupState {
  const dataFolder = path.dirname(dataFile);
  if (isDamage(problem.reason)) {
    const newest = newestAutoBackup(backupDir);
    return {
      state: 'damaged',
      reason: problem.reason,
      message: problem.message,
      dataFolder,
      newestAutoBackup: newest && { name: newest.name, modifiedAt: newest.modifiedAt },
    };
  }
  return { state: 'unavailable', reason: problem.reason, message: problem.message, dataFolder };
}

/** What every request but the start-up ones answers while the data is not open. */
function refusal(problem: DatabaseOpenError): ServiceError {
  return isDamage(problem.reason)
    ? new ServiceError(
        'DATABASE',
        'Tệp dữ liệu bị hỏng nên chưa dùng được chức năng này. Hãy khôi phục dữ liệu từ bản sao lưu trên màn hình khôi phục (đóng rồi mở lại NoiVu Desk để thấy màn hình đó).',
      )
    : new ServiceError('DATABASE', `Chưa mở được dữ liệu nên chưa dùng được chức năng này. ${problem.message}`);
}

/** Closes the desktop app; a browser tab is closed by the user. */
export function quitApp(desktop: DesktopPort | undefined): { ok: true } {
  if (!desktop?.quit) throw new ServiceError('VALIDATION', 'Trong trình duyệt, hãy đóng thẻ này để thoát; dữ liệu không bị thay đổi.');
  desktop.quit();
  return { ok: true };
}

export function recoveryHandlers(context: RecoveryContext): Handlers {
  const { problem, dataFile, backupDir, desktop } = context;
  const refuse = async () => {
    throw refusal(problem);
  };
  const mustBeDamaged = () => {
    if (!isDamage(problem.reason)) throw new ServiceError('VALIDATION', `Không cần khôi phục từ bản sao lưu: ${problem.message}`);
  };
  const handlers = Object.fromEntries(REQUEST_NAMES.map((name) => [name, refuse])) as unknown as Handlers;
  return {
    ...handlers,
    getStartupState: async () => {
      // damage does not heal by itself; a lock or a folder's permissions may have changed since
      return isDamage(problem.reason) ? startupState(problem, dataFile, backupDir) : context.retry();
    },
    recoverFromNewestBackup: async () => {
      mustBeDamaged();
      const newest = newestAutoBackup(backupDir);
      if (!newest) throw new ServiceError('NOT_FOUND', `Không có bản sao lưu tự động nào trong thư mục "${backupDir}". Hãy chọn "Khôi phục từ tệp…".`);
      return { backupName: newest.name, ...(await context.recover(newest.file, newest.name)) };
    },
    recoverFromFile: async ({ file }) => {
      mustBeDamaged();
      const source = await chooseBackupSource(file, desktop);
      if (!source) return { restored: false, safetyCopy: null };
      try {
        return { restored: true, ...(await context.recover(source.path, source.name)) };
      } finally {
        source.dispose();
      }
    },
    quitApp: async () => quitApp(desktop),
  };
}
