/**
 * A join link from another host, e.g. https://192.168.1.20:4443/#/join?code=ABCD-…&fp=3F9A…, and the
 * certificate check the InCamera client pins to it. Plain TypeScript (no electron import), so the
 * rules are unit-tested in Node.
 */
import { X509Certificate } from 'node:crypto';

export type JoinLink = {
  /** https://host:port — the only origin the remote hearing window may load. */
  origin: string;
  hostname: string;
  /** The fingerprint on the join slip, "AB:CD:…" (SHA-256, 32 bytes). */
  fingerprint: string;
  url: string;
};

export function parseJoinLink(text: string): JoinLink | undefined {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return undefined;
  const query = new URLSearchParams(url.hash.replace(/^#\/join\??/, ''));
  if (!url.hash.startsWith('#/join')) return undefined;
  const fingerprint = normalise(query.get('fp') ?? '');
  const code = query.get('code');
  if (!fingerprint || !code) return undefined;
  return {
    origin: url.origin,
    hostname: url.hostname.replace(/^\[|\]$/g, ''),
    fingerprint,
    url: `${url.origin}/#/join?code=${encodeURIComponent(code)}&fp=${fingerprint.replaceAll(':', '')}`,
  };
}

/** The SHA-256 fingerprint of a PEM certificate (what Electron's Certificate.data holds). */
export function certificateFingerprint(pem: string): string | undefined {
  try {
    return new X509Certificate(pem).fingerprint256;
  } catch {
    return undefined;
  }
}

/** Pinning: exactly the certificate on the slip, for exactly the host in the link; nothing else. */
export function isPinnedCertificate(
  link: Pick<JoinLink, 'hostname' | 'fingerprint'>,
  hostname: string,
  certificatePem: string,
): boolean {
  return (
    hostname.replace(/^\[|\]$/g, '') === link.hostname &&
    certificateFingerprint(certificatePem) === link.fingerprint
  );
}

function normalise(text: string): string | undefined {
  const hex = text.replace(/:/g, '').toUpperCase();
  return /^[0-9A-F]{64}$/.test(hex) ? hex.match(/../g)!.join(':') : undefined;
}
