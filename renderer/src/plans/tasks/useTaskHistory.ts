import { useRef } from 'react';
import { withSavedIds } from './task-history';

/**
 * Undo for the task table: every change records the list before it. Undoing restores that list,
 * keeping the ids that saves gave to tasks meanwhile (reports refer to them).
 */
export function useTaskHistory<T extends { key: number; id?: number | undefined }>(current: T[], onChange: (tasks: T[]) => void) {
  const past = useRef<T[][]>([]);
  const latest = useRef(current);
  latest.current = current;
  return {
    commit(next: T[]) {
      past.current.push(latest.current);
      if (past.current.length > 200) past.current.shift();
      onChange(next);
    },
    canUndo: () => past.current.length > 0,
    undo(): boolean {
      const previous = past.current.pop();
      if (!previous) return false;
      onChange(withSavedIds(previous, latest.current));
      return true;
    },
  };
}
