import { z } from 'zod';
import type { ChannelTable } from './access.js';
import { issue } from '../errors/zod-issues.js';

const hearingRef = z
  .object({ hearingId: z.number().int().positive(issue('choose.hearing')) })
  .strict();

/** Where a hearing's delayed public feed stands (all times in ms of recorded/wall-clock time). */
export const galleryStatus = z.object({
  state: z.enum(['off', 'running', 'stopped']),
  delayMinutes: z.number(),
  /** Recorded time now: ms since the feed's origin. */
  liveMs: z.number(),
  /** What the public sees now, ms since the feed's origin. */
  publicNowMs: z.number(),
  /** The end of what has been released, ms since the feed's origin. */
  releasedUntilMs: z.number(),
  nextReleaseInMs: z.number().nullable(),
  /** A redaction is being applied: the public waits for it. */
  holding: z.boolean(),
});

/** A cut's outcome; its span in seconds since the feed's origin (the delay line's clock). */
export const galleryCut = z.object({
  outcome: z.enum(['applied', 'partly-too-late', 'too-late']),
  fromSeconds: z.number(),
  toSeconds: z.number(),
});

export const galleryLink = z.object({
  id: z.number(),
  label: z.string(),
  issuedAt: z.string(),
  issuedBy: z.string(),
  revokedAt: z.string().optional(),
});

/** The delayed public feed (issue 19): the judge runs it, the clerk issues links, the public views. */
export const galleryApi = {
  'gallery:status': {
    access: { auth: 'operator', records: 'open' },
    request: hearingRef,
    response: galleryStatus,
  },
  'gallery:start': {
    access: { auth: 'judge', records: 'open', action: 'start the public gallery' },
    request: hearingRef,
    response: galleryStatus,
  },
  'gallery:stop': {
    access: { auth: 'judge', records: 'open', action: 'stop the public gallery' },
    request: hearingRef,
    response: galleryStatus,
  },
  'gallery:cut': {
    access: { auth: 'judge', records: 'open', action: 'cut the public gallery' },
    request: z
      .object({
        hearingId: z.number().int().positive(issue('choose.hearing')),
        /** Cut the last N seconds of recorded time. */
        seconds: z.number().int().min(5).max(600),
      })
      .strict(),
    response: galleryCut,
  },
  'gallery:links': {
    access: { auth: 'clerk', records: 'open', action: 'see gallery links' },
    request: hearingRef,
    response: z.object({ links: z.array(galleryLink) }),
  },
  'gallery:issue-link': {
    access: { auth: 'clerk', records: 'open', action: 'issue gallery links' },
    request: z
      .object({
        hearingId: z.number().int().positive(issue('choose.hearing')),
        label: z.string().trim().min(1, issue('field.required')).max(80),
      })
      .strict(),
    response: z.object({
      link: galleryLink,
      /** The gallery screen with the token: shown only now (the records keep its hash). */
      url: z.string(),
      /** The HLS playlist for a broadcaster's player. */
      playlistUrl: z.string(),
    }),
  },
  'gallery:revoke-link': {
    access: { auth: 'clerk', records: 'open', action: 'revoke gallery links' },
    request: z.object({ linkId: z.number().int().positive() }).strict(),
    response: z.object({ ok: z.literal(true) }),
  },
  'gallery:view': {
    access: { auth: 'none', records: 'open' },
    request: z.object({ token: z.string().min(1).max(128) }).strict(),
    response: z.object({
      hearing: z.object({ title: z.string() }),
      state: z.enum(['waiting', 'running', 'stopped']),
      delayMinutes: z.number(),
    }),
  },
} as const satisfies ChannelTable;
