/**
 * Signing an export with the court's Ed25519 key: each manifest entry (file, hash, size) and the
 * whole manifest.json, whose signature lies beside it in manifest.sig. A copy is checked anywhere
 * with only the key's fingerprint, read from the paper minutes or the clerk's screen.
 */
import {
  keyFingerprint,
  publicKeyBase64,
  signBytes,
  type SigningKey,
} from '../records/crypto/court-keys.js';
import type { Manifest, ManifestEntry } from './manifest.js';

export const SIGNATURE_FILE = 'manifest.sig';

export function entryPayload(hearingId: number, entry: ManifestEntry): string {
  return ['incamera-evidence/2', hearingId, entry.file, entry.sha256, entry.bytes].join('\n');
}

/** The manifest with every entry signed and the key named; its text and that text's signature. */
export function signManifest(
  key: SigningKey,
  unsigned: Manifest,
): { manifest: Manifest; text: string; signature: string } {
  const manifest: Manifest = {
    ...unsigned,
    format: 'incamera-evidence/2',
    files: unsigned.files.map((entry) => ({
      ...entry,
      signature: signBytes(key, entryPayload(unsigned.hearingId, entry)),
    })),
    signedBy: {
      publicKey: publicKeyBase64(key.publicKey),
      fingerprint: keyFingerprint(key.publicKey),
    },
  };
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  return { manifest, text, signature: `${signBytes(key, text)}\n` };
}
