/**
 * The public gallery wired into a real host: real records file, a recorded hearing on disk, real
 * ffmpeg, HLS over HTTP. The judge starts the feed, the clerk issues a link, the playlist lists
 * nothing before release, the judge cuts a slip inside the delay (black + bleep when released), a
 * restarted host resumes the feed, a revoked or unknown link gets a bare 404. The delay is the test
 * build's seconds-level hook (INCAMERA_GALLERY_DELAY_SECONDS, honoured only with NODE_ENV=test).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiChannel, ApiRequest } from '../../../contract/api.js';
import { startHost, type RunningHost } from '../../../host/index.js';
import { silentLogger } from '../../../host/logger.js';
import { addOperator } from '../../../host/records/operators.js';
import { openRecordsDatabase } from '../../../host/records/open-database.js';
import { initialiseRecords } from '../../../host/records/unlock.js';
import { recordingsRootFor } from '../../../host/recording/layout.js';
import { resolveFfmpeg } from '../../../host/tools/ffmpeg.js';
import { recordedHearing } from '../../../scripts/lib/gallery-fixture.js';
import { readFrames, readSamples, toneShare } from '../../../scripts/lib/gallery-readings.js';
import { COURT_PASSPHRASE, tempDir } from '../records/support.js';

const DELAY_S = 8;
const SEGMENT_S = 6;
const ffmpeg = resolveFfmpeg();
const dir = tempDir();
const dbPath = join(dir, 'gallery.db');
let host: RunningHost;
let hearingId = 0;
let token = '';
let linkId = 0;
let startedBefore = 0;
let cutFromMs = 0;

const open = () =>
  startHost({
    port: 0,
    staticDir: tempDir(),
    version: 'test',
    shell: 'headless',
    log: silentLogger(),
    records: { path: dbPath },
  });

async function call<C extends ApiChannel>(
  channel: C,
  data: ApiRequest<C>,
  as?: { name: string; role: 'clerk' | 'judge' },
) {
  const sessionToken = as && host.context.records!.sessions.open(as).token;
  return host.dispatch(channel, data, { sessionToken });
}
const clerk = { name: 'Clerk Asel', role: 'clerk' as const };
const judge = { name: 'Judge Bakyt', role: 'judge' as const };

async function ok<C extends ApiChannel>(
  channel: C,
  data: ApiRequest<C>,
  as?: { name: string; role: 'clerk' | 'judge' },
) {
  const result = await call(channel, data, as);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.data as never;
}

const origin = () => host.url.replace(/\/$/, '');
const get = (path: string) => fetch(`${origin()}${path}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function playlistNames(): Promise<string[]> {
  const response = await get(`/gallery/${token}/index.m3u8`);
  expect(response.status).toBe(200);
  return (await response.text()).match(/seg-\d{6}\.ts/g) ?? [];
}

async function waitForSegment(name: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if ((await playlistNames()).includes(name)) return;
    await sleep(250);
  }
  throw new Error(`${name} was never released`);
}

const feedOrigin = (): number =>
  (
    JSON.parse(readFileSync(join(dir, 'gallery', `hearing-${hearingId}`, 'feed.json'), 'utf8')) as {
      originMs: number;
    }
  ).originMs;

const auditActions = () =>
  host.context
    .records!.db.prepare(`SELECT action, actor FROM audit_log WHERE action LIKE 'gallery.%'`)
    .all() as { action: string; actor: string }[];

beforeAll(async () => {
  process.env.INCAMERA_SCRYPT_COST = '10';
  process.env.INCAMERA_GALLERY_DELAY_SECONDS = String(DELAY_S);
  const setup = openRecordsDatabase(dbPath);
  const admin = { name: 'setup', role: 'administrator' as const };
  await initialiseRecords(setup, dbPath, COURT_PASSPHRASE, admin);
  await addOperator(setup, admin, { name: clerk.name, role: 'clerk', passphrase: 'clerk words' });
  await addOperator(setup, admin, { name: judge.name, role: 'judge', passphrase: 'judge words' });
  setup.close();
  host = await open();
  const created: { id: number } = await ok(
    'cases:create',
    {
      number: 'CR-2026/19',
      court: 'Bishkek City Court',
      offenceCategory: 'trafficking-in-persons',
    },
    clerk,
  );
  const hearing: { id: number } = await ok(
    'hearings:create',
    { caseId: created.id, scheduledAt: '2026-12-03T10:00', courtroom: 'Courtroom 2' },
    clerk,
  );
  hearingId = hearing.id;
  // The recorder's parts, laid from just before now on: the feed covers what is recorded from its start.
  await recordedHearing({
    root: recordingsRootFor(dbPath),
    hearingId,
    t0Ms: () => Date.now() - 2000,
    ffmpeg,
    parts: [{ closedSession: false, fromS: 0, toS: 90 }],
  });
}, 120_000);

afterAll(async () => {
  await host?.close();
  delete process.env.INCAMERA_GALLERY_DELAY_SECONDS;
});

describe('the public gallery on a real host', () => {
  it('lets only the judge start it, and the clerk issue a link to it', async () => {
    const refused = await call('gallery:start', { hearingId }, clerk);
    expect(refused.ok).toBe(false);
    startedBefore = Date.now();
    const status: { state: string; delayMinutes: number } = await ok(
      'gallery:start',
      { hearingId },
      judge,
    );
    expect(status).toMatchObject({ state: 'running', delayMinutes: DELAY_S / 60 });
    const issued: { url: string; playlistUrl: string; link: { id: number } } = await ok(
      'gallery:issue-link',
      { hearingId, label: 'Press room' },
      clerk,
    );
    token = /#\/gallery\/([A-Za-z0-9_-]{43})$/.exec(issued.url)![1]!;
    linkId = issued.link.id;
    expect(issued.url).toBe(`${origin()}/#/gallery/${token}`);
    expect(issued.playlistUrl).toBe(`${origin()}/gallery/${token}/index.m3u8`);
    const stored = JSON.stringify(
      host.context.records!.db.prepare(`SELECT * FROM gallery_links`).all(),
    );
    expect(stored).not.toContain(token);
    const view = await call('gallery:view', { token });
    expect(view).toEqual({
      ok: true,
      data: {
        hearing: { title: 'CR-2026/19 · Courtroom 2' },
        state: 'running',
        delayMinutes: DELAY_S / 60,
      },
    });
  });

  it('serves nothing before release, then the cut slip blacked and bleeped', async () => {
    const releaseOfFirst = startedBefore + (SEGMENT_S + DELAY_S) * 1000;
    const playlist = await get(`/gallery/${token}/index.m3u8`);
    expect(playlist.headers.get('content-type')).toBe('application/vnd.apple.mpegurl');
    expect(playlist.headers.get('cache-control')).toBe('no-store');
    // The judge hears a slip at ~7 s and cuts the last 5 s, well inside the delay.
    while (Date.now() < startedBefore + 7000) {
      expect(await playlistNames()).toEqual([]);
      expect((await get(`/gallery/${token}/seg-000000.ts`)).status).toBe(404);
      await sleep(500);
    }
    const cutBefore = Date.now();
    const cut: { outcome: string } = await ok('gallery:cut', { hearingId, seconds: 5 }, judge);
    cutFromMs = Date.now() - 5000;
    expect(cut.outcome).toBe('applied');
    for (;;) {
      const names = await playlistNames();
      if (Date.now() >= releaseOfFirst) break;
      expect(names, 'released early').toEqual([]);
      await sleep(250);
    }
    await waitForSegment('seg-000000.ts', 60_000);
    const answer = await get(`/gallery/${token}/seg-000000.ts`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('video/mp2t');
    const file = join(dir, 'seg-000000.ts');
    writeFileSync(file, Buffer.from(await answer.arrayBuffer()));
    // The feed's own origin, as it keeps it: window 0 starts there.
    const startedAt = feedOrigin();
    const cutFromS = (cutBefore - 5000 - startedAt) / 1000;
    const frames = readFrames(ffmpeg, file);
    const cutFrom = (cutFromMs - startedAt) / 1000;
    const at = (i: number) => i / 15;
    const after = frames.filter((_, i) => at(i) > cutFrom + 0.4 && at(i) < SEGMENT_S - 0.1);
    const before = frames.filter((_, i) => at(i) < cutFromS - 0.4);
    expect(after.length).toBeGreaterThan(20);
    for (const frame of after) expect(Math.max(frame.r, frame.g, frame.b)).toBeLessThan(20);
    const samples = readSamples(ffmpeg, file);
    const from = cutFrom + 0.4;
    expect(toneShare(samples, from, SEGMENT_S - 0.2, 1000)).toBeGreaterThan(0.5);
    expect(toneShare(samples, from, SEGMENT_S - 0.2, 440)).toBeLessThan(0.05);
    // Before the cut the record is there: its tone, and (most of) its picture.
    expect(toneShare(samples, 0.1, cutFromS - 0.4, 440)).toBeGreaterThan(0.5);
    const shown = before.filter((frame) => (frame.r + frame.g + frame.b) / 3 > 60);
    const brightness = frames.map((frame) => Math.round(frame.r)).join(',');
    expect(shown.length, `cut from ${cutFromS} s; red by frame: ${brightness}`).toBeGreaterThan(
      before.length * 0.8,
    );
    expect(auditActions()).toEqual(
      expect.arrayContaining([
        { action: 'gallery.feed-started', actor: judge.name },
        { action: 'gallery.link-issued', actor: clerk.name },
        { action: 'gallery.redaction-applied', actor: judge.name },
      ]),
    );
  }, 120_000);

  it('resumes the feed after the host restarts, and reports a cut that comes too late', async () => {
    await host.close();
    host = await open();
    expect(auditActions()).toContainEqual({ action: 'gallery.feed-resumed', actor: 'host' });
    await waitForSegment('seg-000001.ts', 60_000);
    const late: { outcome: string } = await ok('gallery:cut', { hearingId, seconds: 600 }, judge);
    expect(late.outcome).toBe('partly-too-late');
    expect(auditActions()).toContainEqual({
      action: 'gallery.redaction-too-late',
      actor: judge.name,
    });
  }, 120_000);

  it('answers a revoked or unknown link with a bare 404, and the view with a coded error', async () => {
    await ok('gallery:revoke-link', { linkId }, clerk);
    for (const path of [
      `/gallery/${token}/index.m3u8`,
      `/gallery/${token}/seg-000000.ts`,
      `/gallery/${'A'.repeat(43)}/index.m3u8`,
      `/gallery/${token}/seg-000000.key`,
      `/gallery/${token}/feed.json`,
      `/gallery/short/index.m3u8`,
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(await response.text()).toBe('Not found');
    }
    const view = await call('gallery:view', { token });
    expect(view).toMatchObject({ ok: false, error: { code: 'gallery.link-unknown' } });
    const links: { links: { revokedAt?: string }[] } = await ok(
      'gallery:links',
      { hearingId },
      clerk,
    );
    expect(links.links[0]?.revokedAt).toBeDefined();
    expect(auditActions()).toContainEqual({ action: 'gallery.link-revoked', actor: clerk.name });
  });
});
