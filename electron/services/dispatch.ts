import { contract, isRequestName, type Envelope } from '../../shared/api';
import { describeIssues, summarizeIssues } from '../../shared/validation';
import { toApiError } from './errors';
import type { Handlers } from './handlers';

/** Deeper than any real request (a plan body with nested table groups stays far below). */
const MAX_DEPTH = 64;

/** How deeply arrays and objects nest, counted without recursion so hostile input cannot overflow the stack. */
function nestingDepth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_DEPTH) return deepest;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return deepest;
}

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
    if (nestingDepth(input) > MAX_DEPTH) {
      return { ok: false, error: { code: 'VALIDATION', message: 'Dữ liệu gửi lên lồng nhau quá sâu, không phải dữ liệu của NoiVu Desk.' } };
    }
    let parsed;
    try {
      parsed = contract[name].input.safeParse(input ?? {});
    } catch (err) {
      return { ok: false, error: toApiError(err) };
    }
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
