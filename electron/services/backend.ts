import path from 'node:path';
import { openDatabase, type AppDatabase } from '../db/connection';
import { createDispatcher, type Dispatch } from './dispatch';
import { createHandlers, type HandlerContext } from './handlers';

export interface Backend {
  dispatch: Dispatch;
  database: AppDatabase;
  close(): Promise<void>;
}

/** Where the database lives inside an application data folder. */
export function databaseFile(userDataDir: string): string {
  return path.join(userDataDir, 'data', 'noivu.sqlite');
}

/** Everything behind the contract, ready for a transport (Electron IPC or loopback HTTP). */
export function startBackend(options: { userDataDir: string } & Omit<HandlerContext, 'database'>): Backend {
  const { userDataDir, ...context } = options;
  const database = openDatabase(databaseFile(userDataDir));
  const dispatch = createDispatcher(createHandlers({ database, ...context }));
  return { dispatch, database, close: () => database.close() };
}
