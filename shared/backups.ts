import { requiredLine } from './fields';
import { z } from './validation';

/** How many daily backups to keep: the contract's rule, and the one a value read back from a database must pass. */
export const BackupKeepSchema = z.number().int().min(1).max(365);
export const DEFAULT_BACKUP_KEEP = 10;

/** A backup uploaded in browser mode (no size cap: it is the whole database). */
export const UploadedBackupSchema = z
  .object({ fileName: requiredLine(255), base64: z.string().max(700_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'nội dung tệp không đọc được' }) })
  .strict();

/** What a checked backup holds, shown before the user confirms the restore. */
export const BackupSummarySchema = z.object({
  /** The name the user chose the file by. */
  fileName: z.string(),
  /** Desktop: the chosen path, to pass back to restoreFromBackup; browser mode: null. */
  path: z.string().nullable(),
  schemaVersion: z.number(),
  /** The newest change recorded in the data (ISO timestamp), if any. */
  lastSavedAt: z.string().nullable(),
  agencies: z.number(),
  plans: z.number(),
  documents: z.number(),
});

export type BackupSummary = z.output<typeof BackupSummarySchema>;
