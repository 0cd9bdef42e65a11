import type { IncomingMessage } from 'node:http';

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function isLoopbackAddress(host: string): boolean {
  return LOOPBACK_NAMES.has(host) || host.startsWith('127.');
}

/**
 * A host bound to loopback answers only requests addressed to loopback names, so a web page on
 * another site cannot reach it through DNS rebinding; browser requests must come from our origin.
 */
export function isTrustedRequest(
  request: IncomingMessage,
  bindHost: string,
  port: number,
): boolean {
  const hostHeader = request.headers.host ?? '';
  if (isLoopbackAddress(bindHost)) {
    const allowed = [...LOOPBACK_NAMES].map((name) => `${name}:${port}`);
    if (bindHost.startsWith('127.')) allowed.push(`${bindHost}:${port}`);
    if (!allowed.includes(hostHeader)) return false;
  }
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  return origin === `http://${hostHeader}` || origin === `https://${hostHeader}`;
}
