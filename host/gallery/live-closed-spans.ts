/**
 * Closed session as the court's live state records it: the judge's switch (audited the moment it
 * is pressed) and the state a session opened or resumed in. The public feed draws these as the
 * "Closed session" card from that moment, before (and whether or not) the recorder starts a sealed
 * part. An ongoing closed session runs to the end of time until it is switched off.
 */
import type { ReadableDB } from '../records/db-types.js';
import type { TimeSpan } from './feed-timeline.js';

type Row = { action: string; at: string; detail: string };

const ACTIONS = [
  'session.opened',
  'session.resumed',
  'session.closed-session-on',
  'session.closed-session-off',
];

export function liveClosedSpans(db: ReadableDB, hearingId: number): TimeSpan[] {
  const rows = db
    .prepare(
      `SELECT action, at, detail FROM audit_log
       WHERE subject_type = 'hearing' AND subject_id = ? AND action IN (${ACTIONS.map(() => '?').join(', ')})
       ORDER BY seq`,
    )
    .all(hearingId, ...ACTIONS) as Row[];
  const spans: TimeSpan[] = [];
  let openFrom: number | undefined;
  for (const row of rows) {
    const detail = JSON.parse(row.detail) as { at?: unknown; closedSession?: unknown };
    const atMs = Date.parse(typeof detail.at === 'string' ? detail.at : row.at);
    if (!Number.isFinite(atMs)) continue;
    const closed =
      row.action === 'session.closed-session-on' ||
      (row.action !== 'session.closed-session-off' && detail.closedSession === true);
    if (closed && openFrom === undefined) openFrom = atMs;
    if (!closed && openFrom !== undefined) {
      if (atMs > openFrom) spans.push({ fromMs: openFrom, toMs: atMs });
      openFrom = undefined;
    }
  }
  if (openFrom !== undefined) spans.push({ fromMs: openFrom, toMs: Number.POSITIVE_INFINITY });
  return spans;
}
