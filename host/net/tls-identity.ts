/**
 * The installation's own TLS certificate for connections from other machines: generated once,
 * kept beside the records database (private key readable by this user only, mode 0600), and
 * identified by its SHA-256 fingerprint, which the clerk prints with every join code and the
 * InCamera client pins. No certificate authority is involved: the fingerprint is the trust.
 */
import { coded } from '../../contract/errors/codes.js';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import selfsigned from 'selfsigned';
import { UserFacingError } from '../errors.js';
import { keepPrivate, writePrivateFile } from './private-file.js';

export type TlsIdentity = {
  cert: string;
  key: string;
  /** SHA-256 of the DER certificate, "AB:CD:…" (64 hex digits), as browsers and Node show it. */
  fingerprint: string;
  certPath: string;
  keyPath: string;
};

export const CERT_FILE = 'host-tls-cert.pem';
export const KEY_FILE = 'host-tls-key.pem';
const TEN_YEARS_MS = 10 * 365 * 24 * 3600_000;

export class TlsIdentityError extends UserFacingError {}

/** Loads the installation's certificate from `dir`, creating it the first time. */
export async function loadOrCreateTlsIdentity(dir: string): Promise<TlsIdentity> {
  const certPath = join(dir, CERT_FILE);
  const keyPath = join(dir, KEY_FILE);
  if (!existsSync(certPath) || !existsSync(keyPath)) {
    mkdirSync(dir, { recursive: true });
    const generated = await selfsigned.generate([{ name: 'commonName', value: 'InCamera host' }], {
      keyType: 'ec',
      curve: 'P-256',
      algorithm: 'sha256',
      notBeforeDate: new Date(Date.now() - 24 * 3600_000),
      notAfterDate: new Date(Date.now() + TEN_YEARS_MS),
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: subjectAltNames() },
      ],
    });
    writePrivateFile(keyPath, generated.private);
    writePrivateFile(certPath, generated.cert, 0o644);
  }
  keepPrivate(keyPath);
  const cert = readFileSync(certPath, 'utf8');
  const key = readFileSync(keyPath, 'utf8');
  let fingerprint: string;
  try {
    fingerprint = new X509Certificate(cert).fingerprint256;
  } catch {
    throw new TlsIdentityError(coded('tls.damaged', { certPath, keyPath }));
  }
  return { cert, key, fingerprint, certPath, keyPath };
}

/** "ab:cd…", "ABCD…" or with spaces → "AB:CD:…"; undefined when it is not a SHA-256 fingerprint. */
export function normaliseFingerprint(text: string): string | undefined {
  const hex = text.replace(/[^0-9a-fA-F]/g, '').toUpperCase();
  if (hex.length !== 64 || /[^0-9A-F:\s-]/i.test(text)) return undefined;
  return hex.match(/../g)!.join(':');
}

function subjectAltNames(): { type: 2 | 7; value?: string; ip?: string }[] {
  const names: { type: 2 | 7; value?: string; ip?: string }[] = [
    { type: 2, value: 'localhost' },
    { type: 7, ip: '127.0.0.1' },
  ];
  const name = hostname();
  if (/^[A-Za-z0-9.-]{1,253}$/.test(name)) names.push({ type: 2, value: name });
  for (const addresses of Object.values(networkInterfaces()))
    for (const address of addresses ?? [])
      if (!address.internal && address.family === 'IPv4')
        names.push({ type: 7, ip: address.address });
  return names;
}
