/**
 * What one window of the public feed shows: the open record's segments that overlap it (never a
 * closed-session part's), the redactions and closed-session spans that touch it, in the window's own
 * seconds. The plan's key says whether a rendered file still matches what must be shown.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { RecordedPart } from '../recording/layout.js';
import { withinWindow, type TimeSpan } from './feed-timeline.js';

export type SourceSegment = {
  path: string;
  kind: 'audio' | 'video';
  peerId: string;
  role: string;
  /** Seconds into the window at which the segment starts (negative: it began before). */
  offset: number;
  seconds: number;
};

export type WindowPlan = {
  index: number;
  window: TimeSpan;
  sources: SourceSegment[];
  /** Redacted ranges in the window's seconds: picture black, sound a bleep, a notice on screen. */
  redacted: { from: number; to: number }[];
  /** Closed-session ranges: the card and silence, whatever was recorded. */
  closed: { from: number; to: number }[];
};

const ROLE_ORDER = ['witness', 'judge', 'prosecutor', 'defence', 'interpreter'];

/** Closed-session spans as the recording's sealed parts record them (ongoing: until a next part). */
export function sealedPartSpans(parts: RecordedPart[]): TimeSpan[] {
  return parts.flatMap((part, i) => {
    if (!part.meta.closedSession) return [];
    const next = parts[i + 1];
    const toMs = part.meta.stoppedAt
      ? Date.parse(part.meta.stoppedAt)
      : next
        ? Date.parse(next.meta.startedAt)
        : Number.POSITIVE_INFINITY;
    return [{ fromMs: Date.parse(part.meta.startedAt), toMs }];
  });
}

export function planWindow(
  index: number,
  window: TimeSpan,
  parts: RecordedPart[],
  redactions: TimeSpan[],
  closedSpans: TimeSpan[],
): WindowPlan {
  const sources: SourceSegment[] = [];
  for (const part of parts) {
    if (part.meta.closedSession || !part.dir.endsWith('-open')) continue;
    for (const track of part.tracks) {
      if (!track.meta.firstPacketAt) continue;
      const firstMs = Date.parse(track.meta.firstPacketAt);
      for (const segment of track.segments) {
        const fromMs = firstMs + segment.start * 1000;
        const toMs = firstMs + segment.end * 1000;
        if (toMs <= window.fromMs || fromMs >= window.toMs) continue;
        sources.push({
          path: join(track.dir, segment.file),
          kind: track.meta.kind,
          peerId: track.meta.peerId,
          role: track.meta.role,
          offset: (fromMs - window.fromMs) / 1000,
          seconds: segment.end - segment.start,
        });
      }
    }
  }
  const rank = (role: string) => (ROLE_ORDER.indexOf(role) + 1 || ROLE_ORDER.length + 1) - 1;
  sources.sort(
    (a, b) =>
      rank(a.role) - rank(b.role) || a.peerId.localeCompare(b.peerId) || a.offset - b.offset,
  );
  // The same mark given twice (the records' list and the feed's own) must not change the key.
  const within = (spans: TimeSpan[]) =>
    [...new Map(spans.map((span) => [`${span.fromMs}-${span.toMs}`, span])).values()]
      .flatMap((span) => withinWindow(window, span) ?? [])
      .sort((a, b) => a.from - b.from || a.to - b.to);
  return { index, window, sources, redacted: within(redactions), closed: within(closedSpans) };
}

/** Changes whenever what the window must show changes (a new segment, a redaction, a closed span). */
export function planKey(plan: WindowPlan, look: unknown): string {
  return createHash('sha256').update(JSON.stringify({ plan, look })).digest('hex').slice(0, 32);
}

/** Peers with a picture in this window, in the order their tiles are laid out. */
export function videoPeers(plan: WindowPlan): string[] {
  const peers: string[] = [];
  for (const source of plan.sources)
    if (source.kind === 'video' && !peers.includes(source.peerId)) peers.push(source.peerId);
  return peers;
}
