/**
 * A witness's practice call, days before the hearing: what the witness's machine measured of its
 * own pipelines and link, what the host measured itself, and the grade per item that the host
 * gives (the client's figures are validated here and never trusted for the grade alone).
 */
import { z } from 'zod';

export const PRACTICE_ITEMS = [
  'camera',
  'microphone',
  'maskedPreview',
  'disguisedVoice',
  'link',
] as const;
export type PracticeItem = (typeof PRACTICE_ITEMS)[number];

export const practiceGrade = z.enum(['pass', 'warn', 'fail']);
export type PracticeGrade = z.infer<typeof practiceGrade>;

const ms = z.number().min(0).max(60_000);
const count = z.number().int().min(0).max(100_000_000);

/** The media path the witness's browser actually used (its nominated ICE candidate pair). */
export const practicePath = z
  .object({
    local: z.enum(['host', 'srflx', 'prflx', 'relay', 'unknown']),
    remote: z.enum(['host', 'srflx', 'prflx', 'relay', 'unknown']),
    protocol: z.enum(['udp', 'tcp', 'unknown']),
  })
  .strict();
export type PracticePath = z.infer<typeof practicePath>;

/** What the witness's machine reports at the end of the practice (from its pipelines and getStats). */
export const practiceClientReport = z
  .object({
    durationMs: ms,
    camera: z.boolean(),
    microphone: z.boolean(),
    /** What the sent picture was at the end: faces masked, whole frame hidden, black, or no picture. */
    picture: z.enum(['masked', 'whole-frame', 'blocked', 'no-picture']),
    voice: z.enum(['anonymised', 'silenced']),
    /** Frames of its own processed picture decoded after the round trip through the host. */
    previewFrames: count,
    /** Audio packets of its own disguised voice received back through the host. */
    previewAudioPackets: count,
    rttMs: ms.nullable(),
    lossPercent: z.number().min(0).max(100).nullable(),
    jitterMs: ms.nullable(),
    path: practicePath.nullable(),
  })
  .strict();
export type PracticeClientReport = z.infer<typeof practiceClientReport>;

/** What the host measured of the same call itself, from the packets it received. */
export const practiceHostView = z.object({
  videoPackets: count,
  audioPackets: count,
  /** Upstream loss seen by the host (sequence-number gaps), percent; null before any packet. */
  lossPercent: z.number().min(0).max(100).nullable(),
  kbps: z.number().min(0),
});
export type PracticeHostView = z.infer<typeof practiceHostView>;

export const practiceGrades = z.record(z.enum(PRACTICE_ITEMS), practiceGrade);
export type PracticeGrades = z.infer<typeof practiceGrades>;

export const practiceCall = z.object({
  id: z.number().int(),
  hearingId: z.number().int(),
  /** The witness's pseudonym (never the sealed identity). */
  witness: z.string(),
  at: z.string(),
  overall: practiceGrade,
  grades: practiceGrades,
  client: practiceClientReport,
  host: practiceHostView,
});
export type PracticeCall = z.infer<typeof practiceCall>;
