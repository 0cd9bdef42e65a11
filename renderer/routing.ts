import { useSyncExternalStore } from 'react';

export const roles = ['clerk', 'judge', 'witness', 'counsel', 'trainer'] as const;
export type Role = (typeof roles)[number];
export const trainerPages = ['demo', 'mock-trial', 'guide'] as const;
export type TrainerPage = (typeof trainerPages)[number];
export type Route =
  | { screen: 'home' }
  | { screen: Role; page?: TrainerPage }
  | { screen: 'join'; code?: string; fingerprint?: string }
  | { screen: 'gallery'; token: string };

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [name = '', sub = ''] = path.split('/');
  if (name === 'trainer' && (trainerPages as readonly string[]).includes(sub))
    return { screen: 'trainer', page: sub as TrainerPage };
  if (name === 'gallery' && sub) return { screen: 'gallery', token: decodeURIComponent(sub) };
  if (name === 'join') {
    const params = new URLSearchParams(query);
    const code = params.get('code');
    const fp = params.get('fp');
    return {
      screen: 'join',
      ...(code ? { code } : {}),
      ...(fp && /^[0-9A-Fa-f:]{64,95}$/.test(fp) ? { fingerprint: formatFingerprint(fp) } : {}),
    };
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
  if (route.screen === 'gallery') return `#/gallery/${encodeURIComponent(route.token)}`;
  return route.screen === 'home' ? '#/' : `#/${route.screen}`;
}

/** "3f9a…" → "3F:9A:…", the way browsers show a certificate's SHA-256 fingerprint. */
export function formatFingerprint(text: string): string {
  return text.replace(/:/g, '').toUpperCase().match(/../g)?.join(':') ?? '';
}
