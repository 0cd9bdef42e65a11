/**
 * The delayed public feed over a recorded hearing on disk (real ffmpeg, real files) and an injected
 * clock: nothing is served before its release time, a redaction marked 5 s before release is black
 * and bleeped when released, closed session is a card (the sealed part's red picture and 3 kHz tone
 * never appear), a late redaction is reported, a restarted engine resumes where it was.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedAuditEvent, PublicFeedOptions } from '../../../host/gallery/feed-options';
import { releaseAt, segmentName } from '../../../host/gallery/feed-timeline';
import { openPublicFeed, type PublicFeed } from '../../../host/gallery/public-feed';
import { resolveFfmpeg } from '../../../host/tools/ffmpeg';
import { recordedHearing } from '../../../scripts/lib/gallery-fixture';
import { readFrames, readSamples, rms, toneShare } from '../../../scripts/lib/gallery-readings';

const T0 = Date.parse('2026-12-03T10:00:00Z');
const clock = { originMs: T0, segmentMs: 4000, delayMs: 60_000 };
const due = (k: number) => releaseAt(clock, k);
const ffmpeg = resolveFfmpeg();
const dir = mkdtempSync(join(tmpdir(), 'incamera-gallery-'));
let now = T0;
const audits: FeedAuditEvent[] = [];
const options: PublicFeedOptions = {
  hearingId: 7,
  recordingsRoot: join(dir, 'recordings'),
  outDir: join(dir, 'gallery'),
  delayMinutes: 1,
  segmentSeconds: 4,
  playlistSegments: 2,
  texts: { redacted: 'Redacted by order of the court', closedSession: 'Closed session' },
  ffmpeg,
  audit: (event) => audits.push(event),
  now: () => now,
  tickMs: 0,
};
let feed: PublicFeed;

/** Every question a client could ask at each instant: nothing may be answered early. */
function earlyAnswers(fromMs: number, toMs: number): string[] {
  const early: string[] = [];
  for (let at = fromMs; at <= toMs; at += 250) {
    now = at;
    for (let k = 0; k <= 8; k++)
      if (feed.segment(segmentName(k), at).ok && at < due(k)) early.push(`${k}@${at - T0}`);
    for (const name of feed.playlist(at).match(/seg-\d+\.ts/g) ?? [])
      if (at < due(Number(name.slice(4, 10)))) early.push(`playlist ${name}@${at - T0}`);
  }
  return early;
}

function served(k: number): string {
  const answer = feed.segment(segmentName(k), now);
  if (!answer.ok) throw new Error(`segment ${k}: ${answer.refusal}`);
  const file = join(dir, `served-${k}-${now}.ts`);
  writeFileSync(file, answer.bytes);
  return file;
}

const framesBetween = (file: string, from: number, to: number) =>
  readFrames(ffmpeg, file).filter((_, i) => i / 15 >= from && i / 15 <= to);

beforeAll(async () => {
  await recordedHearing({
    root: options.recordingsRoot,
    hearingId: 7,
    t0Ms: T0,
    ffmpeg,
    parts: [
      { closedSession: false, fromS: 0, toS: 10 },
      { closedSession: true, fromS: 10, toS: 16 },
      { closedSession: false, fromS: 16, toS: 24 },
    ],
  });
  feed = await openPublicFeed(options);
  feed.start();
}, 180_000);

