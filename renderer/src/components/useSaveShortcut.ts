import { useEffect, useRef } from 'react';

/**
 * Ctrl+S (⌘S) anywhere on an editor's page saves now instead of opening the browser's "Save page"
 * dialog. The body editor handles its own Ctrl+S and marks the event handled, so it is not saved twice.
 */
export function useSaveShortcut(save: () => void, enabled = true): void {
  const latest = useRef(save);
  latest.current = save;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || !(e.ctrlKey || e.metaKey) || e.altKey || e.key.toLowerCase() !== 's') return;
      e.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
