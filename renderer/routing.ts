import { useSyncExternalStore } from 'react';

export const roles = ['clerk', 'judge', 'witness', 'counsel', 'trainer'] as const;
export type Role = (typeof roles)[number];
export const trainerPages = ['demo', 'mock-trial', 'guide'] as const;
export type TrainerPage = (typeof trainerPages)[number];
export type Route =
  { screen: 'home' } | { screen: Role; page?: TrainerPage } | { screen: 'join'; code?: string };

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [name = '', sub = ''] = path.split('/');
  if (name === 'trainer' && (trainerPages as readonly string[]).includes(sub))
    return { screen: 'trainer', page: sub as TrainerPage };
  if (name === 'join') {
    const code = new URLSearchParams(query).get('code');
    return code ? { screen: 'join', code } : { screen: 'join' };
  }
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
  if (route.screen === 'join' && 'code' in route && route.code)
    return `#/join?code=${encodeURIComponent(route.code)}`;
  return route.screen === 'home' ? '#/' : `#/${route.screen}`;
}
