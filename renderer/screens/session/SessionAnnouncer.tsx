import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HearingState } from '../../../contract/signalling';

type Seat = HearingState['participants'][number];
type Snapshot = {
  admitted: boolean;
  muted: boolean;
  closedSession: boolean;
  witnessVideoPaused: boolean;
  waiting: Set<string>;
};

function snapshotOf(hearing: HearingState, me: Seat): Snapshot {
  return {
    admitted: me.status === 'admitted',
    muted: me.muted,
    closedSession: hearing.closedSession,
    witnessVideoPaused: hearing.witnessVideoPaused,
    waiting: new Set(
      hearing.participants.filter((p) => p.status === 'waiting').map((p) => p.peerId),
    ),
  };
}

function sameSnapshot(a: Snapshot, b: Snapshot): boolean {
  return (
    a.admitted === b.admitted &&
    a.muted === b.muted &&
    a.closedSession === b.closedSession &&
    a.witnessVideoPaused === b.witnessVideoPaused &&
    a.waiting.size === b.waiting.size &&
    [...a.waiting].every((id) => b.waiting.has(id))
  );
}

type Line = [key: string, values?: Record<string, string>];

function changes(before: Snapshot, now: Snapshot, hearing: HearingState, isJudge: boolean): Line[] {
  const lines: Line[] = [];
  if (now.admitted !== before.admitted)
    lines.push([now.admitted ? 'announce.admitted' : 'announce.waiting']);
  if (now.muted !== before.muted) lines.push([now.muted ? 'announce.muted' : 'announce.unmuted']);
  if (now.closedSession !== before.closedSession)
    lines.push([now.closedSession ? 'announce.closedOn' : 'announce.closedOff']);
  if (now.witnessVideoPaused !== before.witnessVideoPaused)
    lines.push([
      now.witnessVideoPaused ? 'announce.witnessVideoPaused' : 'announce.witnessVideoResumed',
    ]);
  if (isJudge)
    for (const p of hearing.participants)
      if (now.waiting.has(p.peerId) && !before.waiting.has(p.peerId))
        lines.push(['announce.participantWaiting', { name: p.displayName }]);
  return lines;
}

/**
 * Says session events aloud for screen-reader users (a polite live region that is always in the
 * page): admitted, muted or unmuted, closed session on or off, the witness's video paused, and —
 * for the judge — who is waiting to be admitted.
 */
export function SessionAnnouncer({
  hearing,
  me,
  isJudge,
}: {
  hearing: HearingState | undefined;
  me: Seat | undefined;
  isJudge: boolean;
}) {
  const { t } = useTranslation();
  const [before, setBefore] = useState<Snapshot>();
  const [message, setMessage] = useState('');

  // Compared during render (React's "state from the previous render" pattern), not in an effect.
  const now = hearing && me ? snapshotOf(hearing, me) : undefined;
  if (now && hearing && (!before || !sameSnapshot(before, now))) {
    setBefore(now);
    const lines = before ? changes(before, now, hearing, isJudge) : [];
    if (lines.length > 0) setMessage(lines.map((line) => t(...line)).join(' '));
  }

  return (
    <div className="sr-only" role="status" aria-live="polite" data-testid="session-announcer">
      {message}
    </div>
  );
}
