/**
 * Turns a part's segments into one master file per participant: WebM, VP8 and Opus exactly as
 * routed (stream copy, no transcoding, so the master is the recorded media bit for bit). Each
 * participant's tracks are laid on one timeline by the host's clock (first packet of each track),
 * so pauses and reconnections keep their place. Segments ffmpeg never finished are reported.
 */
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordedPart, RecordedTrack } from '../recording/layout.js';
import type { MissingNote } from './minutes-i18n/index.js';
import { runFfmpeg } from './run-ffmpeg.js';

export type MasterPlan = {
  part: number;
  closedSession: boolean;
  peerId: string;
  role: string;
  label: string;
  /** Wall-clock time of the master's t=0. */
  startedAt: Date;
  /** Seconds the host's clock says were recorded (first packet to stop). */
  expectedSeconds: number;
  inputs: { kind: 'audio' | 'video'; listFile: string; offsetSeconds: number }[];
  missing: MissingNote[];
  baseName: string;
};

type TimedSegment = { path: string; at: number; seconds: number };

export function planMasters(part: RecordedPart, workDir: string): MasterPlan[] {
  const byPeer = new Map<string, RecordedTrack[]>();
  for (const track of part.tracks) {
    const list = byPeer.get(track.meta.peerId) ?? [];
    list.push(track);
    byPeer.set(track.meta.peerId, list);
  }
  const plans: MasterPlan[] = [];
  for (const [peerId, tracks] of byPeer) {
    const missing = tracks.flatMap((track) => missingIn(track, part));
    const timed = { audio: [] as TimedSegment[], video: [] as TimedSegment[] };
    let stoppedAt = 0;
    for (const track of tracks) {
      if (!track.meta.firstPacketAt) continue;
      const first = Date.parse(track.meta.firstPacketAt);
      for (const segment of track.segments)
        timed[track.meta.kind].push({
          path: join(track.dir, segment.file),
          at: first + segment.start * 1000,
          seconds: segment.end - segment.start,
        });
      const end = track.meta.stoppedAt
        ? Date.parse(track.meta.stoppedAt)
        : first + (track.segments.at(-1)?.end ?? 0) * 1000;
      stoppedAt = Math.max(stoppedAt, end);
    }
    const kinds = (['video', 'audio'] as const).filter((kind) => timed[kind].length > 0);
    if (kinds.length === 0) continue;
    const t0 = Math.min(...kinds.map((kind) => timed[kind][0]!.at));
    const first = tracks[0]!.meta;
    const baseName = `part-${String(part.meta.part).padStart(4, '0')}-${first.role}-${peerId}`;
    const inputs = kinds.map((kind) => {
      const segments = timed[kind].sort((a, b) => a.at - b.at);
      const listFile = join(workDir, `${baseName}-${kind}.txt`);
      writeFileSync(listFile, concatList(segments));
      return { kind, listFile, offsetSeconds: (segments[0]!.at - t0) / 1000 };
    });
    plans.push({
      part: part.meta.part,
      closedSession: part.meta.closedSession,
      peerId,
      role: first.role,
      label: first.label,
      startedAt: new Date(t0),
      expectedSeconds: (stoppedAt - t0) / 1000,
      inputs,
      missing,
      baseName,
    });
  }
  return plans;
}

/** Each entry lasts until the next begins, so gaps (pauses) stay gaps. */
function concatList(segments: TimedSegment[]): string {
  const quote = (path: string) => `'${path.replace(/'/g, `'\\''`)}'`;
  return (
    ['ffconcat version 1.0']
      .concat(
        segments.flatMap((segment, i) => {
          const next = segments[i + 1];
          const seconds = next ? (next.at - segment.at) / 1000 : segment.seconds;
          return [`file ${quote(segment.path)}`, `duration ${Math.max(0.001, seconds).toFixed(6)}`];
        }),
      )
      .join('\n') + '\n'
  );
}

function missingIn(track: RecordedTrack, part: RecordedPart): MissingNote[] {
  const notes: MissingNote[] = [];
  const ref = { label: track.meta.label, media: track.meta.kind, part: part.meta.part };
  if (!track.meta.firstPacketAt) notes.push({ kind: 'no-media', track: ref });
  for (const file of track.unfinished) {
    let lost: { seconds: number; from: string } | undefined;
    try {
      const last = track.segments.at(-1);
      const since = track.meta.firstPacketAt
        ? Date.parse(track.meta.firstPacketAt) + (last?.end ?? 0) * 1000
        : undefined;
      if (since !== undefined)
        lost = {
          seconds: Math.max(
            0,
            Math.round((statSync(join(track.dir, file)).mtimeMs - since) / 1000),
          ),
          from: new Date(since).toISOString(),
        };
    } catch {
      // The file vanished: say it is missing without an estimate.
    }
    notes.push({ kind: 'unfinished-segment', track: ref, file, lost });
  }
  if (!track.meta.stoppedAt && track.unfinished.length === 0 && track.meta.firstPacketAt)
    notes.push({ kind: 'stopped-abruptly', track: ref });
  // Without this note the master would leave the track out in silence (planMasters keeps only kinds with segments).
  if (
    track.meta.firstPacketAt &&
    track.meta.stoppedAt &&
    track.segments.length === 0 &&
    track.unfinished.length === 0
  )
    notes.push({ kind: 'no-segment', track: ref });
  return notes;
}

export async function writeMaster(
  ffmpeg: string,
  plan: MasterPlan,
  out: string,
  onSeconds?: (seconds: number) => void,
): Promise<void> {
  const args: string[] = [];
  for (const input of plan.inputs)
    args.push(
      '-itsoffset',
      input.offsetSeconds.toFixed(3),
      '-f',
      'concat',
      '-safe',
      '0',
      '-i',
      input.listFile,
    );
  plan.inputs.forEach((_, i) => args.push('-map', String(i)));
  args.push('-c', 'copy', '-f', 'webm', out);
  await runFfmpeg(ffmpeg, args, onSeconds);
}
