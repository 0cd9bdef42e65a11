/**
 * One window of the public feed rendered by real ffmpeg from recorded segments that begin badly, as
 * the first segment of a track does when the host is loaded and the first keyframe comes late: a
 * segment with nothing decodable does not turn the whole window black and silent, and a segment
 * that begins without a keyframe is placed by its own timestamps (its picture does not slide
 * earlier, out from under a redaction drawn at the recorded instant).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderWindow, type FeedLook } from '../../../host/gallery/render-window';
import type { SourceSegment, WindowPlan } from '../../../host/gallery/window-plan';
import { resolveFfmpeg } from '../../../host/tools/ffmpeg';
import { readFrames } from '../../../scripts/lib/gallery-readings';

const ffmpeg = resolveFfmpeg();
const dir = mkdtempSync(join(tmpdir(), 'incamera-window-'));
const look: FeedLook = { width: 320, height: 180, fps: 15, segmentSeconds: 6 };
const run = (args: string[]) =>
  execFileSync(ffmpeg, ['-hide_banner', '-loglevel', 'error', '-y', ...args], { cwd: dir });

/** 4 s of test picture, a keyframe every 2 s (10 fps), then copies missing some packets. */
beforeAll(() => {
  run(
    ['-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=10', '-t', '4'].concat([
      '-c:v',
      'libvpx',
      '-deadline',
      'realtime',
      '-cpu-used',
      '16',
      '-g',
      '20',
      'whole.webm',
    ]),
  );
  run(['-i', 'whole.webm', '-c', 'copy', '-bsf:v', "noise=drop='lt(n,5)'", 'late-key.webm']);
  run(['-i', 'whole.webm', '-c', 'copy', '-bsf:v', "noise=drop='key'", 'no-key.webm']);
  run(['-i', 'whole.webm', '-c', 'copy', '-t', '1', 'short.webm']);
  run(
    ['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000', '-t', '6'].concat([
      '-c:a',
      'libopus',
      '-ac',
      '2',
      'tone.webm',
    ]),
  );
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const source = (file: string, kind: 'audio' | 'video', offset: number, seconds: number) =>
  ({
    path: join(dir, file),
    kind,
    peerId: 'p2',
    role: 'witness',
    offset,
    seconds,
  }) satisfies SourceSegment;
const plan = (sources: SourceSegment[]): WindowPlan => ({
  index: 0,
  window: { fromMs: 0, toMs: 6000 },
  sources,
  redacted: [],
  closed: [],
});
const mean = (frame: { r: number; g: number; b: number }) => (frame.r + frame.g + frame.b) / 3;
const at = (i: number) => i / look.fps;

describe('a window whose recorded segments begin badly', () => {
  it('shows the rest of a window whose first segment has nothing decodable', async () => {
    // Most of what ffmpeg decodes here fails (past its default error rate): not a reason to show
    // the public a black window.
    const result = await renderWindow(
      ffmpeg,
      dir,
      plan([source('no-key.webm', 'video', 0, 4), source('short.webm', 'video', 4, 1)]),
      look,
      'first-broken.ts',
    );
    expect(result).toEqual({ withoutMedia: false });
    const frames = readFrames(ffmpeg, join(dir, 'first-broken.ts'));
    const later = frames.filter((_, i) => at(i) > 4.1 && at(i) < 4.9);
    expect(later.length).toBeGreaterThan(10);
    for (const frame of later) expect(mean(frame)).toBeGreaterThan(60);
  }, 60_000);

  it('places a segment that begins without a keyframe by its own timestamps', async () => {
    // Packets from 0.5 s (its start); the first keyframe at 2 s, i.e. 1.5 s into the segment.
    await renderWindow(
      ffmpeg,
      dir,
      plan([source('late-key.webm', 'video', 1, 3.5)]),
      look,
      'late.ts',
    );
    const frames = readFrames(ffmpeg, join(dir, 'late.ts'));
    const brightness = frames.map((frame) => Math.round(mean(frame))).join(',');
    for (const [i, frame] of frames.entries())
      if (at(i) < 2.4) expect(mean(frame), `frame ${i}: ${brightness}`).toBeLessThan(20);
    const shown = frames.filter((_, i) => at(i) > 2.6 && at(i) < 4.3);
    expect(shown.length).toBeGreaterThan(20);
    for (const frame of shown) expect(mean(frame)).toBeGreaterThan(60);
  }, 60_000);
});
