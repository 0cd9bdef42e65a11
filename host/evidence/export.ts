/**
 * Evidence export: the hearing's recording finalised (masters, redacted public copies, the sealed
 * closed-session parts apart), the audit excerpt, the minutes (HTML, PDF) and a manifest of
 * SHA-256 hashes. Everything is written into a temporary folder beside the destination and renamed
 * into place only when complete, so a failed export never leaves a folder that looks finished.
 */
import { coded } from '../../contract/errors/codes.js';
import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { UiLanguage } from '../../contract/i18n/languages.js';
import { UserFacingError } from '../errors.js';
import { appendAudit } from '../records/audit.js';
import { readAuditHead } from '../records/audit-chain.js';
import {
  courtSealingKey,
  courtSigningKey,
  publicKeyBase64,
  type SigningKey,
} from '../records/crypto/court-keys.js';
import type { WritableDB } from '../records/db-types.js';
import { findHearing } from '../records/queries/hearings.js';
import {
  hearingRecordingDir,
  readHearingRecording,
  recordingsRootFor,
  type RecordedPart,
} from '../recording/layout.js';
import { compareWithRecordedHashes } from '../recording/segment-hashes.js';
import { listRedactions } from '../recording/redactions.js';
import { resolveFfmpeg, resolveFfprobe } from '../tools/ffmpeg.js';
import { auditExcerpt, minutesInput } from './hearing-facts.js';
import {
  manifest as manifestSchema,
  sha256File,
  type Manifest,
  type ManifestEntry,
} from './manifest.js';
import {
  exportNoteText,
  minutesWords,
  type ExportNote,
  type MissingNote,
  type SkippedNote,
} from './minutes-i18n/index.js';
import { SIGNATURE_FILE, signManifest } from './evidence-signing.js';
import { minutesHtml } from './minutes.js';
import { planMasters, writeMaster, type MasterPlan } from './finalise.js';
import { printPdf } from './pdf.js';
import { openSealedSegments, sealExportedFile } from './sealed-parts.js';
import { rangesWithin, writeRedactedCopy } from './redact.js';
import { probe } from './run-ffmpeg.js';
import { auditedBy } from '../records/actor.js';

export type ExportProgress = { fraction: number; step: string };
export type ExportOptions = {
  db: WritableDB;
  dbPath: string;
  hearingId: number;
  outDir: string;
  actor: { name: string; role: string };
  /** The court's unlocked data key: it opens the evidence-signing key. */
  dataKey: Buffer;
  /** The minutes' language; the manifest stays in English. Default 'en'. */
  language?: UiLanguage;
  env?: NodeJS.ProcessEnv;
  onProgress?: (progress: ExportProgress) => void;
};

export class ExportError extends UserFacingError {}

export async function exportEvidence(
  options: ExportOptions,
): Promise<{ outDir: string; manifest: Manifest; notes: ExportNote[] }> {
  const { db, hearingId } = options;
  const env = options.env ?? process.env;
  const hearing = findHearing(db, hearingId);
  if (!hearing) throw new ExportError(coded('export.no-hearing', { id: hearingId }));
  const ffmpeg = resolveFfmpeg(env);
  const ffprobe = resolveFfprobe(env);
  const outDir = resolve(options.outDir);
  if (existsSync(outDir) && (!statSync(outDir).isDirectory() || readdirSync(outDir).length > 0))
    throw new ExportError(coded('export.folder-not-empty', { path: outDir }));
  const work = join(
    dirname(outDir),
    `.${basename(outDir)}.partial-${randomBytes(4).toString('hex')}`,
  );
  try {
    mkdirSync(work, { recursive: true });
  } catch (error) {
    throw writeError(error, dirname(outDir));
  }
  const signingKey = courtSigningKey(db, options.dataKey);
  try {
    const result = await build(options, work, ffmpeg, ffprobe, hearing.caseNumber, env, signingKey);
    const manifestSha256 = createHash('sha256')
      .update(readFileSync(join(work, 'manifest.json')))
      .digest('hex');
    if (existsSync(outDir)) rmSync(outDir, { recursive: true });
    renameSync(work, outDir);
    appendAudit(db, {
      ...auditedBy(options.actor),
      action: 'evidence.exported',
      subjectType: 'hearing',
      subjectId: hearingId,
      detail: {
        files: result.manifest.files.length,
        missing: result.manifest.missing.length,
        at: new Date().toISOString(),
        manifestSha256,
        signingKey: signingKey.fingerprint,
      },
    });
    options.onProgress?.({ fraction: 1, step: 'done' });
    return { outDir, manifest: result.manifest, notes: result.notes };
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    if (error instanceof UserFacingError) throw error;
    throw writeError(error, dirname(outDir));
  }
}

