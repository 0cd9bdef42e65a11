import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isSealedMedia,
  newPartKey,
  sealFile,
  unsealFile,
  unwrapPartKey,
} from '../../../host/records/crypto/sealed-media';

const court = generateKeyPairSync('x25519');
const dir = mkdtempSync(join(tmpdir(), 'incamera-sealed-'));
const plain = randomBytes((1 << 20) * 2 + 12345);
writeFileSync(join(dir, 'plain.webm'), plain);

async function sealed(name: string): Promise<string> {
  const path = join(dir, name);
  await sealFile(join(dir, 'plain.webm'), path, newPartKey(court.publicKey));
  return path;
}
const open = (path: string, out: string, key = court.privateKey) =>
  unsealFile(path, join(dir, out), (wrap) => unwrapPartKey(wrap, key));

describe('closed-session media sealed in chunks', () => {
  it('round-trips, and the sealed bytes reveal nothing of the plain file', async () => {
    const path = await sealed('a.sealed');
    const bytes = readFileSync(path);
    expect(isSealedMedia(bytes)).toBe(true);
    expect(bytes.includes(plain.subarray(1000, 1032))).toBe(false);
    await open(path, 'a.webm');
    expect(readFileSync(join(dir, 'a.webm')).equals(plain)).toBe(true);
  });

  it('refuses another court key, a flipped byte, and a file cut after a whole chunk', async () => {
    const path = await sealed('b.sealed');
    await expect(open(path, 'b1', generateKeyPairSync('x25519').privateKey)).rejects.toThrow(
      /not sealed for this court key/,
    );
    const bytes = readFileSync(path);
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 100]! ^= 1;
    writeFileSync(join(dir, 'flipped.sealed'), flipped);
    await expect(open(join(dir, 'flipped.sealed'), 'b2')).rejects.toThrow(/altered/);
    const headerEnd = 12 + bytes.readUInt32BE(8);
    const firstChunkEnd = headerEnd + 32 + bytes.readUInt32BE(headerEnd);
    writeFileSync(join(dir, 'cut.sealed'), bytes.subarray(0, firstChunkEnd));
    await expect(open(join(dir, 'cut.sealed'), 'b3')).rejects.toThrow(/altered/);
  });
});
