import { useEffect, useState } from 'react';

function currentPath(): string {
  return window.location.hash.replace(/^#\/?/, '').replace(/\/+$/, '');
}

let leaveWarning: string | null = null;
let lastHash = window.location.hash;
let reverting = false;

/** Hash routing: survives reloads, works from app:// and http:// alike, needs no server routes. */
export function useRoute(): string {
  const [route, setRoute] = useState(currentPath);
  useEffect(() => {
    const onChange = () => {
      if (reverting) {
        reverting = false;
        return;
      }
      if (leaveWarning && !window.confirm(leaveWarning)) {
        reverting = true;
        window.location.hash = lastHash;
        return;
      }
      lastHash = window.location.hash;
      setRoute(currentPath());
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** While `active`, leaving the page (another area, reload, closing) asks first. */
export function useLeaveGuard(active: boolean, message = 'Có thay đổi chưa lưu. Vẫn rời khỏi trang này?'): void {
  useEffect(() => {
    if (!active) return;
    leaveWarning = message;
    const beforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      leaveWarning = null;
      window.removeEventListener('beforeunload', beforeUnload);
    };
  }, [active, message]);
}

export function href(path: string): string {
  return `#/${path}`;
}
