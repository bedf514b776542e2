import { contract, isRequestName, type Envelope } from '../../shared/api';
import { describeIssues, summarizeIssues } from '../../shared/validation';
import { toApiError } from './errors';
import type { Handlers } from './handlers';

export type Dispatch = (name: unknown, input: unknown) => Promise<Envelope<unknown>>;

/**
 * The single gate every request passes, whatever the transport: unknown names and invalid input
 * are refused here, before any service runs.
 */
export function createDispatcher(handlers: Handlers): Dispatch {
  return async (name, input) => {
    if (!isRequestName(name)) {
      return { ok: false, error: { code: 'UNKNOWN_REQUEST', message: `Yêu cầu không được hỗ trợ: "${String(name).slice(0, 60)}".` } };
    }
    const parsed = contract[name].input.safeParse(input ?? {});
    if (!parsed.success) {
      const fields = describeIssues(parsed.error.issues);
      return { ok: false, error: { code: 'VALIDATION', message: summarizeIssues(fields), fields } };
    }
    try {
      const handler = handlers[name] as (input: unknown) => Promise<unknown>;
      const data = contract[name].output.parse(await handler(parsed.data));
      return { ok: true, data };
    } catch (err) {
      if (process.env.NODE_ENV !== 'test') console.error(`[${name}]`, err);
      return { ok: false, error: toApiError(err) };
    }
  };
}
