import { useCallback, useEffect, useRef, useState, type MutableRefObject } from 'react';
import { isStale } from '../../../shared/api';
import type { ConflictState } from './ConflictBanner';

export const AUTOSAVE_MS = 2500;

export interface AutosaveOptions {
  /** The revision the screen is based on; each save sends it and keeps the one it gets back. */
  revision: MutableRefObject<number>;
  /** Writes what is on screen, based on `revision`; answers the saved revision, or null when there is nothing to write. */
  persist(revision: number): Promise<number | null>;
  onError(message: string): void;
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
  const [savedAt, setSavedAt] = useState<string>();
  const latest = useRef({ options, conflict });
  latest.current = { options, conflict };
  const queue = useRef<Promise<boolean>>(Promise.resolve(true));

  const save = useCallback((): Promise<boolean> => {
    const run = async () => {
      const { options: o, conflict: stopped } = latest.current;
      if (stopped) return false;
      try {
        const saved = await o.persist(o.revision.current);
        if (saved === null) return false;
        o.revision.current = saved;
        setSavedAt(new Date().toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', second: '2-digit' }));
        return true;
      } catch (err) {
        if (isStale(err)) setConflict({ message: (err as Error).message });
        else o.onError((err as Error).message);
        return false;
      }
    };
    queue.current = queue.current.then(run);
    return queue.current;
  }, []);

  const { pending, changes } = options;
  useEffect(() => {
    if (!pending || conflict) return;
    const timer = setTimeout(() => void save(), AUTOSAVE_MS);
    return () => clearTimeout(timer);
    // `changes` is a fixed-length list of what is on screen
  }, [pending, conflict, save, ...changes]);

  return { conflict, setConflict, savedAt, save };
}
