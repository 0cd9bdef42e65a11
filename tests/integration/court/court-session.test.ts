import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HearingState } from '../../../contract/signalling';
import { auditTrailFor, verifyAuditChain } from '../../../host/records/audit';
import type { TestSignallingClient } from '../support/signalling-client';
import { hearingHost, isNotification, join, produce, seatOf, type Hearing } from './support';

let hearing: Hearing;
const clients: Record<string, TestSignallingClient> = {};
const peers: Record<string, string> = {};
const answers: Record<string, unknown> = {};

beforeAll(async () => {
  hearing = await hearingHost({ hearVoice: false });
  for (const role of ['judge', 'witness', 'prosecutor', 'accused', 'observer'] as const) {
    const { code } = await hearing.issue(hearing.participants[role]);
    const { client, answer } = await join(hearing.host, code);
    expect(answer).toMatchObject({ ok: true });
    clients[role] = client;
    peers[role] = seatOf(answer).self.peerId;
    answers[role] = answer;
  }
});
afterAll(() => hearing.close());

const latestState = (client: TestSignallingClient): HearingState =>
  client.notifications.filter((n) => n.name === 'hearingState').at(-1)!.data as HearingState;
const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
  expect(check()).toBe(true);
};
const c = (role: string) => clients[role]!;
const p = (role: string) => peers[role]!;

