import { z } from 'zod';
import type { ChannelTable } from './access.js';
import { issue } from '../errors/zod-issues.js';
import { isoDate, protectiveMeasures, scheduledAt } from '../records/schemas.js';

const hearingId = z
  .number({ error: issue('choose.hearing') })
  .int()
  .positive(issue('choose.hearing'));
export const reason = (code: 'lifecycle.reason-required' | 'correct.reason-required') =>
  z
    .string({ error: issue(code) })
    .trim()
    .min(3, issue(code))
    .max(500, issue('field.too-long', { count: 500 }));

/** A varied order always names the court's order that varied it, and its date. */
export const variedMeasures = protectiveMeasures.safeExtend({
  orderReference: z
    .string({ error: issue('order.reference-required') })
    .trim()
    .min(1, issue('order.reference-required'))
    .max(100, issue('field.too-long', { count: 100 })),
  orderDate: z.union([isoDate, z.literal('')]).refine((value) => value !== '', {
    error: issue('order.date-required'),
  }),
});

export const orderVersion = z.object({
  version: z.number(),
  madeBy: z.string(),
  madeAt: z.string(),
  measures: protectiveMeasures,
});

/**
 * A hearing's life cycle (the clerk postpones, cancels or marks it completed) and a protective
 * order varied by the judge: an order is the court's, so the judge who made it varies it; the clerk
 * records the order at registration and reads its history.
 */
export const lifecycleApi = {
  'hearings:postpone': {
    access: { auth: 'clerk', records: 'open', action: 'change the records' },
    request: z
      .object({ hearingId, scheduledAt, reason: reason('lifecycle.reason-required') })
      .strict(),
    response: z.object({ hearingId: z.number(), scheduledAt: z.string() }),
  },
  'hearings:cancel': {
    access: { auth: 'clerk', records: 'open', action: 'change the records' },
    request: z.object({ hearingId, reason: reason('lifecycle.reason-required') }).strict(),
    response: z.object({ hearingId: z.number(), sessionEnded: z.boolean() }),
  },
  'hearings:complete': {
    access: { auth: 'clerk', records: 'open', action: 'change the records' },
    request: z.object({ hearingId }).strict(),
    response: z.object({ hearingId: z.number(), sessionEnded: z.boolean() }),
  },
  'orders:vary': {
    access: { auth: 'judge', records: 'open', action: 'vary a protective order' },
    request: z
      .object({ witnessId: z.number().int().positive(), measures: variedMeasures })
      .strict(),
    response: z.object({ witnessId: z.number(), version: z.number(), liveSeats: z.number() }),
  },
  'orders:history': {
    access: { auth: 'operator', records: 'open' },
    request: z.object({ witnessId: z.number().int().positive() }).strict(),
    response: z.array(orderVersion),
  },
} as const satisfies ChannelTable;
