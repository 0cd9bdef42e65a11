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
  // Plain HTTP only: an https origin belongs to the TLS listener (isTrustedLanRequest).
  return origin === `http://${hostHeader}`;
}

/** Only on the TLS listener for other machines: the API channels a joining participant needs. */
export const LAN_API_CHANNELS: ReadonlySet<string> = new Set([
  'app:info',
  'net:identity',
  // The public gallery screen: a gallery link's title and state, no sign-in.
  'gallery:view',
]);

/**
 * The TLS listener (--lan) answers requests addressed to an IP literal or a name the court set up,
 * on its own port; a browser request must come from that same https origin. A page of another site
 * rebinding its DNS name to this machine fails both (its Host is its own name, and it would meet a
 * certificate no browser trusts).
 */
export function isTrustedLanRequest(
  request: IncomingMessage,
  port: number,
  extraNames: readonly string[] = [],
): boolean {
  const hostHeader = request.headers.host ?? '';
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+):(\d+)$/.exec(hostHeader);
  if (!match || Number(match[2]) !== port) return false;
  const name = match[1]!;
  const isIpLiteral = /^\d{1,3}(\.\d{1,3}){3}$/.test(name) || name.startsWith('[');
  if (!isIpLiteral && name !== 'localhost' && !extraNames.includes(name.toLowerCase()))
    return false;
  const origin = request.headers.origin;
  return origin === undefined || origin === `https://${hostHeader}`;
}