describe('the court session', () => {
  it("tells only the witness's client the concealment its order asks for, with its own voice key", () => {
    const protectionOf = (role: string) =>
      (answers[role] as { data?: { witnessProtection?: Record<string, string> } }).data
        ?.witnessProtection;
    expect(protectionOf('witness')).toMatchObject({
      faceStyle: 'pixelate',
      voicePreset: 'strong',
      voiceSeed: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    for (const role of ['judge', 'prosecutor', 'accused', 'observer'])
      expect(protectionOf(role)).toBeUndefined();
  });

  it('keeps everyone but the judge waiting, and only the judge may admit', async () => {
    await until(() => latestState(c('judge')).participants.filter((x) => x.connected).length === 5);
    const state = latestState(c('judge'));
    expect(state.participants.find((x) => x.role === 'judge')?.status).toBe('admitted');
    expect(state.participants.find((x) => x.role === 'witness')).toMatchObject({
      status: 'waiting',
      displayName: expect.stringMatching(/^W-/),
    });
    expect(JSON.stringify(state)).not.toContain('Secret Name');
    expect(state.participants.find((x) => x.role === 'accused')?.screened).toBe(true);

    expect(await produce(c('prosecutor'), 'audio', 'camera', 11)).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('admits you') },
    });
    expect(await c('prosecutor').request('admit', { peerId: p('prosecutor') })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'Only the judge can do this.' },
    });
    expect(await c('judge').request('admit', { peerId: 'p999' })).toMatchObject({
      ok: false,
      error: { code: 'unknown-id' },
    });
    for (const role of ['prosecutor', 'accused', 'observer'])
      expect(await c('judge').request('admit', { peerId: p(role) })).toMatchObject({ ok: true });
    expect(await c('judge').request('callWitness', { peerId: p('witness') })).toMatchObject({
      ok: true,
    });
    await until(() =>
      latestState(c('witness'))
        .participants.filter((x) => x.connected)
        .every((x) => x.status === 'admitted'),
    );
  });

  it('takes only processed media from the witness and screens it as ordered', async () => {
    expect(await produce(c('witness'), 'video', 'camera', 21)).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('masked video') },
    });
    const video = await produce(c('witness'), 'video', 'processed', 22);
    const audio = await produce(c('witness'), 'audio', 'processed', 23);
    expect(video).toMatchObject({ ok: true });
    expect(audio).toMatchObject({ ok: true });
    const videoId = (video as { data: { producerId: string } }).data.producerId;
    const audioId = (audio as { data: { producerId: string } }).data.producerId;
    const offered = (role: string) =>
      c(role)
        .notifications.filter((n) => n.name === 'newProducer')
        .map((n) => (n.data as { producerId: string }).producerId);
    await until(() => offered('judge').includes(videoId) && offered('judge').includes(audioId));
    await until(() => offered('prosecutor').includes(audioId));
    // The accused is screened by role and the observer by name; this order lets neither hear.
    expect(offered('accused')).not.toContain(videoId);
    expect(offered('accused')).not.toContain(audioId);
    expect(offered('observer')).not.toContain(videoId);
    const recv = await c('accused').request('createWebRtcTransport', { direction: 'recv' });
    const transportId = (recv as { data: { id: string } }).data.id;
    expect(
      await c('accused').request('consume', { transportId, producerId: videoId }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });

    // The judge lifts the screening: the accused is offered the witness; back on, it is withdrawn.
    expect(await c('judge').request('setScreening', { on: false })).toMatchObject({ ok: true });
    await until(() => offered('accused').includes(videoId));
    expect(await c('judge').request('setScreening', { on: true })).toMatchObject({ ok: true });
    await until(() => c('accused').notifications.some((n) => n.name === 'producerClosed'));
  });

  it('mutes on the host, and the muted participant cannot unmute themself', async () => {
    const sent = await produce(c('prosecutor'), 'audio', 'camera', 31);
    const producerId = (sent as { data: { producerId: string } }).data.producerId;
    expect(
      await c('judge').request('setMuted', { peerId: p('prosecutor'), muted: true }),
    ).toMatchObject({
      ok: true,
    });
    expect(
      hearing.host.context.court!.find(hearing.hearingId)!.media.room.findProducer(producerId)
        ?.producer.paused,
    ).toBe(true);
    await until(
      () => latestState(c('prosecutor')).participants.find((x) => x.role === 'prosecutor')!.muted,
    );
    expect(await c('prosecutor').request('resumeProducer', { producerId })).toMatchObject({
      ok: false,
      error: {
        code: 'forbidden',
        message: 'The judge has muted you.',
        reason: { code: 'media.muted-by-judge', params: {} },
      },
    });
    await c('judge').request('setMuted', { peerId: p('prosecutor'), muted: false });
    expect(
      hearing.host.context.court!.find(hearing.hearingId)!.media.room.findProducer(producerId)
        ?.producer.paused,
    ).toBe(false);

    await c('judge').request('setWitnessVideoPaused', { paused: true });
    await until(() => latestState(c('accused')).witnessVideoPaused);
  });

  it("tells every seat the court's time zone, and a clerk's change reaches them", async () => {
    const zone = (role: string) => latestState(c(role)).courtTimeZone;
    for (const role of ['judge', 'witness', 'accused'])
      expect(zone(role)).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    const other = zone('judge') === 'Asia/Bishkek' ? 'Asia/Tokyo' : 'Asia/Bishkek';
    const set = await hearing.host.dispatch(
      'records:set-time-zone',
      { timeZone: other },
      { sessionToken: hearing.clerkToken },
    );
    expect(set).toMatchObject({ ok: true });
    await c('judge').request('setWitnessVideoPaused', { paused: false });
    for (const role of ['judge', 'witness', 'accused']) await until(() => zone(role) === other);
  });

  it('drops observers in closed session and ends the hearing for everyone', async () => {
    expect(await c('judge').request('setClosedSession', { closed: true })).toMatchObject({
      ok: true,
    });
    expect(
      await c('observer')
        .nextMessage(isNotification('sessionOver'))
        .catch(() => 'observer'),
    ).toMatchObject({
      data: { reason: 'closed-session' },
    });
    await until(() => latestState(c('prosecutor')).closedSession);

    expect(await c('accused').request('endHearing', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await c('judge').request('endHearing', {})).toMatchObject({ ok: true });
    for (const role of ['judge', 'witness', 'prosecutor', 'accused'])
      expect(
        await c(role)
          .nextMessage(isNotification('sessionOver'))
          .catch(() => role),
      ).toMatchObject({
        data: { reason: 'ended' },
      });
    const { code } = await hearing.issue(hearing.participants.defence).catch(() => ({ code: '' }));
    expect(code).toBe('');
  });

  it('writes every join, admission, mute, screening change, closed session and end to the audit chain', () => {
    const db = hearing.host.context.records!.db;
    const actions = auditTrailFor(db, 'hearing', hearing.hearingId).map((e) => e.action);
    for (const action of [
      'session.opened',
      'session.joined',
      'session.admitted',
      'session.witness-called',
      'session.screening-off',
      'session.screening-on',
      'session.muted',
      'session.unmuted',
      'session.witness-video-paused',
      'session.closed-session-on',
      'session.ended',
    ])
      expect(actions).toContain(action);
    const entries = auditTrailFor(db, 'hearing', hearing.hearingId);
    expect(entries.find((e) => e.action === 'session.muted')).toMatchObject({
      actor: 'Judge Bakyt',
      actorRole: 'judge',
      detail: { at: expect.stringMatching(/^\d{4}-/) },
    });
    expect(JSON.stringify(entries)).not.toContain('Secret Name');
    expect(verifyAuditChain(db)).toMatchObject({ intact: true });
  });
});
