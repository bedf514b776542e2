import path from 'node:path';
import type { StartupState } from '../../shared/startup';
import { openDatabase, type AppDatabase } from '../db/connection';
import { DatabaseOpenError } from '../db/errors';
import { autoBackup } from './backups';
import { createDispatcher, type Dispatch } from './dispatch';
import { ServiceError } from './errors';
import { createHandlers, type HandlerContext } from './handlers';
import { getBackupKeep } from './maintenance';
import { recoveryHandlers, startupState } from './recovery';
import { restoreBackup } from './restore';
import { sweepLeftovers } from './temp-files';

export interface Backend {
  dispatch: Dispatch;
  /** The open database. Throws while the backend is in recovery mode (see `problem`). */
  readonly database: AppDatabase;
  /** Why the data file is not open (recovery mode), or null when it is. */
  readonly problem: DatabaseOpenError | null;
  readonly dataFile: string;
  close(): Promise<void>;
}

/** Where the database lives inside an application data folder. */
export function databaseFile(userDataDir: string): string {
  return path.join(userDataDir, 'data', 'noivu.sqlite');
}

export function backupFolder(userDataDir: string): string {
  return path.join(userDataDir, 'backups');
}

type Options = { userDataDir: string } & Omit<HandlerContext, 'database' | 'maintenance'>;

/**
 * Everything behind the contract, ready for a transport (Electron IPC or loopback HTTP). A restore
 * closes the database, swaps the file and opens it again; requests then reach the new one. When the
 * data file cannot be opened (damaged, empty, locked, unwritable) the backend starts anyway, in
 * recovery mode, so the user sees why and can restore a backup without restarting.
 */
export function startBackend(options: Options): Backend {
  const { userDataDir, ...context } = options;
  const file = databaseFile(userDataDir);
  const backupDir = backupFolder(userDataDir);
  let database: AppDatabase | null = null;
  let problem: DatabaseOpenError | null = null;
  let dispatch: Dispatch;

  const state = (): StartupState => (problem ? startupState(problem, file, backupDir) : { state: 'ok' });

  /** Opens the data file, or switches to recovery mode with the reason it could not. */
  const open = (): void => {
    try {
      database = openDatabase(file);
      problem = null;
      dispatch = createDispatcher(createHandlers({ database, ...context, maintenance }));
    } catch (err) {
      if (!(err instanceof DatabaseOpenError)) throw err;
      if (process.env.NODE_ENV !== 'test') console.error(`Không mở được dữ liệu (${err.reason}): ${err.message}${err.details.length ? `\n${err.details.join('\n')}` : ''}`);
      database = null;
      problem = err;
      dispatch = createDispatcher(recoveryHandlers({ problem: err, dataFile: file, backupDir, desktop: context.desktop, recover, retry: () => (open(), state()) }));
    }
  };

  const restore = (backupFile: string, name: string) => restoreBackup(file, backupFile, { backupDir, name });

  /** After a file swap: opens the new file, and says so plainly if even that one does not open. */
  function reopen<T>(result: T): T {
    open();
    if (problem) throw new ServiceError('DATABASE', `Đã thay tệp dữ liệu bằng bản sao lưu nhưng vẫn chưa mở được: ${problem.message}`);
    return result;
  }

  /** Recovery mode: the damaged file is replaced (restoreBackup keeps it as a copy), then opened as usual. */
  const recover = async (backupFile: string, name: string) => reopen(await restore(backupFile, name));

  const maintenance: HandlerContext['maintenance'] = {
    backupDir,
    async restore(backupFile, name) {
      await startupBackup;
      await database?.close();
      let result: { safetyCopy: string | null };
      try {
        result = await restore(backupFile, name);
      } catch (err) {
        open(); // the restore refused: the untouched file opens again
        throw err;
      }
      return reopen(result);
    },
  };

  open();

  // Copies of user data a crash or an older version left in temp folders.
  sweepLeftovers([path.dirname(file), backupDir]);

  // One automatic backup a day at start-up; a failure must not stop the app from opening.
  // Closing (quit, restore) waits for it, so a copy is never cut off by its own database closing.
  let startupBackup: Promise<unknown> = Promise.resolve();
  if (database) {
    const opened: AppDatabase = database;
    startupBackup = getBackupKeep(opened.db)
      .then((keep) => autoBackup(opened, backupDir, { keep }))
      .catch((err: Error) => console.error(`Không sao lưu tự động được: ${err.message}`));
  }

  return {
    dispatch: (name, input) => dispatch(name, input),
    get database() {
      if (!database) throw problem ?? new Error('database closed');
      return database;
    },
    get problem() {
      return problem;
    },
    dataFile: file,
    close: async () => {
      await startupBackup;
      await database?.close();
      database = null;
    },
  };
}
