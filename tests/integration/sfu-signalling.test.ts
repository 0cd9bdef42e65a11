import { createSocket } from 'node:dgram';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../host/index';
import { silentLogger } from '../../host/logger';
import { LabPolicy } from '../../host/session/lab-policy';
import { routerRtpCapabilities } from '../../host/sfu/rtp-capabilities';
import { buildBindingRequest, stunResponseClass } from '../../host/sfu/stun-integrity';
import { connectTestClient, type TestSignallingClient } from './support/signalling-client';

let host: RunningHost;
const policy = new LabPolicy();

beforeAll(async () => {
  host = await startHost({
    port: 0,
    staticDir: mkdtempSync(join(tmpdir(), 'incamera-ui-')),
    version: '9.9.9',
    shell: 'headless',
    log: silentLogger(),
    session: { policy },
  });
});
afterAll(() => host.close());

async function joined(token: string): Promise<TestSignallingClient> {
  const client = await connectTestClient(host.url);
  const answer = await client.request('join', { token });
  expect(answer).toMatchObject({ ok: true });
  expect(
    await client.request('setRtpCapabilities', { rtpCapabilities: routerRtpCapabilities }),
  ).toMatchObject({
    ok: true,
  });
  return client;
}

const videoParameters = (ssrc: number) => ({
  codecs: [{ mimeType: 'video/VP8', payloadType: 96, clockRate: 90000 }],
  encodings: [{ ssrc }],
});

describe('signalling rejects bad input and carries on', () => {
  it('answers malformed, oversized, unknown, out-of-order and unauthorised messages with errors', async () => {
    const bystander = await joined('lab.judge.Bystander');
    const client = await connectTestClient(host.url);

    client.sendRaw('{not json');
    expect(await client.nextMessage((m) => m.type === 'error')).toMatchObject({
      error: { code: 'malformed' },
    });
    client.sendRaw(
      JSON.stringify({ type: 'request', id: 1, name: 'join', data: { token: 'x'.repeat(40_000) } }),
    );
    expect(await client.nextMessage((m) => m.type === 'error')).toMatchObject({
      error: { code: 'too-large' },
    });
    expect(await client.request('dropTables', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown-request' },
    });
    expect(await client.request('createWebRtcTransport', { direction: 'send' })).toMatchObject({
      ok: false,
      error: { code: 'not-joined' },
    });
    expect(await client.request('join', { token: 'lab.judge' })).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    expect(await client.request('join', { token: 42 })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });

    expect(await client.request('join', { token: 'lab.prosecutor.P' })).toMatchObject({ ok: true });
    expect(await client.request('join', { token: 'lab.prosecutor.P' })).toMatchObject({
      ok: false,
      error: { code: 'already-joined' },
    });
    expect(
      await client.request('connectWebRtcTransport', {
        transportId: 'nope',
        dtlsParameters: { fingerprints: [{ algorithm: 'sha-256', value: 'AA' }] },
      }),
    ).toMatchObject({ ok: false, error: { code: 'unknown-id' } });
    expect(await client.request('resumeConsumer', { consumerId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'unknown-id' },
    });
    expect(
      await client.request('consume', { transportId: 'nope', producerId: 'nope' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'unknown-id' },
    });

    // The bystander's session is untouched.
    expect(await bystander.request('createWebRtcTransport', { direction: 'recv' })).toMatchObject({
      ok: true,
    });
    expect(bystander.notifications.map((n) => n.name)).toContain('peerJoined');
    client.close();
    bystander.close();
  });
});

