/** Why a database file could not be opened; the message is shown to the user as is. */
export class DatabaseOpenError extends Error {
  constructor(
    readonly reason: 'NEWER_VERSION' | 'CORRUPT' | 'NOT_A_DATABASE' | 'LOCKED' | 'MIGRATION_FAILED',
    message: string,
  ) {
    super(message);
    this.name = 'DatabaseOpenError';
  }
}
