import { useRef } from 'react';

/** Same content, whatever the object identity: forms are plain JSON-like data. */
export function sameContent(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Whether a form differs from what it started with (the value at first render, or `baseline`
 * when the starting point arrives later, e.g. loaded from the backend).
 */
export function useDirty(value: unknown, baseline?: unknown): boolean {
  const first = useRef(value);
  return !sameContent(baseline === undefined ? first.current : baseline, value);
}
