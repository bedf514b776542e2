import { useCallback, useEffect, useRef, useState, type MutableRefObject } from 'react';
import { isStale } from '../../../shared/api';
import { formatClock } from '../../../shared/dates';
import { fieldErrors } from '../errors';
import type { SaveState } from './saveState';
import type { ConflictState } from './ConflictBanner';

export const AUTOSAVE_MS = 2500;

export interface AutosaveOptions {
  /** The revision the screen is based on; each save sends it and keeps the one it gets back. */
  revision: MutableRefObject<number>;
  /** Writes what is on screen, based on `revision`; answers the saved revision, or null when there is nothing to write. */
  persist(revision: number): Promise<number | null>;
  /** Also told about a failed save (the hook keeps it as `state` until a later save succeeds). */
  onError?(message: string): void;
  /** Something unsaved that may be written (changed, and not read-only). */
  pending: boolean;
  /** What is on screen: each change restarts the delay. A fixed-length list. */
  changes: readonly unknown[];
}

/**
 * One editor's saves. They run one after another, so each is based on the revision the previous
 * one returned; what is on screen is written a moment after the last change; a refusal because
 * someone else saved stops every further save (the conflict banner then offers a copy or a reload)
 * and never touches what the user typed.
 */
export function useAutosave(options: AutosaveOptions) {
  const [conflict, setConflict] = useState<ConflictState>();
  const [state, setSaveState] = useState<SaveState>({ kind: 'untouched' });
  const stateNow = useRef(state);
  const setState = useCallback((next: SaveState) => {
    stateNow.current = next;
    setSaveState(next);
  }, []);
  const savedAt = state.kind === 'saved' ? state.at : undefined;
  const latest = useRef({ options, conflict });
  latest.current = { options, conflict };
  const queue = useRef<Promise<boolean>>(Promise.resolve(true));

  const save = useCallback((): Promise<boolean> => {
    const run = async () => {
      const { options: o, conflict: stopped } = latest.current;
      if (stopped) return false;
      const before = stateNow.current;
      setState({ kind: 'saving' });
      try {
        const saved = await o.persist(o.revision.current);
        if (saved === null) {
          setState(before);
          return false;
        }
        o.revision.current = saved;
        setState({ kind: 'saved', at: formatClock(new Date()) });
        return true;
      } catch (err) {
        const reason = (err as Error).message;
        if (isStale(err)) {
          setConflict({ message: reason });
          setState(before);
        } else {
          setState({ kind: 'failed', reason, fields: fieldErrors(err) });
          o.onError?.(reason);
        }
        return false;
      }
    };
    queue.current = queue.current.then(run);
    return queue.current;
  }, [setState]);

  const { pending, changes } = options;
  useEffect(() => {
    if (!pending || conflict) return;
    const timer = setTimeout(() => void save(), AUTOSAVE_MS);
    return () => clearTimeout(timer);
    // `changes` is a fixed-length list of what is on screen
  }, [pending, conflict, save, ...changes]);

  /** The message of the last failed save for one field, until a later save succeeds. */
  const fieldError = (path: string): string | undefined => (state.kind === 'failed' ? state.fields[path] : undefined);
  return { conflict, setConflict, savedAt, state, fieldError, save };
}
