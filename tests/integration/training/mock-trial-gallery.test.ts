/**
 * The mock trial's public gallery on a real training host: the judge's seat runs the same delay
 * line as in a real hearing, marked as training, with the scenario's 1-minute delay; a cut inside
 * the delay holds the window (it is applied, never served before its release), and another seat is
 * refused.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../../host/index';
import { silentLogger } from '../../../host/logger';
import { trainingDatabasePath } from '../../../host/training/training-database';
import { TRAINING_OPERATORS } from '../../../host/training/scenarios';
import { routerRtpCapabilities } from '../../../host/sfu/rtp-capabilities';
import { connectTestClient, type TestSignallingClient } from '../support/signalling-client';
import { seededDatabase } from '../records/support';

const staticDir = mkdtempSync(join(tmpdir(), 'incamera-ui-'));
writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>InCamera test</title>');
let host: RunningHost;
const clients: TestSignallingClient[] = [];

async function seat(code: string): Promise<TestSignallingClient> {
  const client = await connectTestClient(host.url);
  clients.push(client);
  expect(await client.request('join', { token: code })).toMatchObject({ ok: true });
  await client.request('setRtpCapabilities', { rtpCapabilities: routerRtpCapabilities });
  return client;
}

async function answer<T>(client: TestSignallingClient, name: string, data: unknown): Promise<T> {
  const reply = await client.request(name, data);
  if (reply.type !== 'response' || !reply.ok) throw new Error(`${name}: ${JSON.stringify(reply)}`);
  return reply.data as T;
}

beforeAll(async () => {
  delete process.env.INCAMERA_GALLERY_DELAY_SECONDS;
  host = await startHost({
    port: 0,
    staticDir,
    version: '9.9.9',
    shell: 'headless',
    log: silentLogger(),
    records: { path: trainingDatabasePath(await seededDatabase(0)) },
    training: true,
  });
}, 60_000);
afterAll(async () => {
  for (const client of clients) client.close();
  await host?.close();
});

describe("the mock trial's public gallery", () => {
  it('gives the trainee judge the delay line, marked as training, and a cut inside the delay holds the window', async () => {
    const response = await fetch(`${host.url}api/training:start-scenario`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ scenario: 'trafficking-victim-witness', linkBase: host.url }),
    });
    const started = (await response.json()) as {
      data: { hearingId: number; participants: { role: string; code: string }[] };
    };
    const { hearingId, participants } = started.data;
    const codeOf = (role: string) => participants.find((p) => p.role === role)!.code;
    const judge = await seat(codeOf('judge'));
    const trainingJudge = TRAINING_OPERATORS.find((o) => o.role === 'judge')!;
    await answer(judge, 'signInJudge', {
      operator: trainingJudge.name,
      passphrase: trainingJudge.passphrase,
    });
    const prosecutor = await seat(codeOf('prosecutor'));

    expect(await answer(judge, 'galleryStatus', {})).toMatchObject({
      state: 'off',
      delayMinutes: 1,
      training: true,
    });
    expect(await answer(judge, 'setGallery', { on: true })).toMatchObject({ state: 'running' });
    expect(await prosecutor.request('cutGallery', { seconds: 10 })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    // The trainee hears a slip and cuts it: inside the 1-minute delay, so it is applied.
    const cut = await answer<{ outcome: string }>(judge, 'cutGallery', { seconds: 10 });
    expect(cut.outcome).toBe('applied');
    const feed = host.context.gallery!.feed(hearingId)!;
    expect(feed.segment('seg-000000.ts')).toEqual({ ok: false, refusal: 'not-released' });
    expect(feed.playlist()).not.toMatch(/seg-/);
    const applied = host.context
      .records!.db.prepare(
        `SELECT actor FROM audit_log WHERE action = 'gallery.redaction-applied' AND subject_id = ?`,
      )
      .all(hearingId);
    expect(applied).toEqual([{ actor: trainingJudge.name }]);
    expect(await answer(judge, 'setGallery', { on: false })).toMatchObject({ state: 'stopped' });
  });
});
