/**
 * A witness's practice call over a real host and records file: the witness's code opens a room of
 * its own (its processed tracks offered back to it alone), the report is graded, stored and audited,
 * the code is not consumed, and the hearing itself never sees the practice: the judge's seat gets no
 * practice peer or producer, nothing is recorded, and the same code then admits the witness.
 */
import { existsSync, readdirSync } from 'node:fs';
import { recordingsRootFor } from '../../../host/recording/layout';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PracticeClientReport } from '../../../contract/practice';
import { connectTestClient, type TestSignallingClient } from '../support/signalling-client';
import { hearingHost, isNotification, join, produce, seatOf, type Hearing } from './support';

let hearing: Hearing;
let witnessCode: string;
let judgeCode: string;
let practice: TestSignallingClient;

const report: PracticeClientReport = {
  durationMs: 20_000,
  camera: true,
  microphone: true,
  picture: 'masked',
  voice: 'anonymised',
  previewFrames: 400,
  previewAudioPackets: 900,
  rttMs: 4,
  lossPercent: 0,
  jitterMs: 2,
  path: { local: 'host', remote: 'host', protocol: 'udp' },
};

async function practiceJoin(code: string) {
  const client = await connectTestClient(hearing.host.url);
  const answer = await client.request('join', { token: code, practice: true });
  return { client, answer };
}

function readDb<T>(sql: string): T[] {
  const db = new Database(hearing.dbPath, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

const auditActions = () =>
  readDb<{ action: string; detail: string }>(`SELECT action, detail FROM audit_log ORDER BY seq`);

beforeAll(async () => {
  hearing = await hearingHost({ hearVoice: true });
  witnessCode = (await hearing.issue(hearing.participants.witness)).code;
  judgeCode = (await hearing.issue(hearing.participants.judge)).code;
});
afterAll(() => hearing.close());

describe('a practice call before the hearing', () => {
  it('opens a room of its own with the order, and a voice key drawn for the practice alone', async () => {
    const { client, answer } = await practiceJoin(witnessCode);
    practice = client;
    expect(answer).toMatchObject({
      ok: true,
      data: {
        self: { peerId: `practice-${hearing.participants.witness}`, role: 'witness' },
        witnessProtection: { faceStyle: 'pixelate', voicePreset: 'strong' },
        peers: [],
      },
    });
    expect(seatOf(answer).seatToken).toBeUndefined();
    // The hearing's own voice key is not drawn by a practice, and the code is not claimed.
    expect(readDb(`SELECT * FROM live_voice_keys`)).toEqual([]);
    expect(readDb(`SELECT claimed_at FROM join_codes WHERE claimed_at IS NOT NULL`)).toEqual([]);
    expect(readDb(`SELECT * FROM live_sessions`)).toEqual([]);
  });

  it('sends only processed tracks, and is offered them back (the preview)', async () => {
    await practice.request('setRtpCapabilities', {
      rtpCapabilities: (await import('../../../host/sfu/rtp-capabilities')).routerRtpCapabilities,
    });
    expect(await produce(practice, 'video', 'camera', 31)).toMatchObject({ ok: false });
    const video = await produce(practice, 'video', 'processed', 32);
    expect(video).toMatchObject({ ok: true });
    const offer = await practice.nextMessage(isNotification('newProducer'));
    expect(offer).toMatchObject({
      data: { peerId: `practice-${hearing.participants.witness}`, kind: 'video' },
    });
    // No judge's control works in a practice room.
    expect(await practice.request('setRecording', { on: true })).toMatchObject({ ok: false });
  });

  it('grades, stores and audits the report once', async () => {
    const answer = await practice.request('reportPractice', report);
    expect(answer).toMatchObject({
      ok: true,
      data: { hearingId: hearing.hearingId, witness: expect.stringMatching(/^W-/) },
    });
    const call = (answer as { data: { grades: Record<string, string> } }).data;
    // The host received no RTP from this signalling-only client: its own count fails the preview.
    expect(call.grades).toMatchObject({ camera: 'pass', maskedPreview: 'fail', link: 'pass' });
    expect(await practice.request('reportPractice', report)).toMatchObject({
      ok: false,
      error: { reason: { code: 'practice.already-reported' } },
    });
    const listed = await hearing.host.dispatch(
      'hearings:practice-calls',
      { hearingId: hearing.hearingId },
      { sessionToken: hearing.clerkToken },
    );
    expect(listed).toMatchObject({
      ok: true,
      data: { calls: [{ overall: 'fail', client: report }] },
    });
    const actions = auditActions().map((a) => a.action);
    expect(actions).toContain('practice.started');
    expect(actions).toContain('practice.reported');
    // The sealed identity never reaches the practice's records or audit.
    expect(JSON.stringify(auditActions())).not.toContain('Secret Name');
    expect(JSON.stringify(readDb(`SELECT * FROM practice_calls`))).not.toContain('Secret Name');
    practice.close();
  });

  it('may be repeated, and refuses a code that is not a witness’s', async () => {
    const again = await practiceJoin(witnessCode);
    expect(again.answer).toMatchObject({ ok: true });
    practice = again.client;
    const judge = await practiceJoin(judgeCode);
    expect(judge.answer).toMatchObject({
      ok: false,
      error: { reason: { code: 'practice.witness-only' } },
    });
    judge.client.close();
  });
});

describe('the hearing afterwards', () => {
  it('never sees the practice, and ends it when it opens', async () => {
    expect(await produce(practice, 'audio', 'processed', 41)).toMatchObject({ ok: true });
    // Closed by the hearing opening, well before the host's 30 s silence limit would close it.
    const closed = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the practice stayed open')), 5000);
      practice.socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    const { client: judge, answer } = await join(hearing.host, judgeCode);
    expect(answer).toMatchObject({ ok: true, data: { peers: [] } });
    await closed;
    const state = await judge.nextMessage(isNotification('hearingState'));
    const peers = (state as { data: { participants: { peerId: string }[] } }).data.participants;
    expect(peers.map((p) => p.peerId).filter((id) => id.startsWith('practice'))).toEqual([]);
    expect(judge.notifications.filter((n) => n.name === 'newProducer')).toEqual([]);
    const late = await practiceJoin(witnessCode);
    expect(late.answer).toMatchObject({
      ok: false,
      error: { reason: { code: 'practice.hearing-started' } },
    });
    late.client.close();

    // The same code still admits the witness to the hearing, as its first claim.
    const { client: witness, answer: joined } = await join(hearing.host, witnessCode);
    expect(joined).toMatchObject({ ok: true, data: { self: { role: 'witness' } } });
    expect(seatOf(joined).seatToken).toMatch(/.+/);
    expect(seatOf(joined).self.peerId).toBe(`p${hearing.participants.witness}`);
    expect(auditActions().map((a) => a.action)).toContain('session.joined');

    // Nothing of the practice was recorded.
    expect(auditActions().filter((a) => a.action.startsWith('recording.'))).toEqual([]);
    const recordings = recordingsRootFor(hearing.dbPath);
    expect(existsSync(recordings) ? readdirSync(recordings) : []).toEqual([]);
    witness.close();
    judge.close();
  });
});
