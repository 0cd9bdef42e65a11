/**
 * Keys derived from, or sealed with, the court's data key: the audit chain's HMAC key and the
 * Ed25519 key that signs evidence exports. The signing key's public half is kept in clear (anyone
 * may check a signature); its private half is sealed with the data key like an identity.
 */
import {
  createHmac,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  hkdfSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { createHash } from 'node:crypto';
import type { ReadableDB, WritableDB } from '../db-types.js';
import { decrypt, encrypt } from './aead.js';

const SIGNING_KEY_AAD = 'incamera/evidence-signing-key/v1';

/** A separate key per purpose, so the data key itself never keys anything but identities. */
export function deriveCourtSubkey(
  dataKey: Buffer,
  purpose: 'audit-chain' | 'sealed-media',
): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), `incamera/${purpose}/v1`, 32));
}

export function hmacHex(key: Buffer, ...parts: (string | number)[]): string {
  return createHmac('sha256', key).update(parts.join('\n')).digest('hex');
}

export type SigningKey = { privateKey: KeyObject; publicKey: KeyObject; fingerprint: string };

/** SHA-256 of the public key (SPKI DER), as 16 groups of 4 hex digits: read aloud, printed. */
export function keyFingerprint(publicKey: KeyObject): string {
  const hex = createHash('sha256')
    .update(publicKey.export({ format: 'der', type: 'spki' }))
    .digest('hex');
  return hex.match(/.{4}/g)!.join(' ');
}

/** Spaces, colons and case do not matter when a person types a fingerprint back. */
export function sameFingerprint(a: string, b: string): boolean {
  const plain = (s: string) => s.replace(/[\s:]/g, '').toLowerCase();
  return plain(a) === plain(b);
}

export function publicKeyFromBase64(spkiBase64: string): KeyObject {
  return createPublicKey({ key: Buffer.from(spkiBase64, 'base64'), format: 'der', type: 'spki' });
}

export function publicKeyBase64(publicKey: KeyObject): string {
  return publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
}

/** The court's public signing key, if one was made; needs no unlock. */
export function courtPublicKey(db: ReadableDB): KeyObject | undefined {
  const row = db.prepare(`SELECT signing_public_key FROM keyring WHERE id = 1`).get() as
    { signing_public_key: Buffer | null } | undefined;
  return row?.signing_public_key
    ? createPublicKey({ key: row.signing_public_key, format: 'der', type: 'spki' })
    : undefined;
}

/** The court's signing key, made (and its private half sealed) the first time it is needed. */
export function courtSigningKey(db: WritableDB, dataKey: Buffer): SigningKey {
  const read = () =>
    db.prepare(`SELECT signing_public_key, signing_private_key FROM keyring WHERE id = 1`).get() as
      { signing_public_key: Buffer | null; signing_private_key: Buffer | null } | undefined;
  let row = read();
  if (!row) throw new Error('The records database has no keyring.');
  if (!row.signing_private_key || !row.signing_public_key) {
    const pair = generateKeyPairSync('ed25519');
    const publicDer = pair.publicKey.export({ format: 'der', type: 'spki' });
    const sealed = encrypt(
      dataKey,
      pair.privateKey.export({ format: 'der', type: 'pkcs8' }),
      SIGNING_KEY_AAD,
    );
    db.prepare(
      `UPDATE keyring SET signing_public_key = ?, signing_private_key = ?
        WHERE id = 1 AND signing_private_key IS NULL`,
    ).run(publicDer, sealed);
    row = read()!;
  }
  const privateDer = decrypt(dataKey, row.signing_private_key!, SIGNING_KEY_AAD);
  if (!privateDer) throw new Error('The court signing key does not open with this data key.');
  const privateKey = createPrivateKey({ key: privateDer, format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey({ key: row.signing_public_key!, format: 'der', type: 'spki' });
  return { privateKey, publicKey, fingerprint: keyFingerprint(publicKey) };
}

export function signBytes(key: SigningKey, bytes: Buffer | string): string {
  return sign(null, Buffer.from(bytes), key.privateKey).toString('base64');
}

export function signatureValid(
  publicKey: KeyObject,
  bytes: Buffer | string,
  signatureBase64: string,
): boolean {
  try {
    return verify(null, Buffer.from(bytes), publicKey, Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}
