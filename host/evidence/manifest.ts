/** The export's manifest (file, duration, SHA-256) and the check that every file still matches. */
import { coded } from '../../contract/errors/codes.js';
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { UserFacingError } from '../errors.js';

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
});
export type ManifestEntry = z.infer<typeof manifestEntry>;

export const manifest = z.object({
  format: z.literal('incamera-evidence/1'),
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

export type VerifyResult = { ok: boolean; checked: number; problems: string[] };

export async function verifyExport(dir: string): Promise<VerifyResult> {
  let parsed: Manifest;
  try {
    parsed = manifest.parse(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
  } catch (error) {
    throw new UserFacingError(
      coded('export.no-manifest', {
        path: join(dir, 'manifest.json'),
        detail: error instanceof Error ? (error.message.split('\n')[0] ?? '') : 'unreadable',
      }),
    );
  }
  const problems: string[] = [];
  for (const entry of parsed.files) {
    let actual: string;
    try {
      actual = await sha256File(join(dir, entry.file));
    } catch {
      problems.push(`${entry.file}: missing`);
      continue;
    }
    if (actual !== entry.sha256)
      problems.push(`${entry.file}: SHA-256 does not match the manifest`);
  }
  const listed = new Set(parsed.files.map((f) => f.file));
  for (const file of listFiles(dir))
    if (file !== 'manifest.json' && !listed.has(file))
      problems.push(`${file}: not in the manifest`);
  return { ok: problems.length === 0, checked: parsed.files.length, problems };
}

function listFiles(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listFiles(join(dir, entry.name), root)
      : [relative(root, join(dir, entry.name)).split('\\').join('/')],
  );
}
