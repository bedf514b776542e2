import type { Contract, RequestName, RequestOutput } from '../../shared/api';
import type { z } from '../../shared/validation';
import type { AppDatabase } from '../db/connection';
import { getIssuerProfile, saveIssuerProfile } from './issuer-profile';

export type Handlers = {
  [N in RequestName]: (input: z.output<Contract[N]['input']>) => Promise<RequestOutput<N>>;
};

export interface HandlerContext {
  database: AppDatabase;
  version: string;
  transport: 'electron' | 'web';
}

/** Binds each request of the contract to its service. */
export function createHandlers({ database, version, transport }: HandlerContext): Handlers {
  const { db } = database;
  return {
    getAppInfo: async () => ({
      version,
      databasePath: database.file,
      schemaVersion: database.schemaVersion,
      transport,
    }),
    getIssuerProfile: () => getIssuerProfile(db),
    saveIssuerProfile: (profile) => saveIssuerProfile(db, profile),
  };
}
