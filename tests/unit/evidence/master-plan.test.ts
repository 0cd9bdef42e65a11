/**
 * What a part's masters leave out is said, never silent: a track whose media arrived and whose
 * recorder stopped cleanly but finished no segment is missing from the master, and noted so.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { planMasters } from '../../../host/evidence/finalise.js';
import type { RecordedPart, RecordedTrack, SegmentEntry } from '../../../host/recording/layout.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function track(kind: 'audio' | 'video', segments: SegmentEntry[], unfinished: string[] = []) {
  return {
    dir: `/recordings/part-0002-sealed/witness-${kind}`,
    meta: {
      trackId: `t-${kind}`,
      peerId: 'p-witness',
      role: 'witness',
      label: 'Witness W-17',
      kind,
      startedAt: '2026-12-07T10:00:00.000Z',
      firstPacketAt: '2026-12-07T10:00:00.129Z',
      stoppedAt: '2026-12-07T10:00:07.000Z',
    },
    segments,
    unfinished,
  } satisfies RecordedTrack;
}

function part(tracks: RecordedTrack[]): RecordedPart {
  return {
    dir: '/recordings/part-0002-sealed',
    meta: {
      part: 2,
      hearingId: 1,
      closedSession: true,
      startedAt: '2026-12-07T10:00:00.000Z',
      stoppedAt: '2026-12-07T10:00:07.000Z',
    },
    tracks,
  };
}

const workDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'incamera-master-plan-'));
  dirs.push(dir);
  return dir;
};
const sevenSeconds = [{ file: 'seg-00000.webm', start: 0, end: 6.8 }];

describe('planMasters', () => {
  it('notes a track that received media, stopped cleanly and finished no segment', () => {
    const [plan] = planMasters(part([track('video', sevenSeconds), track('audio', [])]), workDir());
    expect(plan!.inputs.map((i) => i.kind)).toEqual(['video']);
    expect(plan!.missing).toEqual([
      { kind: 'no-segment', track: { label: 'Witness W-17', media: 'audio', part: 2 } },
    ]);
  });

  it('notes nothing when every track finished its segments', () => {
    const tracks = [track('video', sevenSeconds), track('audio', sevenSeconds)];
    const [plan] = planMasters(part(tracks), workDir());
    expect(plan!.inputs.map((i) => i.kind)).toEqual(['video', 'audio']);
    expect(plan!.missing).toEqual([]);
  });

  it('says an unfinished segment once, not also as a track without segments', () => {
    const tracks = [track('video', sevenSeconds), track('audio', [], ['seg-00000.webm'])];
    const [plan] = planMasters(part(tracks), workDir());
    expect(plan!.missing.map((n) => n.kind)).toEqual(['unfinished-segment']);
  });
});
