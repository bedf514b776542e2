import { z } from './validation';

/** Why the data file could not be opened at start. The first three are damage a backup repairs. */
export const DAMAGE_REASONS = ['CORRUPT', 'NOT_A_DATABASE', 'EMPTY'] as const;
export const UNAVAILABLE_REASONS = ['NEWER_VERSION', 'LOCKED', 'MIGRATION_FAILED', 'UNWRITABLE'] as const;

/**
 * What the renderer asks first: whether the data opened, and if not what happened. The message is
 * Vietnamese and plain (no raw SQLite output); `dataFolder` says where the file is.
 */
export const StartupStateSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ok') }),
  z.object({
    state: z.literal('damaged'),
    reason: z.enum(DAMAGE_REASONS),
    message: z.string(),
    dataFolder: z.string(),
    newestAutoBackup: z.object({ name: z.string(), modifiedAt: z.string() }).nullable(),
  }),
  z.object({ state: z.literal('unavailable'), reason: z.enum(UNAVAILABLE_REASONS), message: z.string(), dataFolder: z.string() }),
]);

export type StartupState = z.output<typeof StartupStateSchema>;

