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

type KeyPairKind = { column: 'signing' | 'sealing'; type: 'ed25519' | 'x25519'; aad: string };
const SIGNING: KeyPairKind = { column: 'signing', type: 'ed25519', aad: SIGNING_KEY_AAD };
const SEALING: KeyPairKind = {
  column: 'sealing',
  type: 'x25519',
  aad: 'incamera/media-sealing-key/v1',
};

/** One of the court's key pairs, made (and its private half sealed) the first time it is needed. */
function courtKeyPair(
  db: WritableDB,
  dataKey: Buffer,
  kind: KeyPairKind,
): { privateKey: KeyObject; publicKey: KeyObject } {
  const read = () =>
    db
      .prepare(
        `SELECT ${kind.column}_public_key AS public_key, ${kind.column}_private_key AS private_key
           FROM keyring WHERE id = 1`,
      )
      .get() as { public_key: Buffer | null; private_key: Buffer | null } | undefined;
  let row = read();
  if (!row) throw new Error('The records database has no keyring.');
  if (!row.private_key || !row.public_key) {
    const pair =
      kind.type === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('x25519');
    const publicDer = pair.publicKey.export({ format: 'der', type: 'spki' });
    const sealed = encrypt(
      dataKey,
      pair.privateKey.export({ format: 'der', type: 'pkcs8' }),
      kind.aad,
    );
    db.prepare(
      `UPDATE keyring SET ${kind.column}_public_key = @publicDer, ${kind.column}_private_key = @sealed
        WHERE id = 1 AND ${kind.column}_private_key IS NULL`,
    ).run({ publicDer, sealed });
    row = read()!;
  }
  const privateDer = decrypt(dataKey, row.private_key!, kind.aad);
  if (!privateDer)
    throw new Error(`The court ${kind.column} key does not open with this data key.`);
  return {
    privateKey: createPrivateKey({ key: privateDer, format: 'der', type: 'pkcs8' }),
    publicKey: createPublicKey({ key: row.public_key!, format: 'der', type: 'spki' }),
  };
}

export function courtSigningKey(db: WritableDB, dataKey: Buffer): SigningKey {
  const pair = courtKeyPair(db, dataKey, SIGNING);
  return { ...pair, fingerprint: keyFingerprint(pair.publicKey) };
}

/** The X25519 key that closed-session media is sealed for (sealed-media.ts). */
export function courtSealingKey(
  db: WritableDB,
  dataKey: Buffer,
): { privateKey: KeyObject; publicKey: KeyObject } {
  return courtKeyPair(db, dataKey, SEALING);
}

/** Its public half, which the recorder needs (the records may be locked while recording). */
export function courtSealingPublicKey(db: ReadableDB): KeyObject | undefined {
  const row = db.prepare(`SELECT sealing_public_key FROM keyring WHERE id = 1`).get() as
    { sealing_public_key: Buffer | null } | undefined;
  return row?.sealing_public_key
    ? createPublicKey({ key: row.sealing_public_key, format: 'der', type: 'spki' })
    : undefined;
}

/** Made at every unlock, so that a hearing recorded while locked can seal its closed session. */
export function ensureCourtKeys(db: WritableDB, dataKey: Buffer): void {
  courtKeyPair(db, dataKey, SIGNING);
  courtKeyPair(db, dataKey, SEALING);
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
