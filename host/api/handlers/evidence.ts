/**
 * The evidence API: the recording's parts, redaction marks after the hearing (judge), the export
 * (judge or clerk) run as a job with progress, and the check of an export's hashes.
 */
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { z } from 'zod';
import type { exportJob } from '../../../contract/api/evidence.js';
import { coded, formatError } from '../../../contract/errors/codes.js';
import { BadRequestError, NotFoundError, UserFacingError } from '../../errors.js';
import { exportEvidence } from '../../evidence/export.js';
import { exportNoteText, minutesWords } from '../../evidence/minutes-i18n/index.js';
import { verifyExport } from '../../evidence/verify-export.js';
import {
  courtPublicKey,
  courtSigningKey,
  keyFingerprint,
  publicKeyBase64,
} from '../../records/crypto/court-keys.js';
import type { ReadableDB } from '../../records/db-types.js';
import { findHearing } from '../../records/queries/hearings.js';
import { readOperatorLanguage } from '../../records/queries/operator-language.js';
import { readHearingRecording, recordingsRootFor } from '../../recording/layout.js';
import { listRedactions, markRedaction } from '../../recording/redactions.js';
import type { ApiHandlers } from '../checked-call.js';
import type { HostContext } from '../context.js';

type EvidenceChannel =
  | 'recording:summary'
  | 'recording:redact'
  | 'evidence:export'
  | 'evidence:export-status'
  | 'evidence:verify';
type Job = z.infer<typeof exportJob>;

export function createEvidenceHandlers(context: HostContext): Pick<ApiHandlers, EvidenceChannel> {
  const jobs = new Map<string, Job>();
  const hearingOrThrow = (db: ReadableDB, hearingId: number) => {
    const hearing = findHearing(db, hearingId);
    if (!hearing) throw new NotFoundError(coded('hearing.not-found'));
    return hearing;
  };
  const jobOrThrow = (jobId: string) => {
    const job = jobs.get(jobId);
    if (!job) throw new NotFoundError(coded('export.unknown'));
    return job;
  };

  return {
    'recording:summary': async ({ hearingId }, { records: r }) => {
      hearingOrThrow(r.db, hearingId);
      const parts = readHearingRecording(recordingsRootFor(r.path), hearingId);
      const key = r.unlocked
        ? courtSigningKey(r.db, r.requireDataKey()).publicKey
        : courtPublicKey(r.db);
      return {
        ...(key
          ? { signingKey: { fingerprint: keyFingerprint(key), publicKey: publicKeyBase64(key) } }
          : {}),
        parts: parts.map(({ meta }) => ({
          part: meta.part,
          closedSession: meta.closedSession,
          startedAt: meta.startedAt,
          ...(meta.stoppedAt ? { stoppedAt: meta.stoppedAt } : {}),
        })),
        redactions: listRedactions(r.db, hearingId).map(({ id, fromAt, toAt, reason }) => ({
          id,
          fromAt,
          toAt,
          reason,
        })),
      };
    },
    'recording:redact': async (
      { hearingId, fromSeconds, toSeconds, reason },
      { records, actor },
    ) => {
      hearingOrThrow(records.db, hearingId);
      const [first] = readHearingRecording(recordingsRootFor(records.path), hearingId);
      if (!first) throw new BadRequestError(coded('recording.none'));
      const start = Date.parse(first.meta.startedAt);
      const id = markRedaction(records.db, {
        hearingId,
        from: new Date(start + fromSeconds * 1000),
        to: new Date(start + toSeconds * 1000),
        reason: reason ?? '',
        judge: actor.name,
      });
      // A running public feed gets the mark at once: inside its delay it is cut before release.
      context.gallery?.syncRedactions(hearingId);
      return { id };
    },
    'evidence:export': async ({ hearingId }, { records, actor, dataKey }) => {
      hearingOrThrow(records.db, hearingId);
      if (context.court?.find(hearingId)?.court.recording?.on)
        throw new BadRequestError(coded('recording.in-progress'));
      const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
      const outDir = join(dirname(records.path), 'exports', `hearing-${hearingId}-${stamp}`);
      const job: Job = {
        jobId: randomUUID(),
        hearingId,
        state: 'running',
        fraction: 0,
        step: 'starting',
        outDir,
        notes: [],
      };
      jobs.set(job.jobId, job);
      const language = readOperatorLanguage(records.db, actor.name) ?? 'en';
      exportEvidence({
        db: records.db,
        dbPath: records.path,
        hearingId,
        outDir,
        actor,
        dataKey,
        language,
        onProgress: ({ fraction, step }) => Object.assign(job, { fraction, step }),
      }).then(
        ({ manifest, notes }) =>
          Object.assign(job, {
            state: 'done',
            fraction: 1,
            step: 'done',
            notes: notes.map((note) => exportNoteText(minutesWords[language], note)),
            files: manifest.files.length,
          }),
        (error: unknown) => {
          context.log.error({ err: error, hearingId }, 'evidence.export-failed');
          const reason =
            error instanceof UserFacingError ? error.coded : coded('export.failed-see-log');
          Object.assign(job, { state: 'failed', error: formatError(reason), reason });
        },
      );
      return { ...job };
    },
    'evidence:export-status': async ({ jobId }) => {
      return { ...jobOrThrow(jobId) };
    },
    'evidence:verify': async ({ jobId }, { records: { db } }) => {
      const job = jobOrThrow(jobId);
      if (job.state !== 'done') throw new BadRequestError(coded('export.not-finished'));
      return verifyExport(job.outDir, { db, courtKey: courtPublicKey(db) });
    },
  };
}
