/**
 * The delay line on the judge's session screen, over the session's signalling (a real host, real
 * records file, real ffmpeg): only the judge's signed-in seat may run the public feed; a cut is
 * reported on the feed's own clock (the one the delay line counts in); closing the session live
 * puts the "Closed session" card on the feed from that moment, although no sealed part was
 * recorded (the court's live state, not only the recorder's parts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingsRootFor } from '../../../host/recording/layout';
import { resolveFfmpeg } from '../../../host/tools/ffmpeg';
import { recordedHearing } from '../../../scripts/lib/gallery-fixture';
import { readFrames, readSamples, rms, toneShare } from '../../../scripts/lib/gallery-readings';
import { hearingHost, join as joinHearing, type Hearing } from '../court/support';

const DELAY_S = 6;
const SEGMENT_S = 6;
const ffmpeg = resolveFfmpeg();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let hearing: Hearing;
type Client = Awaited<ReturnType<typeof joinHearing>>['client'];
let judge: Client;
let counsel: Client;

const answer = async <T>(client: Client, name: string, data: unknown): Promise<T> => {
  const reply = await client.request(name, data);
  if (reply.type !== 'response' || !reply.ok) throw new Error(`${name}: ${JSON.stringify(reply)}`);
  return reply.data as T;
};
const feed = () => hearing.host.context.gallery!.feed(hearing.hearingId)!;

async function releasedSegment(index: number, timeoutMs: number): Promise<string> {
  const name = `seg-${String(index).padStart(6, '0')}.ts`;
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const served = feed().segment(name);
    if (served.ok) {
      const file = join(hearing.staticDir, name);
      writeFileSync(file, served.bytes);
      return file;
    }
    await sleep(250);
  }
  throw new Error(`${name} was never released`);
}

beforeAll(async () => {
  process.env.INCAMERA_GALLERY_DELAY_SECONDS = String(DELAY_S);
  hearing = await hearingHost({ hearVoice: true });
  await recordedHearing({
    root: recordingsRootFor(hearing.dbPath),
    hearingId: hearing.hearingId,
    t0Ms: () => Date.now() - 2000,
    ffmpeg,
    parts: [{ closedSession: false, fromS: 0, toS: 40 }],
  });
  judge = (await joinHearing(hearing.host, (await hearing.issue(hearing.participants.judge)).code))
    .client;
  counsel = (
    await joinHearing(hearing.host, (await hearing.issue(hearing.participants.defence)).code)
  ).client;
}, 120_000);

afterAll(async () => {
  judge?.close();
  counsel?.close();
  await hearing?.close();
  delete process.env.INCAMERA_GALLERY_DELAY_SECONDS;
});

describe("the delay line on the judge's session screen", () => {
  it('refuses every other seat', async () => {
    for (const [name, data] of [
      ['galleryStatus', {}],
      ['setGallery', { on: true }],
      ['cutGallery', { seconds: 10 }],
    ] as const)
      expect(await counsel.request(name, data), name).toMatchObject({
        ok: false,
        error: { code: 'forbidden', message: expect.stringMatching(/judge/i) },
      });
    expect(await answer(judge, 'galleryStatus', {})).toMatchObject({
      state: 'off',
      training: false,
    });
  });

  it("cuts on the feed's clock, and shows closed session as a card from the moment it is closed", async () => {
    const started = await answer<{ state: string }>(judge, 'setGallery', { on: true });
    expect(started.state).toBe('running');
    const origin = hearing.host.context.gallery!.view(hearing.hearingId).originMs!;
    await sleep(1500);
    const cutAt = Date.now();
    const cut = await answer<{ outcome: string; fromSeconds: number; toSeconds: number }>(
      judge,
      'cutGallery',
      { seconds: 5 },
    );
    expect(cut.outcome).toBe('applied');
    // The delay line's "live" is time since the feed's origin; the cut reads on the same clock.
    expect(Math.abs(cut.toSeconds - (cutAt - origin) / 1000)).toBeLessThan(0.5);
    expect(cut.fromSeconds).toBe(0);

    // Closed session in window 1, with the recorder not running: no sealed part is ever written.
    while (Date.now() < origin + SEGMENT_S * 1000 + 2500) await sleep(100);
    const closedAt = Date.now();
    expect(await judge.request('setClosedSession', { closed: true })).toMatchObject({ ok: true });

    const file = await releasedSegment(1, 60_000);
    const closedFrom = (closedAt - origin) / 1000 - SEGMENT_S;
    const frames = readFrames(ffmpeg, file);
    const at = (i: number) => i / 15;
    const before = frames.filter((_, i) => at(i) < closedFrom - 0.4);
    const after = frames.filter((_, i) => at(i) > closedFrom + 0.4 && at(i) < SEGMENT_S - 0.1);
    expect(after.length).toBeGreaterThan(30);
    for (const frame of after) {
      expect(frame.r).toBeLessThan(60);
      expect(frame.b).toBeGreaterThan(frame.r);
      expect(frame.brightest, 'the card text').toBeGreaterThan(150);
    }
    const shown = before.filter((frame) => (frame.r + frame.g + frame.b) / 3 > 60);
    expect(shown.length).toBeGreaterThan(before.length * 0.8);
    const samples = readSamples(ffmpeg, file);
    expect(toneShare(samples, 0.1, closedFrom - 0.4, 440)).toBeGreaterThan(0.5);
    expect(rms(samples, closedFrom + 0.4, SEGMENT_S - 0.1)).toBeLessThan(0.001);
    const startedBy = hearing.host.context
      .records!.db.prepare(`SELECT actor FROM audit_log WHERE action = 'gallery.feed-started'`)
      .all();
    expect(startedBy).toEqual([{ actor: 'Judge Bakyt' }]);
  }, 120_000);
});
