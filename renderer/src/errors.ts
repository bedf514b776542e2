import { RequestError } from '../../shared/api';

/** Field messages of a failed request, keyed by path ("agency.fullName"), for the inputs to show. */
export function fieldErrors(err: unknown, prefix = ''): Record<string, string> {
  if (!(err instanceof RequestError) || !err.error.fields) return {};
  return Object.fromEntries(
    err.error.fields.filter((f) => f.path.startsWith(prefix)).map((f) => [f.path.slice(prefix.length), f.message]),
  );
}

export function isDuplicate(err: unknown): boolean {
  return err instanceof RequestError && err.error.code === 'DUPLICATE';
}