afterAll(async () => {
  await feed.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the delayed public feed', () => {
  it('renders ahead but serves nothing before its release time', async () => {
    now = T0 + 30_000;
    await feed.tick();
    expect(earlyAnswers(T0, due(0) - 1)).toEqual([]);
    expect(feed.playlist(due(0) - 1)).not.toContain('seg-');
    expect(feed.segment('seg-000000.ts', due(0) - 1)).toEqual({
      ok: false,
      refusal: 'not-released',
    });
    expect(audits.map((a) => a.action)).toEqual(['gallery.feed-started']);
  });

  it('applies a redaction marked 5 s before release, holding the window until it is applied', async () => {
    now = due(1) - 5000;
    const outcome = feed.markRedaction({ fromMs: T0 + 5000, toMs: T0 + 7000 });
    expect(outcome).toEqual({ outcome: 'applied', segments: [1], tooLateSegments: [] });
    // Not yet re-rendered: even past its release time the window is held, never served unredacted.
    expect(feed.segment('seg-000001.ts', due(1) + 1000)).toEqual({
      ok: false,
      refusal: 'not-released',
    });
    await feed.tick();
    expect(earlyAnswers(due(1) - 5000, due(1))).toEqual([]);
    const file = served(1);
    for (const frame of framesBetween(file, 1.1, 2.9)) {
      expect(Math.max(frame.r, frame.g, frame.b)).toBeLessThan(20);
      expect(frame.brightest, 'the notice').toBeGreaterThan(150);
    }
    for (const frame of [...framesBetween(file, 0, 0.9), ...framesBetween(file, 3.1, 4)])
      expect((frame.r + frame.g + frame.b) / 3).toBeGreaterThan(60);
    const samples = readSamples(ffmpeg, file);
    expect(toneShare(samples, 1.1, 2.9, 1000)).toBeGreaterThan(0.5);
    expect(toneShare(samples, 1.1, 2.9, 440)).toBeLessThan(0.05);
    expect(toneShare(samples, 0.1, 0.9, 440)).toBeGreaterThan(0.5);
    expect(toneShare(samples, 0.1, 0.9, 1000)).toBeLessThan(0.05);
    expect(audits.at(-1)).toMatchObject({
      action: 'gallery.redaction-applied',
      detail: { segments: [1] },
    });
  });

  it('shows closed session as a card and silence, never the sealed media', () => {
    expect(earlyAnswers(due(1), due(3))).toEqual([]);
    const card = served(3);
    const frames = readFrames(ffmpeg, card);
    expect(frames.length).toBeGreaterThan(50);
    for (const frame of frames) {
      expect(frame.r).toBeLessThan(60);
      expect(frame.b).toBeGreaterThan(frame.r);
      expect(frame.brightest, 'the card text').toBeGreaterThan(150);
    }
    const silence = readSamples(ffmpeg, card);
    expect(rms(silence, 0, 4)).toBeLessThan(0.001);
    const switching = served(2);
    for (const frame of framesBetween(switching, 0, 1.9))
      expect((frame.r + frame.g + frame.b) / 3).toBeGreaterThan(60);
    for (const frame of framesBetween(switching, 2.1, 4)) expect(frame.r).toBeLessThan(60);
    const sound = readSamples(ffmpeg, switching);
    expect(toneShare(sound, 0.1, 1.9, 440)).toBeGreaterThan(0.5);
    expect(rms(sound, 2.1, 4)).toBeLessThan(0.001);
  });

  it('reports a redaction marked after release as too late', () => {
    now = due(3) + 1000;
    expect(feed.markRedaction({ fromMs: T0 + 9000, toMs: T0 + 9500 })).toEqual({
      outcome: 'too-late',
      segments: [],
      tooLateSegments: [2],
    });
    expect(audits.at(-1)).toMatchObject({
      action: 'gallery.redaction-too-late',
      detail: { segments: [2] },
    });
    expect(feed.markRedaction({ fromMs: T0 + 15_000, toMs: T0 + 17_000 })).toEqual({
      outcome: 'partly-too-late',
      segments: [4],
      tooLateSegments: [3],
    });
  });

  it('refuses any name that is not a released segment', () => {
    for (const name of [
      '../feed.json',
      'feed.json',
      '..%2Ffeed.json',
      'seg-000001.ts/../../feed.json',
      '../recordings/hearing-7/part-0002-sealed/witness-p2-video-2/seg-00000.webm',
      '/etc/passwd',
      'seg-000001.ts\0',
      'seg-000001.key',
      'SEG-000001.TS',
      'seg-1.ts',
      'seg-000001.ts?x=1',
      42,
      undefined,
    ])
      expect(feed.segment(name, now), String(name)).toEqual({ ok: false, refusal: 'bad-name' });
    expect(feed.segment('seg-000005.ts', now)).toEqual({ ok: false, refusal: 'not-released' });
    expect(feed.segment('seg-999999.ts', now)).toEqual({ ok: false, refusal: 'not-released' });
  });

  it('resumes after a restart at the same point, with the redactions it was given', async () => {
    await feed.tick();
    const keyFile = (k: number) => join(options.outDir, `seg-00000${k}.key`);
    const renderedAt = [4, 5].map((k) => statSync(keyFile(k)).mtimeMs);
    const before = feed.status(now);
    await feed.close();
    // The records now hold the marks too: given twice, nothing is rendered again.
    feed = await openPublicFeed({
      ...options,
      redactions: [
        { fromMs: T0 + 5000, toMs: T0 + 7000 },
        { fromMs: T0 + 15_000, toMs: T0 + 17_000 },
      ],
    });
    expect(audits.at(-1)?.action).toBe('gallery.feed-resumed');
    expect(feed.status(now)).toEqual(before);
    await feed.tick();
    expect([4, 5].map((k) => statSync(keyFile(k)).mtimeMs)).toEqual(renderedAt);
    expect(earlyAnswers(now, due(5) + 500)).toEqual([]);
    await feed.tick();
    expect(feed.playlist(now)).toContain('seg-000005.ts');
    expect(feed.playlist(now)).not.toContain('seg-000003.ts');
    expect(feed.segment('seg-000000.ts', now)).toEqual({ ok: false, refusal: 'gone' });
    await feed.close();
    feed = await openPublicFeed({ ...options, redactions: [] });
    const redacted = readFrames(ffmpeg, served(4)).filter((_, i) => i / 15 < 0.9);
    for (const frame of redacted) expect(frame.r, 'redacted before the restart').toBeLessThan(20);
  });

  it('stops: the playlist ends, and a restarted engine stays stopped', async () => {
    await feed.stop();
    expect(feed.playlist(now)).toContain('#EXT-X-ENDLIST');
    expect(audits.at(-1)?.action).toBe('gallery.feed-stopped');
    await feed.close();
    feed = await openPublicFeed(options);
    expect(feed.status(now).live).toBe(false);
    expect(feed.segment('seg-000006.ts', due(6) + 60_000)).toEqual({
      ok: false,
      refusal: 'not-released',
    });
  });
});
