import { z } from 'zod';
import type { ChannelTable } from './access.js';
import { issue } from '../errors/zod-issues.js';
import { participantRoles } from '../records/schemas.js';

export const joinCodeStatuses = ['unused', 'in-use', 'revoked', 'expired'] as const;

export const joinCodeRecord = z.object({
  id: z.number(),
  hearingId: z.number(),
  participantId: z.number(),
  role: z.enum(participantRoles),
  displayName: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  status: z.enum(joinCodeStatuses),
  connected: z.boolean(),
});

/** Join codes for the court session: issued, listed and revoked by the clerk. */
export const courtApi = {
  'court:issue-code': {
    access: { auth: 'clerk', records: 'open', action: 'issue or revoke join codes' },
    request: z
      .object({
        participantId: z.number().int().positive(issue('choose.participant')),
        validHours: z
          .number()
          .int(issue('hours.whole'))
          .min(1, issue('hours.too-few', { count: 1 }))
          .max(168, issue('hours.too-many', { count: 168 }))
          .default(24),
        /** For a witness participant: the registered witness whose protective order applies. */
        witnessId: z.number().int().positive().optional(),
        /** Where participants open InCamera, e.g. https://192.168.1.20:4180 (the link and QR code). */
        linkBase: z
          .string()
          .max(200)
          .regex(/^https?:\/\/[^\s/]+\/?$/, issue('link.host-address')),
      })
      .strict(),
    response: joinCodeRecord.extend({
      /** Shown once: only its hash is kept. */
      code: z.string(),
      link: z.string(),
      qrSvgDataUrl: z.string(),
      /** The host certificate's SHA-256 fingerprint when it serves other machines (--lan), else null. */
      fingerprint: z.string().nullable(),
    }),
  },
  'court:revoke-code': {
    access: { auth: 'clerk', records: 'open', action: 'issue or revoke join codes' },
    request: z.object({ codeId: z.number().int().positive() }).strict(),
    response: z.object({ revoked: z.boolean() }),
  },
  'court:codes': {
    access: { auth: 'operator', records: 'open' },
    request: z.object({ hearingId: z.number().int().positive() }).strict(),
    response: z.array(joinCodeRecord),
  },
} as const satisfies ChannelTable;
