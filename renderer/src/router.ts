import { useEffect, useState } from 'react';

function currentPath(): string {
  return window.location.hash.replace(/^#\/?/, '').replace(/\/+$/, '');
}

/** Hash routing: survives reloads, works from app:// and http:// alike, needs no server routes. */
export function useRoute(): string {
  const [route, setRoute] = useState(currentPath);
  useEffect(() => {
    const onChange = () => setRoute(currentPath());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function href(path: string): string {
  return `#/${path}`;
}
