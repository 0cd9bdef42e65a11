/**
 * Checks an export: the manifest's signature and the key that made it, each entry's signature, each
 * file's SHA-256, files not in the manifest, and (given the records database) that the audit log
 * recorded this manifest's hash when the export was made. Each problem names its file.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { coded, type CodedError } from '../../contract/errors/codes.js';
import { UserFacingError } from '../errors.js';
import {
  keyFingerprint,
  publicKeyFromBase64,
  sameFingerprint,
  signatureValid,
} from '../records/crypto/court-keys.js';
import type { ReadableDB } from '../records/db-types.js';
import { hasExportAuditEntry } from '../records/queries/hearing-audit.js';
import { entryPayload, SIGNATURE_FILE } from './evidence-signing.js';
import { manifest as manifestSchema, sha256File, type Manifest } from './manifest.js';

const MANIFEST_FILE = 'manifest.json';

export type VerifyResult = {
  ok: boolean;
  checked: number;
  /** Each problem as a catalogue code naming its file (`verify.*`), worded by the reader. */
  problems: CodedError[];
  /** The fingerprint of the key that signed the manifest, if it is signed. */
  fingerprint?: string;
  /** Whether that key was compared with one the caller trusts (--fingerprint or the database). */
  keyChecked: boolean;
};

export type VerifyOptions = {
  /** The court key's fingerprint as printed in the minutes or shown on the clerk's screen. */
  fingerprint?: string | undefined;
  /** The records database: its public key, and its audit entry of this export. */
  db?: ReadableDB | undefined;
  /** The court's public key when the caller has it (the records database's). */
  courtKey?: KeyObject | undefined;
};

export async function verifyExport(
  dir: string,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  const manifestPath = join(dir, MANIFEST_FILE);
  let text: string;
  let parsed: Manifest;
  try {
    text = readFileSync(manifestPath, 'utf8');
    parsed = manifestSchema.parse(JSON.parse(text));
  } catch (error) {
    throw new UserFacingError(
      coded('export.no-manifest', {
        path: manifestPath,
        detail: error instanceof Error ? (error.message.split('\n')[0] ?? '') : 'unreadable',
      }),
    );
  }
  const problems: CodedError[] = [];
  const signer = checkSignature(dir, text, parsed, options, problems);
  for (const entry of parsed.files) {
    if (
      signer &&
      !(
        entry.signature &&
        signatureValid(signer, entryPayload(parsed.hearingId, entry), entry.signature)
      )
    )
      problems.push(coded('verify.entry-not-signed', { file: entry.file }));
    let actual: string;
    try {
      actual = await sha256File(join(dir, entry.file));
    } catch {
      problems.push(coded('verify.file-missing', { file: entry.file }));
      continue;
    }
    if (actual !== entry.sha256) problems.push(coded('verify.hash-mismatch', { file: entry.file }));
  }
  const listed = new Set(parsed.files.map((f) => f.file));
  for (const file of listFiles(dir))
    if (file !== MANIFEST_FILE && file !== SIGNATURE_FILE && !listed.has(file))
      problems.push(coded('verify.not-in-manifest', { file }));
  if (options.db) checkAuditEntry(options.db, parsed.hearingId, text, problems);
  const fingerprint = signer ? keyFingerprint(signer) : undefined;
  return {
    ok: problems.length === 0,
    checked: parsed.files.length,
    problems,
    ...(fingerprint ? { fingerprint } : {}),
    keyChecked: Boolean(options.fingerprint ?? options.courtKey),
  };
}

/** Returns the signing key when the manifest's own signature holds (problems say why not). */
function checkSignature(
  dir: string,
  text: string,
  parsed: Manifest,
  options: VerifyOptions,
  problems: CodedError[],
): KeyObject | undefined {
  if (!parsed.signedBy) {
    problems.push(coded('verify.not-signed', { file: MANIFEST_FILE }));
    return undefined;
  }
  let signer: KeyObject;
  try {
    signer = publicKeyFromBase64(parsed.signedBy.publicKey);
  } catch {
    problems.push(coded('verify.bad-signing-key', { file: MANIFEST_FILE }));
    return undefined;
  }
  const actual = keyFingerprint(signer);
  const expected = options.courtKey ? keyFingerprint(options.courtKey) : options.fingerprint;
  if (expected && !sameFingerprint(actual, expected))
    problems.push(coded('verify.other-key', { file: MANIFEST_FILE, actual, expected }));
  let signature: string;
  try {
    signature = readFileSync(join(dir, SIGNATURE_FILE), 'utf8').trim();
  } catch {
    problems.push(coded('verify.signature-missing', { file: SIGNATURE_FILE }));
    return signer;
  }
  if (!signatureValid(signer, text, signature))
    problems.push(coded('verify.signature-mismatch', { file: MANIFEST_FILE }));
  return signer;
}

function checkAuditEntry(
  db: ReadableDB,
  hearingId: number,
  text: string,
  problems: CodedError[],
): void {
  const hash = createHash('sha256').update(text).digest('hex');
  if (!hasExportAuditEntry(db, hearingId, hash))
    problems.push(
      coded('verify.no-audit-entry', { file: MANIFEST_FILE, hearing: String(hearingId), hash }),
    );
}

function listFiles(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listFiles(join(dir, entry.name), root)
      : [relative(root, join(dir, entry.name)).split('\\').join('/')],
  );
}
