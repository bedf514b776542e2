import path from 'node:path';
import { openDatabase, type AppDatabase } from '../db/connection';
import { autoBackup } from './backups';
import { createDispatcher, type Dispatch } from './dispatch';
import { createHandlers, type HandlerContext } from './handlers';
import { getBackupKeep } from './maintenance';
import { restoreBackup } from './restore';
import { sweepLeftovers } from './temp-files';

export interface Backend {
  dispatch: Dispatch;
  readonly database: AppDatabase;
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
 * closes the database, swaps the file and opens it again; requests then reach the new one.
 */
export function startBackend(options: Options): Backend {
  const { userDataDir, ...context } = options;
  const file = databaseFile(userDataDir);
  const backupDir = backupFolder(userDataDir);
  let database = openDatabase(file);
  let dispatch: Dispatch;

  const maintenance: HandlerContext['maintenance'] = {
    backupDir,
    async restore(backupFile, name) {
      await database.close();
      try {
        return await restoreBackup(file, backupFile, { backupDir, name });
      } finally {
        // reopen whatever is there now: the restored file, or the untouched one if the restore refused
        database = openDatabase(file);
        dispatch = build();
      }
    },
  };
  const build = () => createDispatcher(createHandlers({ database, ...context, maintenance }));
  dispatch = build();

  // Copies of user data a crash or an older version left in temp folders.
  sweepLeftovers([path.dirname(file), backupDir]);

  // One automatic backup a day at start-up; a failure must not stop the app from opening.
  void getBackupKeep(database.db)
    .then((keep) => autoBackup(database, backupDir, { keep }))
    .catch((err: Error) => console.error(`Không sao lưu tự động được: ${err.message}`));

  return {
    dispatch: (name, input) => dispatch(name, input),
    get database() {
      return database;
    },
    close: () => database.close(),
  };
}
