import { useSyncExternalStore } from 'react';
import { hearingTabs } from '../contract/api/records';

export const roles = ['clerk', 'judge', 'witness', 'counsel', 'trainer'] as const;
export type Role = (typeof roles)[number];
export const trainerPages = ['demo', 'mock-trial', 'guide'] as const;
export type TrainerPage = (typeof trainerPages)[number];
/** A hearing page's sections, each its own address: `#/hearings/42/codes`. */
export const hearingSections = [
  'overview',
  'participants',
  'witnesses',
  'codes',
  'preflight',
  'evidence',
  'gallery',
] as const;
export type HearingSection = (typeof hearingSections)[number];
export type HearingTab = (typeof hearingTabs)[number];
/** The clerk's pages: the hearings list, a hearing (one section at a time) and a case. */
export type ClerkRoute =
  | { screen: 'hearings'; when?: HearingTab }
  | { screen: 'hearing'; hearingId: number; section: HearingSection }
  | { screen: 'case'; caseId: number };
export type Route =
  | { screen: 'home' }
  | { screen: Role; page?: TrainerPage }
  | { screen: 'join'; code?: string; fingerprint?: string }
  | ClerkRoute
  | { screen: 'gallery'; token: string };

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [name = '', sub = '', part = ''] = path.split('/');
  const clerkRoute = parseClerkRoute(name, sub, part, new URLSearchParams(query));
  if (clerkRoute) return clerkRoute;
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

function parseClerkRoute(
  name: string,
  sub: string,
  part: string,
  params: URLSearchParams,
): ClerkRoute | undefined {
  const id = /^[1-9]\d{0,9}$/.test(sub) ? Number(sub) : undefined;
  if (name === 'hearings' && !sub) {
    const when = params.get('when');
    return (hearingTabs as readonly (string | null)[]).includes(when)
      ? { screen: 'hearings', when: when as HearingTab }
      : { screen: 'hearings' };
  }
  if (name === 'hearings' && id) {
    const section = (hearingSections as readonly string[]).includes(part)
      ? (part as HearingSection)
      : 'overview';
    return { screen: 'hearing', hearingId: id, section };
  }
  if (name === 'cases' && id) return { screen: 'case', caseId: id };
  return undefined;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function isClerkRoute(route: Route): route is ClerkRoute {
  return route.screen === 'hearings' || route.screen === 'hearing' || route.screen === 'case';
}

/** The current screen, from the URL's hash, so reloads and the back button keep their place. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

export function hrefFor(route: Route): string {
  if (route.screen === 'join' && 'code' in route && route.code)
    return `#/join?code=${encodeURIComponent(route.code)}`;
  if (route.screen === 'hearing')
    return `#/hearings/${route.hearingId}${route.section === 'overview' ? '' : `/${route.section}`}`;
  if (route.screen === 'case') return `#/cases/${route.caseId}`;
  if (route.screen === 'hearings' && 'when' in route && route.when)
    return `#/hearings?when=${route.when}`;
  if (route.screen === 'gallery') return `#/gallery/${encodeURIComponent(route.token)}`;
  return route.screen === 'home' ? '#/' : `#/${route.screen}`;
}

/** "3f9a…" → "3F:9A:…", the way browsers show a certificate's SHA-256 fingerprint. */
export function formatFingerprint(text: string): string {
  return text.replace(/:/g, '').toUpperCase().match(/../g)?.join(':') ?? '';
}
