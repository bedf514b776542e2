/** Why a database file could not be opened; the message is shown to the user as is. */
export type OpenFailure = 'NEWER_VERSION' | 'CORRUPT' | 'NOT_A_DATABASE' | 'EMPTY' | 'LOCKED' | 'MIGRATION_FAILED' | 'UNWRITABLE';

export class DatabaseOpenError extends Error {
  constructor(
    readonly reason: OpenFailure,
    message: string,
    /** Technical details for the log (e.g. integrity_check lines), never shown to the user. */
    readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = 'DatabaseOpenError';
  }
}
