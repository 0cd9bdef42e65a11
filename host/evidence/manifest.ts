/** The export's manifest (file, duration, SHA-256) and the check that every file still matches. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { z } from 'zod';

export const manifestEntry = z.object({
  file: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int(),
  kind: z.enum(['master', 'redacted', 'minutes', 'audit']),
  sealed: z.boolean(),
  durationSeconds: z.number().optional(),
  expectedSeconds: z.number().optional(),
  part: z.number().int().optional(),
  role: z.string().optional(),
  label: z.string().optional(),
  startedAt: z.string().optional(),
  streams: z.array(z.string()).optional(),
  /** Ed25519 over this entry's file, hash and size (evidence-signing.ts), so a re-hashed entry is named. */
  signature: z.string().optional(),
});
export type ManifestEntry = z.infer<typeof manifestEntry>;

export const manifest = z.object({
  format: z.enum(['incamera-evidence/1', 'incamera-evidence/2']),
  hearingId: z.number().int(),
  caseNumber: z.string(),
  exportedAt: z.string(),
  exportedBy: z.string(),
  /** What the recording lacks (a host killed mid-recording), in words. Empty when complete. */
  missing: z.array(z.string()),
  /** Why a part of the export was not made (e.g. no Chromium for the PDF). */
  skipped: z.array(z.string()),
  redactions: z.array(z.object({ fromAt: z.string(), toAt: z.string(), reason: z.string() })),
  files: z.array(manifestEntry),
  /** The court's evidence-signing key; manifest.sig holds its signature of manifest.json's bytes. */
  signedBy: z.object({ publicKey: z.string(), fingerprint: z.string() }).optional(),
  /** The audit log's head when the export was made (also printed in the minutes). */
  auditHead: z.object({ seq: z.number().int(), hash: z.string() }).optional(),
});
export type Manifest = z.infer<typeof manifest>;

export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
