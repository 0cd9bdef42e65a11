/**
 * What the records change in a live hearing: a varied protective order takes effect at once (the
 * policy is re-evaluated and the witness's machine gets its new protection without rejoining), and
 * a hearing cancelled or marked completed by the clerk ends its live session.
 */
import type { LiveStateStore } from './live-state.js';
import type { CourtSession } from './court-session.js';
import { courtControls } from './court-controls.js';
import { loadSeats } from './live-hearing.js';

export type EndedBy = 'cancelled' | 'completed';

/** Re-reads the orders of the session's witnesses; returns how many witness seats were told. */
export async function applyVariedOrder(
  session: CourtSession,
  witnessId: number,
  operator: string,
): Promise<number> {
  const { hearing } = session;
  if (hearing.ended) return 0;
  const { closedSession } = loadSeats(session.db, hearing);
  const seats = [...hearing.witnessLinks]
    .filter(([, linked]) => linked === witnessId)
    .map(([peerId]) => hearing.seats.get(peerId))
    .filter((seat) => seat !== undefined);
  if (seats.length === 0) return 0;
  session.audit('session.order-applied', operator, 'judge', {
    witnessId,
    participantIds: seats.map((seat) => seat.participantId),
  });
  const judge = [...hearing.seats.values()].find((seat) => seat.role === 'judge');
  if (closedSession && !hearing.closedSession && judge)
    await courtControls.setClosedSession.run(session.controlContext(judge, operator), {
      closed: true,
    });
  session.persist();
  session.reevaluatePolicy();
  session.broadcast();
  let told = 0;
  for (const seat of seats) {
    const peer = session.roomOrThrow.peers.get(seat.peerId);
    if (!peer) continue;
    peer.connection.notify('witnessProtection', session.witnessProtectionFor(seat));
    told += 1;
  }
  return told;
}

/** The clerk cancelled or completed the hearing: recording stops, everyone is told and leaves. */
export async function endFromRecords(
  session: CourtSession,
  store: LiveStateStore,
  by: EndedBy,
): Promise<void> {
  const { hearing } = session;
  if (hearing.ended) return;
  if (session.recording?.on) {
    const part = await session.recording.stop();
    if (part)
      session.audit('recording.stopped', 'host', 'system', {
        part: part.part,
        closedSession: part.closedSession,
        why: by,
      });
  }
  hearing.ended = true;
  session.db
    .transaction(() => {
      session.audit('session.ended', 'host', 'system', { why: by });
      store.forget(hearing.hearingId);
    })
    .immediate();
  session.broadcast();
  setImmediate(() => session.dismissEveryone());
}
