/**
 * A closed-session segment whose sealing fails once (here: a folder where the sealer writes its
 * temporary file) is sealed at the next check instead of being left plain for good, and its hash is
 * reported once.
 */
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newPartKey } from '../../../host/records/crypto/sealed-media';
import { SegmentWatcher, type ClosedSegment } from '../../../host/recording/segment-hashes';

describe('sealing a closed-session segment', () => {
  it('tries again after a failure, and the plain file goes once it is sealed', async () => {
    const hearingDir = mkdtempSync(join(tmpdir(), 'incamera-seal-retry-'));
    const trackDir = join(hearingDir, 'part-0001-sealed', 'witness-p2-video-3');
    mkdirSync(trackDir, { recursive: true });
    writeFileSync(join(trackDir, 'seg-00000.webm'), Buffer.alloc(4096, 7));
    writeFileSync(join(trackDir, 'seg-00001.webm'), Buffer.alloc(4096, 9));
    writeFileSync(join(trackDir, 'segments.csv'), 'seg-00000.webm,0,6\nseg-00001.webm,6,12\n');
    const blocker = join(trackDir, 'seg-00000.webm.sealed.tmp', 'inside');
    mkdirSync(blocker, { recursive: true });
    const closed: ClosedSegment[] = [];
    const court = generateKeyPairSync('x25519');
    const watcher = new SegmentWatcher(
      trackDir,
      hearingDir,
      (segment) => closed.push(segment),
      newPartKey(court.publicKey),
    );

    watcher.check();
    await watcher.settled();
    expect(closed.map((s) => s.path)).toEqual([
      'part-0001-sealed/witness-p2-video-3/seg-00001.webm.sealed',
    ]);
    expect(existsSync(join(trackDir, 'seg-00000.webm'))).toBe(true);

    rmSync(join(trackDir, 'seg-00000.webm.sealed.tmp'), { recursive: true });
    watcher.check();
    await watcher.settled();
    watcher.check();
    await watcher.settled();
    expect(closed.map((s) => s.path)).toEqual([
      'part-0001-sealed/witness-p2-video-3/seg-00001.webm.sealed',
      'part-0001-sealed/witness-p2-video-3/seg-00000.webm.sealed',
    ]);
    expect(existsSync(join(trackDir, 'seg-00000.webm'))).toBe(false);
    expect(existsSync(join(trackDir, 'seg-00000.webm.sealed'))).toBe(true);
    rmSync(hearingDir, { recursive: true });
  });
});
