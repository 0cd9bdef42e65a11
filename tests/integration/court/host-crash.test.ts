/**
 * The host killed with SIGKILL mid-hearing and restarted on the same database: the hearing resumes
 * as it was (admissions, mutes, closed session, paused witness video, each witness's voice key),
 * participants rejoin with their seats and no re-admission, and the records are intact.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { HearingState } from '../../../contract/signalling';
import { formatJoinCode, hashSecret, newJoinCode } from '../../../host/court/join-code';
import { linkWitness } from '../../../host/records/queries/hearing-witnesses';
import { insertJoinCode } from '../../../host/records/queries/join-codes';
import { auditTrailFor, verifyAuditChain } from '../../../host/records/audit';
import { openRecordsDatabase } from '../../../host/records/open-database';
import { routerRtpCapabilities } from '../../../host/sfu/rtp-capabilities';
import { startHostProcess, type HostProcess } from '../../e2e/support/host-process';
import { connectTestClient, type TestSignallingClient } from '../support/signalling-client';
import { isNotification, prepareHearingDb, seatOf, signInJudgeSeat } from './support';

const hosts: HostProcess[] = [];
const clients: TestSignallingClient[] = [];
afterAll(async () => {
  for (const client of clients) client.close();
  for (const host of hosts) await host.stop();
});

async function joinAt(url: string, token: string, seatToken?: string) {
  const client = await connectTestClient(url);
  clients.push(client);
  const answer = await client.request('join', { token, ...(seatToken ? { seatToken } : {}) });
  if (answer.type === 'response' && answer.ok) {
    await client.request('setRtpCapabilities', { rtpCapabilities: routerRtpCapabilities });
    // The judge operator signs in on the seat again after a restart: it is kept in memory only.
    if (seatOf(answer).self.role === 'judge') await signInJudgeSeat(client);
  }
  return { client, answer };
}

const stateOf = async (client: TestSignallingClient, check: (s: HearingState) => boolean) => {
  for (let i = 0; i < 100; i++) {
    const latest = client.notifications.filter((n) => n.name === 'hearingState').at(-1);
    if (latest && check(latest.data as HearingState)) return latest.data as HearingState;
    await new Promise((r) => setTimeout(r, 30));
  }
  throw new Error('the hearing state never matched');
};

describe('a host crash mid-hearing', () => {
  it('resumes the hearing after SIGKILL and a restart: state, seats, voice keys and records', async () => {
    const prepared = await prepareHearingDb({ hearVoice: true, secondWitness: true });
    const { dbPath, hearingId, participants, second: other } = prepared;
    const codes: Record<'judge' | 'witness' | 'second' | 'accused' | 'prosecutor', string> = {
      judge: '',
      witness: '',
      second: '',
      accused: '',
      prosecutor: '',
    };
    const db = openRecordsDatabase(dbPath);
    linkWitness(db, participants.witness, prepared.witnessId);
    linkWitness(db, other!.participantId, other!.witnessId);
    for (const role of Object.keys(codes) as (keyof typeof codes)[]) {
      const code = newJoinCode();
      insertJoinCode(db, {
        hearingId,
        participantId: role === 'second' ? other!.participantId : participants[role],
        codeHash: hashSecret(code),
        expiresAt: new Date(Date.now() + 3600_000),
      });
      codes[role] = formatJoinCode(code);
    }
    db.close();

    const first = await startHostProcess(['--db', dbPath]);
    hosts.push(first);
    const judge = await joinAt(first.url, codes.judge);
    const witness = await joinAt(first.url, codes.witness);
    const secondWitness = await joinAt(first.url, codes.second);
    const accused = await joinAt(first.url, codes.accused);
    expect((await joinAt(first.url, codes.prosecutor)).answer).toMatchObject({ ok: true });
    const peer = (answer: unknown) => seatOf(answer).self.peerId;
    const voiceKey = (answer: unknown) =>
      (answer as { data: { witnessProtection: { voiceSeed: string } } }).data.witnessProtection
        .voiceSeed;
    const keysBefore = [voiceKey(witness.answer), voiceKey(secondWitness.answer)];
    expect(keysBefore[0]).not.toBe(keysBefore[1]);
    const control = async (name: string, data: unknown) =>
      expect(await judge.client.request(name, data)).toMatchObject({ ok: true });
    await control('admit', { peerId: peer(accused.answer) });
    await control('callWitness', { peerId: peer(witness.answer) });
    await control('setMuted', { peerId: peer(accused.answer), muted: true });
    await control('setClosedSession', { closed: true });
    await control('setWitnessVideoPaused', { paused: true });
    // The prosecutor stays in the waiting room.

    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    expect(first.child.signalCode).toBe('SIGKILL');
    // Nothing of either key is in the database in the clear, as text or as bytes.
    const raw = Buffer.concat([readFileSync(dbPath), readFileSync(`${dbPath}-wal`)]);
    for (const key of keysBefore) {
      expect(raw.includes(key)).toBe(false);
      expect(raw.includes(Buffer.from(key, 'hex'))).toBe(false);
    }

    const second = await startHostProcess(['--db', dbPath]);
    hosts.push(second);
    // The accused comes back first (a client's auto-reconnect): admitted, still muted, no judge needed.
    const accusedAgain = await joinAt(second.url, codes.accused, seatOf(accused.answer).seatToken);
    expect(accusedAgain.answer).toMatchObject({ ok: true });
    const seen = await stateOf(accusedAgain.client, () => true);
    expect(seen).toMatchObject({ closedSession: true, witnessVideoPaused: true, ended: false });
    const me = seen.participants.find((p) => p.peerId === peer(accused.answer));
    expect(me).toMatchObject({ status: 'admitted', muted: true, connected: true });
    expect(seen.participants.find((p) => p.role === 'witness')?.status).toBe('admitted');
    expect(seen.participants.find((p) => p.role === 'prosecutor')?.status).toBe('waiting');

    const witnessAgain = await joinAt(second.url, codes.witness, seatOf(witness.answer).seatToken);
    const secondAgain = await joinAt(
      second.url,
      codes.second,
      seatOf(secondWitness.answer).seatToken,
    );
    expect([voiceKey(witnessAgain.answer), voiceKey(secondAgain.answer)]).toEqual(keysBefore);
    // A reconnect without the seat token is someone else holding the code: refused.
    const stranger = await joinAt(second.url, codes.judge);
    expect(stranger.answer).toMatchObject({
      ok: false,
      error: { code: 'unauthorized', message: expect.stringContaining('already in use') },
    });
    const judgeAgain = await joinAt(second.url, codes.judge, seatOf(judge.answer).seatToken);
    await stateOf(judgeAgain.client, (s) => s.participants.filter((p) => p.connected).length === 4);
    // The judge's controls still work on the resumed hearing.
    expect(
      await judgeAgain.client.request('setMuted', { peerId: peer(accused.answer), muted: false }),
    ).toMatchObject({ ok: true });
    await accusedAgain.client.nextMessage(isNotification('hearingState'));

    await second.stop();
    const after = openRecordsDatabase(dbPath);
    try {
      expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(verifyAuditChain(after)).toMatchObject({ intact: true });
      const actions = auditTrailFor(after, 'hearing', hearingId).map((e) => e.action);
      expect(actions).toEqual(
        expect.arrayContaining([
          'session.opened',
          'session.muted',
          'session.closed-session-on',
          'session.resumed',
          'session.rejoined',
          'session.unmuted',
        ]),
      );
      // Nobody was admitted or called in twice: the restart kept the judge's decisions.
      expect(actions.filter((a) => a === 'session.admitted')).toHaveLength(1);
      expect(actions.filter((a) => a === 'session.witness-called')).toHaveLength(1);
      expect(after.prepare(`SELECT count(*) AS n FROM witnesses`).get()).toEqual({ n: 2 });
    } finally {
      after.close();
    }
  }, 60_000);
});
