/**
 * Closed-session media at rest and in exports: AES-256-GCM in 1 MiB chunks under a per-part key.
 * The part key is wrapped for the court's X25519 sealing key (an ephemeral key agreement), so the
 * recorder seals media while the records are locked; only the court's private key, sealed with the
 * data key, unwraps it. Each chunk's associated data binds the header, its index and whether it is
 * the last, so chunks cannot be reordered, dropped or the file cut short unnoticed.
 *
 * File: "INCSEAL1" · u32 header length · header JSON · chunks of [u32 length · iv 12 · tag 16 · data]
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { open } from 'node:fs/promises';
import { encrypt, decrypt } from './aead.js';

const MAGIC = Buffer.from('INCSEAL1');
const CHUNK = 1 << 20;
const WRAP_INFO = 'incamera/sealed-media-wrap/v1';

export type WrappedPartKey = { ephemeralPublicKey: string; wrapped: string };
export type SealedHeader = { v: 1; chunk: number; key: WrappedPartKey };

export function isSealedMedia(bytes: Buffer): boolean {
  return bytes.subarray(0, MAGIC.length).equals(MAGIC);
}

function wrapKey(shared: Buffer, ephemeralDer: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, ephemeralDer, WRAP_INFO, 32));
}

/** A fresh part key and its wrap for the court's sealing (X25519) public key. */
export function newPartKey(courtSealingKey: KeyObject): { key: Buffer; wrap: WrappedPartKey } {
  const key = randomBytes(32);
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralDer = ephemeral.publicKey.export({ format: 'der', type: 'spki' });
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: courtSealingKey });
  const wrapped = encrypt(wrapKey(shared, ephemeralDer), key, WRAP_INFO);
  return {
    key,
    wrap: {
      ephemeralPublicKey: ephemeralDer.toString('base64'),
      wrapped: wrapped.toString('base64'),
    },
  };
}

export function unwrapPartKey(wrap: WrappedPartKey, courtSealingPrivate: KeyObject): Buffer {
  const ephemeralDer = Buffer.from(wrap.ephemeralPublicKey, 'base64');
  const ephemeral = createPublicKey({ key: ephemeralDer, format: 'der', type: 'spki' });
  const shared = diffieHellman({ privateKey: courtSealingPrivate, publicKey: ephemeral });
  const key = decrypt(
    wrapKey(shared, ephemeralDer),
    Buffer.from(wrap.wrapped, 'base64'),
    WRAP_INFO,
  );
  if (!key) throw new Error('This sealed file was not sealed for this court key.');
  return key;
}

function chunkAad(headerHash: Buffer, index: number, last: boolean): Buffer {
  const aad = Buffer.alloc(headerHash.length + 9);
  headerHash.copy(aad);
  aad.writeBigUInt64BE(BigInt(index), headerHash.length);
  aad[headerHash.length + 8] = last ? 1 : 0;
  return aad;
}

/** Seals the file at `from` into `to` (streamed by chunk). */
export async function sealFile(
  from: string,
  to: string,
  part: { key: Buffer; wrap: WrappedPartKey },
) {
  const header = Buffer.from(
    JSON.stringify({ v: 1, chunk: CHUNK, key: part.wrap } satisfies SealedHeader),
  );
  const headerHash = createHash('sha256').update(header).digest();
  const input = await open(from, 'r');
  const output = await open(to, 'wx', 0o600);
  try {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(header.length);
    await output.write(Buffer.concat([MAGIC, length, header]));
    const size = (await input.stat()).size;
    const buffer = Buffer.alloc(CHUNK);
    let index = 0;
    for (let offset = 0; offset < size || index === 0; index++) {
      const { bytesRead } = await input.read(buffer, 0, CHUNK, offset);
      offset += bytesRead;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', part.key, iv);
      cipher.setAAD(chunkAad(headerHash, index, offset >= size));
      const body = Buffer.concat([cipher.update(buffer.subarray(0, bytesRead)), cipher.final()]);
      const chunkLength = Buffer.alloc(4);
      chunkLength.writeUInt32BE(body.length);
      await output.write(Buffer.concat([chunkLength, iv, cipher.getAuthTag(), body]));
      if (bytesRead === 0) break;
    }
    await output.sync();
  } finally {
    await input.close();
    await output.close();
  }
}

/** Opens a sealed file into `to`; throws (leaving `to` incomplete for the caller to remove) if altered. */
export async function unsealFile(
  from: string,
  to: string,
  unwrap: (wrap: WrappedPartKey) => Buffer,
): Promise<void> {
  const input = await open(from, 'r');
  const output = await open(to, 'wx', 0o600);
  try {
    const read = async (position: number, length: number) => {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await input.read(buffer, 0, length, position);
      if (bytesRead !== length) throw new Error(`${from} is cut short.`);
      return buffer;
    };
    const size = (await input.stat()).size;
    const start = await read(0, MAGIC.length + 4);
    if (!isSealedMedia(start)) throw new Error(`${from} is not a sealed InCamera file.`);
    const headerLength = start.readUInt32BE(MAGIC.length);
    const header = await read(start.length, headerLength);
    const parsed = JSON.parse(header.toString('utf8')) as SealedHeader;
    const key = unwrap(parsed.key);
    const headerHash = createHash('sha256').update(header).digest();
    let position = start.length + headerLength;
    for (let index = 0; position < size; index++) {
      const prefix = await read(position, 32);
      const length = prefix.readUInt32BE(0);
      const body = await read(position + 32, length);
      position += 32 + length;
      const decipher = createDecipheriv('aes-256-gcm', key, prefix.subarray(4, 16));
      decipher.setAAD(chunkAad(headerHash, index, position >= size));
      decipher.setAuthTag(prefix.subarray(16, 32));
      try {
        await output.write(Buffer.concat([decipher.update(body), decipher.final()]));
      } catch {
        throw new Error(`${from} was altered (chunk ${index} does not authenticate).`);
      }
    }
  } finally {
    await input.close();
    await output.close();
  }
}
