/**
 * A witness linked to the hearing after its session opened brings their order: a closed session
 * applies at once, as it would have had the session opened with them (observers refused and
 * dismissed, the recording moved to a sealed part). Without this a clerk who issued the witness's
 * code after the judge had joined left a closed-session order unapplied and its recording unsealed.
 */
import { courtControls, type ControlSession } from './court-controls.js';

export function closeForLinkedOrder(
  session: ControlSession,
  audit: (action: 'session.order-applied', details: Record<string, unknown>) => void,
): void {
  const { hearing, log } = session;
  const judge = [...hearing.seats.values()].find((seat) => seat.role === 'judge');
  if (hearing.closedSession || !judge) return;
  const failed = (error: unknown) => log.error({ err: error }, 'court.closed-session-failed');
  try {
    audit('session.order-applied', { closedSession: true, why: 'witness-linked' });
    // The flag is set before the first await inside: the join being decided sees it.
    void Promise.resolve(
      // Audited under the presiding judge's name where one has signed in (the order applies in
      // their session), else as the host's; the entry before this one says why.
      courtControls.setClosedSession.run(
        session.controlContext(judge, judge.signedInJudge ?? 'host'),
        {
          closed: true,
        },
      ),
    )
      .then(() => {
        session.persist();
        session.reevaluatePolicy();
        session.broadcast();
      })
      .catch(failed);
  } catch (error) {
    failed(error);
  }
}