async function build(
  options: ExportOptions,
  work: string,
  ffmpeg: string,
  ffprobe: string,
  caseNumber: string,
  env: NodeJS.ProcessEnv,
  signingKey: SigningKey,
): Promise<{ manifest: Manifest; notes: ExportNote[] }> {
  const { db, hearingId } = options;
  const root = recordingsRootFor(options.dbPath);
  const parts = readHearingRecording(root, hearingId);
  const segments = compareWithRecordedHashes(
    db,
    hearingId,
    hearingRecordingDir(root, hearingId),
    parts,
  );
  if (segments.altered.length > 0)
    throw new ExportError(
      `${segments.altered.join(', ')} ${segments.altered.length === 1 ? 'does' : 'do'} not match the hash recorded in the audit log when ${segments.altered.length === 1 ? 'it was' : 'they were'} closed: altered or swapped on disk. Nothing was exported.`,
    );
  const sealing = courtSealingKey(db, options.dataKey);
  await openSealedSegments(parts, join(work, '.opened'), sealing.privateKey);
  await setAsideUnreadableSegments(parts, ffprobe);
  const redactions = listRedactions(db, hearingId);
  const listDir = join(work, '.lists');
  mkdirSync(listDir);
  const plans: MasterPlan[] = parts.flatMap((part) => planMasters(part, listDir));
  const missing: MissingNote[] = plans.flatMap((plan) => plan.missing);
  for (const part of parts)
    if (part.tracks.length === 0) missing.push({ kind: 'nothing-recorded', part: part.meta.part });

  // Progress in "seconds of media to write": copies count once, re-encodes three times.
  const redactedPlans = new Set(
    plans.filter(
      (p) =>
        !p.closedSession && rangesWithin(redactions, p.startedAt, p.expectedSeconds + 5).length > 0,
    ),
  );
  const total =
    plans.reduce((sum, p) => sum + p.expectedSeconds * (redactedPlans.has(p) ? 4 : 1), 0) + 3;
  let done = 0;
  const report = (step: string, extra = 0) =>
    options.onProgress?.({ fraction: Math.min(0.99, (done + extra) / total), step });

  const entries: ManifestEntry[] = [];
  const add = async (file: string, entry: Omit<ManifestEntry, 'file' | 'sha256' | 'bytes'>) => {
    const path = join(work, file);
    entries.push({ file, sha256: await sha256File(path), bytes: statSync(path).size, ...entry });
  };

  for (const plan of plans) {
    const folder = plan.closedSession ? 'sealed' : 'open';
    mkdirSync(join(work, folder), { recursive: true });
    const masterFile = `${folder}/${plan.baseName}.webm`;
    const step = `finalising ${plan.label}, part ${plan.part}`;
    await writeMaster(ffmpeg, plan, join(work, masterFile), (s) =>
      report(step, Math.min(s, plan.expectedSeconds)),
    );
    done += plan.expectedSeconds;
    const probed = await probe(ffprobe, join(work, masterFile));
    const described = {
      sealed: plan.closedSession,
      durationSeconds: probed.duration,
      expectedSeconds: Number(plan.expectedSeconds.toFixed(3)),
      part: plan.part,
      role: plan.role,
      label: plan.label,
      startedAt: plan.startedAt.toISOString(),
      streams: probed.streams.map((s) => `${s.kind}:${s.codec}`),
    };
    if (plan.closedSession) {
      await sealExportedFile(join(work, masterFile), sealing.publicKey);
      await add(`${masterFile}.sealed`, { kind: 'master', ...described });
      continue;
    }
    await add(masterFile, { kind: 'master', ...described });
    if (!redactedPlans.has(plan)) continue;
    const ranges = rangesWithin(redactions, plan.startedAt, probed.duration);
    if (ranges.length === 0) continue;
    const redactedFile = `${folder}/${plan.baseName}.redacted.mp4`;
    const redactStep = `redacting ${plan.label}, part ${plan.part}`;
    await writeRedactedCopy(
      ffmpeg,
      join(work, masterFile),
      probed,
      ranges,
      join(work, redactedFile),
      (s) => report(redactStep, 3 * Math.min(s, plan.expectedSeconds)),
    );
    done += 3 * plan.expectedSeconds;
    const redactedProbe = await probe(ffprobe, join(work, redactedFile));
    await add(redactedFile, {
      kind: 'redacted',
      ...described,
      durationSeconds: redactedProbe.duration,
      streams: redactedProbe.streams.map((s) => `${s.kind}:${s.codec}`),
    });
  }
  rmSync(listDir, { recursive: true });
  rmSync(join(work, '.opened'), { recursive: true, force: true });

  report('audit excerpt');
  writeFileSync(
    join(work, 'audit.json'),
    `${JSON.stringify(auditExcerpt(db, hearingId), null, 2)}\n`,
  );
  await add('audit.json', { kind: 'audit', sealed: false });
  done += 1;

  report('minutes');
  const exportedAt = new Date().toISOString();
  const head = readAuditHead(db);
  const auditHead = { seq: head?.seq ?? 0, hash: head?.hash ?? '' };
  writeFileSync(
    join(work, 'minutes.html'),
    minutesHtml(
      {
        ...minutesInput(db, hearingId, parts, redactions, missing, exportedAt),
        integrity: {
          fingerprint: signingKey.fingerprint,
          publicKey: publicKeyBase64(signingKey.publicKey),
          auditHead,
        },
      },
      options.language ?? 'en',
    ),
  );
  await add('minutes.html', { kind: 'minutes', sealed: false });
  done += 1;
  const skipped: SkippedNote[] = [];
  if (segments.unrecorded.length > 0)
    skipped.push({
      kind: 'unhashed-segments',
      count: segments.unrecorded.length,
      files: segments.unrecorded,
    });
  report('minutes PDF');
  const pdf = await printPdf(join(work, 'minutes.html'), join(work, 'minutes.pdf'), env);
  if (pdf.ok) await add('minutes.pdf', { kind: 'minutes', sealed: false });
  else {
    rmSync(join(work, 'minutes.pdf'), { force: true });
    skipped.push({ kind: 'no-pdf', reason: pdf.reason, why: pdf.why });
  }
  done += 1;

  const unsigned = manifestSchema.parse({
    format: 'incamera-evidence/2',
    hearingId,
    caseNumber,
    exportedAt,
    exportedBy: `${options.actor.role} ${options.actor.name}`,
    missing: missing.map((note) => exportNoteText(minutesWords.en, note)),
    skipped: skipped.map((note) => exportNoteText(minutesWords.en, note)),
    redactions: redactions.map(({ fromAt, toAt, reason }) => ({ fromAt, toAt, reason })),
    files: entries,
    auditHead,
  });
  const signed = signManifest(signingKey, unsigned);
  writeFileSync(join(work, 'manifest.json'), signed.text);
  writeFileSync(join(work, SIGNATURE_FILE), signed.signature);
  return { manifest: signed.manifest, notes: [...missing, ...skipped] };
}

/** A segment listed as finished but unreadable (ffmpeg stopped right after opening it) is missing. */
async function setAsideUnreadableSegments(parts: RecordedPart[], ffprobe: string): Promise<void> {
  for (const part of parts)
    for (const track of part.tracks) {
      const readable = [];
      for (const segment of track.segments) {
        const ok = await probe(ffprobe, join(track.dir, segment.file)).then(
          (p) => p.streams.length > 0,
          () => false,
        );
        if (ok) readable.push(segment);
        else if (segment.end - segment.start > 0.05) track.unfinished.push(segment.file);
      }
      track.segments = readable;
    }
}

function writeError(error: unknown, where: string): ExportError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC') return new ExportError(coded('export.no-space', { path: where }));
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return new ExportError(coded('export.cannot-write', { path: where }));
  const message = error instanceof Error ? error.message : String(error);
  return new ExportError(coded('export.failed', { detail: message }));
}
