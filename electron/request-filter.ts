/**
 * Which requests the app's window may make: its own origin (the page, the API, and the signalling
 * WebSocket, whose ws:/wss: scheme is the http:/https: origin's counterpart), devtools, blob: and
 * data:. Plain TypeScript so that tests run it without Electron.
 */
const WEBSOCKET_COUNTERPART: Record<string, string> = { 'ws:': 'http:', 'wss:': 'https:' };

export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    const scheme = WEBSOCKET_COUNTERPART[parsed.protocol];
    if (scheme) parsed.protocol = scheme;
    return parsed.origin === 'null' ? undefined : parsed.origin;
  } catch {
    return undefined;
  }
}

export function isAppUrl(url: string | undefined, appOrigin: string): boolean {
  return url !== undefined && originOf(url) === appOrigin;
}

export function requestAllowed(url: string, appOrigin: string): boolean {
  return (
    isAppUrl(url, appOrigin) ||
    url.startsWith('devtools://') ||
    url.startsWith('blob:') ||
    url.startsWith('data:')
  );
}
