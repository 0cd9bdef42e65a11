import { z } from 'zod';
import type { ChannelTable } from './access.js';
import { issue } from '../errors/zod-issues.js';

const hearingRef = z
  .object({ hearingId: z.number().int().positive(issue('choose.hearing')) })
  .strict();

const codedMessage = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

export const exportJob = z.object({
  jobId: z.string(),
  hearingId: z.number(),
  state: z.enum(['running', 'done', 'failed']),
  fraction: z.number(),
  step: z.string(),
  /** Where the export is (or will be), on the host's disk. */
  outDir: z.string(),
  error: z.string().optional(),
  /** Why it failed, as a catalogue code (contract/errors) the panel words in its language. */
  reason: codedMessage.optional(),
  /** What the recording lacks and what was skipped (e.g. the PDF without Chromium). */
  notes: z.array(z.string()),
  files: z.number().optional(),
});

/** The hearing's record: what was recorded, redaction marks, the evidence export and its check. */
export const evidenceApi = {
  'recording:summary': {
    access: { auth: 'operator', records: 'open' },
    request: hearingRef,
    response: z.object({
      /** The court's evidence-signing key (made at the first unlock that needs it). */
      signingKey: z.object({ fingerprint: z.string(), publicKey: z.string() }).optional(),
      parts: z.array(
        z.object({
          part: z.number(),
          closedSession: z.boolean(),
          startedAt: z.string(),
          stoppedAt: z.string().optional(),
        }),
      ),
      redactions: z.array(
        z.object({ id: z.number(), fromAt: z.string(), toAt: z.string(), reason: z.string() }),
      ),
    }),
  },
  'recording:redact': {
    access: { auth: 'judge', records: 'open', action: 'mark redactions' },
    request: z
      .object({
        hearingId: z.number().int().positive(),
        /** Seconds from the start of the hearing's recording (its first part). */
        fromSeconds: z.number().min(0, issue('redaction.from')),
        toSeconds: z.number().min(0),
        reason: z.string().trim().max(200).default(''),
      })
      .strict()
      .refine((r) => r.toSeconds > r.fromSeconds, {
        message: issue('redaction.order'),
        path: ['toSeconds'],
      }),
    response: z.object({ id: z.number() }),
  },
  'evidence:export': {
    access: { auth: 'operator', records: 'unlocked' },
    request: hearingRef,
    response: exportJob,
  },
  'evidence:export-status': {
    access: { auth: 'operator', records: 'open' },
    request: z.object({ jobId: z.string().max(64) }).strict(),
    response: exportJob,
  },
  'evidence:verify': {
    access: { auth: 'operator', records: 'open' },
    request: z.object({ jobId: z.string().max(64) }).strict(),
    response: z.object({
      ok: z.boolean(),
      checked: z.number(),
      /** Each problem as a catalogue code (`verify.*`) naming its file. */
      problems: z.array(codedMessage),
      fingerprint: z.string().optional(),
      keyChecked: z.boolean().optional(),
    }),
  },
} as const satisfies ChannelTable;