describe('ICE-lite checks STUN credentials', () => {
  it('rejects a binding request with a wrong password and answers the right one', async () => {
    const client = await joined('lab.judge.Stun');
    const answer = await client.request('createWebRtcTransport', { direction: 'recv' });
    if (answer.type !== 'response' || !answer.ok) throw new Error('no transport');
    const transport = answer.data as {
      iceParameters: { usernameFragment: string; password: string };
      iceCandidates: { ip: string; port: number }[];
    };
    const candidate = transport.iceCandidates[0]!;
    const socket = createSocket('udp4');
    const exchange = (packet: Buffer) =>
      new Promise<Buffer | undefined>((resolve) => {
        const timer = setTimeout(() => resolve(undefined), 1500);
        socket.once('message', (message) => {
          clearTimeout(timer);
          resolve(message);
        });
        socket.send(packet, candidate.port, candidate.ip);
      });
    const username = `${transport.iceParameters.usernameFragment}:attacker`;
    const before = host.context.session.router.stunRejections;

    const wrong = await exchange(buildBindingRequest({ username, password: 'not-the-password' }));
    expect(wrong && stunResponseClass(wrong)).toBe('error');
    expect(host.context.session.router.stunRejections).toBe(before + 1);

    const right = await exchange(
      buildBindingRequest({ username, password: transport.iceParameters.password }),
    );
    expect(right && stunResponseClass(right)).toBe('success');
    socket.close();
    client.close();
  });
});

describe('the host enforces and re-evaluates the policy', () => {
  it('offers the witness video only where allowed and revokes it when screening returns', async () => {
    policy.screening = true;
    const witness = await joined('lab.witness.W');
    const judge = await joined('lab.judge.J');
    const accused = await joined('lab.accused.A');
    const send = await witness.request('createWebRtcTransport', { direction: 'send' });
    if (send.type !== 'response' || !send.ok) throw new Error('no transport');
    const sendId = (send.data as { id: string }).id;

    expect(
      await witness.request('produce', {
        transportId: sendId,
        kind: 'video',
        rtpParameters: videoParameters(1111),
        appData: { source: 'raw-camera' },
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const produced = await witness.request('produce', {
      transportId: sendId,
      kind: 'video',
      rtpParameters: videoParameters(2222),
      appData: { source: 'processed' },
    });
    if (produced.type !== 'response' || !produced.ok) throw new Error('produce failed');
    const { producerId } = produced.data as { producerId: string };

    await judge.nextMessage((m) => m.type === 'notification' && m.name === 'newProducer');
    const accusedRecv = await accused.request('createWebRtcTransport', { direction: 'recv' });
    const accusedRecvId = (accusedRecv as { data: { id: string } }).data.id;
    // Screened: no offer, and asking anyway is refused.
    expect(accused.notifications.some((n) => n.name === 'newProducer')).toBe(false);
    expect(
      await accused.request('consume', { transportId: accusedRecvId, producerId }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });

    // Screening lifted: the accused is offered the video and may consume it.
    policy.screening = false;
    host.context.session.room.reevaluatePolicy();
    await accused.nextMessage((m) => m.type === 'notification' && m.name === 'newProducer');
    const consumed = await accused.request('consume', { transportId: accusedRecvId, producerId });
    expect(consumed).toMatchObject({ ok: true, data: { producerId, kind: 'video' } });
    const { consumerId } = (consumed as { data: { consumerId: string } }).data;

    // Screening back on: the host closes the accused's consumer and says why.
    policy.screening = true;
    host.context.session.room.reevaluatePolicy();
    expect(
      await accused.nextMessage((m) => m.type === 'notification' && m.name === 'consumerClosed'),
    ).toMatchObject({ data: { consumerId, reason: 'policy' } });
    expect(await accused.request('resumeConsumer', { consumerId })).toMatchObject({
      ok: false,
      error: { code: 'unknown-id' },
    });

    // Pausing the producer tells the judge's consumer; closing it tells everyone offered.
    const judgeRecv = await judge.request('createWebRtcTransport', { direction: 'recv' });
    const judgeConsumed = await judge.request('consume', {
      transportId: (judgeRecv as { data: { id: string } }).data.id,
      producerId,
    });
    expect(judgeConsumed).toMatchObject({ ok: true });
    await witness.request('pauseProducer', { producerId });
    await judge.nextMessage((m) => m.type === 'notification' && m.name === 'consumerPaused');
    await witness.request('closeProducer', { producerId });
    await judge.nextMessage((m) => m.type === 'notification' && m.name === 'producerClosed');
    for (const client of [witness, judge, accused]) client.close();
  });
});
