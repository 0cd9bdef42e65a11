import { useSyncExternalStore } from 'react';

export const roles = ['clerk', 'judge', 'witness', 'counsel', 'trainer'] as const;
export type Role = (typeof roles)[number];
export type Route = { screen: 'home' } | { screen: Role };

export function parseRoute(hash: string): Route {
  const name = hash.replace(/^#\/?/, '').split('/')[0] ?? '';
  return (roles as readonly string[]).includes(name)
    ? { screen: name as Role }
    : { screen: 'home' };
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current screen, from the URL's hash, so reloads and the back button keep their place. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

export function hrefFor(route: Route): string {
  return route.screen === 'home' ? '#/' : `#/${route.screen}`;
}
