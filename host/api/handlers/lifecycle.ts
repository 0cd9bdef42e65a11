import { closeHearing, postponeHearing } from '../../records/hearing-lifecycle.js';
import { varyOrder } from '../../records/order-variation.js';
import { listOrderVersions } from '../../records/queries/order-versions.js';
import type { ApiHandlers } from '../checked-call.js';
import type { HostContext } from '../context.js';

type LifecycleChannel =
  'hearings:postpone' | 'hearings:cancel' | 'hearings:complete' | 'orders:vary' | 'orders:history';

/**
 * A hearing's life cycle and a varied order. The records change first (with their audit); then the
 * live session, if one runs, follows: it ends, or applies the new order at once.
 */
export function createLifecycleHandlers(context: HostContext): Pick<ApiHandlers, LifecycleChannel> {
  return {
    'hearings:postpone': (request, { records: { db }, actor }) =>
      postponeHearing(db, actor, request),
    'hearings:cancel': async ({ hearingId, reason }, { records: { db }, actor }) => {
      closeHearing(db, actor, { hearingId, as: 'cancelled', reason });
      const sessionEnded = (await context.court?.endedByRecords(hearingId, 'cancelled')) ?? false;
      return { hearingId, sessionEnded };
    },
    'hearings:complete': async ({ hearingId }, { records: { db }, actor }) => {
      closeHearing(db, actor, { hearingId, as: 'completed' });
      const sessionEnded = (await context.court?.endedByRecords(hearingId, 'completed')) ?? false;
      return { hearingId, sessionEnded };
    },
    'orders:vary': async ({ witnessId, measures }, { records: { db }, actor }) => {
      const { version } = varyOrder(db, actor, witnessId, measures);
      const liveSeats = (await context.court?.orderVaried(witnessId, actor.name)) ?? 0;
      return { witnessId, version, liveSeats };
    },
    'orders:history': ({ witnessId }, { records }) => listOrderVersions(records.db, witnessId),
  };
}
