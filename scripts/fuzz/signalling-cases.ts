/**
 * Cases for the signalling fuzzer: raw garbage, mutated envelopes, and requests of every name in
 * contract/signalling.ts built valid from the session's real ids and then (mostly) mutated.
 */
import { signallingRequests } from '../../contract/signalling.js';
import { routerRtpCapabilities } from '../../host/sfu/rtp-capabilities.js';
import type { Fuzzer } from './random.js';
import { deepNesting, mutate, nastyString, randomJson, setKey } from './values.js';

export type SignallingContext = {
  /** Real codes of seated participants (joins with them are refused: in use). */
  codes: string[];
  peerIds: string[];
  transportIds: string[];
  producerIds: string[];
};

export type SignallingCase = { frame: string | Buffer; name?: string; valid: boolean };

const NAMES = Object.keys(signallingRequests);

/** Requests an insider (a joined participant) may be sent; it never leaves. */
export const INSIDER_NAMES = NAMES.filter((name) => name !== 'leave');

function validData(f: Fuzzer, name: string, ctx: SignallingContext): unknown {
  const peerId = f.pick(ctx.peerIds.length ? ctx.peerIds : ['p1']);
  const transportId = f.pick(ctx.transportIds.length ? ctx.transportIds : ['t1']);
  const producerId = f.pick(ctx.producerIds.length ? ctx.producerIds : ['x1']);
  const ssrc = f.int(1, 0xffffffff);
  switch (name) {
    case 'join':
      return {
        token: f.chance(0.5) ? f.pick(ctx.codes) : randomCode(f),
        ...(f.chance(0.3) ? { seatToken: nastyString(f).slice(0, 128) } : {}),
        ...(f.chance(0.2) ? { practice: true } : {}),
      };
    case 'setRtpCapabilities':
      return { rtpCapabilities: routerRtpCapabilities };
    case 'createWebRtcTransport':
      return { direction: f.pick(['send', 'recv']) };
    case 'connectWebRtcTransport':
      return {
        transportId,
        dtlsParameters: {
          role: 'client',
          fingerprints: [{ algorithm: 'sha-256', value: Array(32).fill('AB').join(':') }],
        },
      };
    case 'produce':
      return {
        transportId,
        kind: f.pick(['audio', 'video']),
        rtpParameters: {
          codecs: [{ mimeType: 'video/VP8', payloadType: 96, clockRate: 90000 }],
          encodings: [{ ssrc }],
        },
        appData: { source: f.pick(['camera', 'processed']) },
      };
    case 'consume':
      return { transportId, producerId };
    case 'pauseProducer':
    case 'resumeProducer':
    case 'closeProducer':
      return { producerId };
    case 'pauseConsumer':
    case 'resumeConsumer':
      return { consumerId: producerId };
    case 'reportPipelineState':
      return {
        video: f.pick(['running', 'starting', 'failed']),
        audio: f.pick(['running', 'starting', 'failed']),
      };
    case 'reportPractice':
      return {
        durationMs: f.int(0, 60_000),
        camera: f.chance(0.5),
        microphone: f.chance(0.5),
        picture: f.pick(['masked', 'whole-frame', 'blocked', 'no-picture']),
        voice: f.pick(['anonymised', 'silenced']),
        previewFrames: f.int(0, 1000),
        previewAudioPackets: f.int(0, 1000),
        rttMs: f.chance(0.8) ? f.int(0, 2000) : null,
        lossPercent: f.chance(0.8) ? f.int(0, 100) : null,
        jitterMs: f.chance(0.8) ? f.int(0, 500) : null,
        path: f.chance(0.8)
          ? {
              local: f.pick(['host', 'srflx', 'prflx', 'relay', 'unknown']),
              remote: f.pick(['host', 'srflx', 'prflx', 'relay', 'unknown']),
              protocol: f.pick(['udp', 'tcp', 'unknown']),
            }
          : null,
      };
    case 'admit':
    case 'callWitness':
    case 'remove':
      return { peerId };
    case 'setMuted':
      return { peerId, muted: f.chance(0.5) };
    case 'setWitnessVideoPaused':
      return { paused: f.chance(0.5) };
    case 'setClosedSession':
      return { closed: f.chance(0.5) };
    case 'setScreening':
      return { on: f.chance(0.5) };
    default:
      return {};
  }
}

const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
function randomCode(f: Fuzzer): string {
  const symbols = Array.from({ length: 28 }, () => f.pick([...CODE_ALPHABET])).join('');
  return symbols.match(/.{4}/g)!.join(f.pick(['-', ' ', '']));
}

export function makeSignallingCase(
  f: Fuzzer,
  ctx: SignallingContext,
  names: readonly string[] = NAMES,
): SignallingCase {
  const roll = f.next();
  if (roll < 0.15) return { frame: garbage(f), valid: false };
  const name = f.pick(names);
  const data = validData(f, name, ctx);
  const envelope: Record<string, unknown> = { type: 'request', id: f.int(0, 2 ** 31), name, data };
  if (roll < 0.3) {
    // The envelope itself is wrong.
    const broken = mutate(f, envelope) as Record<string, unknown>;
    return { frame: JSON.stringify(broken) ?? 'null', name, valid: false };
  }
  const valid = f.chance(0.25);
  if (!valid) envelope.data = mutate(f, data);
  return { frame: JSON.stringify(envelope), name, valid };
}

function garbage(f: Fuzzer): string | Buffer {
  switch (f.int(0, 8)) {
    case 0:
      return Buffer.from(Array.from({ length: f.int(0, 300) }, () => f.int(0, 255)));
    case 1:
      return nastyString(f);
    case 2:
      return JSON.stringify(randomJson(f, 4)) ?? 'null';
    case 3:
      return deepNesting(f.pick([10, 1000, 5000]));
    case 4:
      return `{"type":"request","id":1,"name":"join","data":${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}}`;
    case 5:
      return JSON.stringify({
        type: 'request',
        id: 1,
        name: 'join',
        data: { token: 'x'.repeat(f.pick([30_000, 33_000, 60_000])) },
      });
    case 6: {
      const text = JSON.stringify({ type: 'request', id: 7, name: f.pick(NAMES), data: {} });
      return text.slice(0, f.int(0, text.length - 1));
    }
    case 7: {
      const object: Record<string, unknown> = { type: 'request', id: 3, name: 'ping', data: {} };
      setKey(object, '__proto__', { polluted: true });
      return JSON.stringify(object);
    }
    default:
      return Buffer.alloc(f.pick([0, 1, 40_000]), f.int(0, 255));
  }
}
