/**
 * The signalling WebSocket (SIGNALLING_PATH): every message size-limited and validated with zod
 * before it reaches the room. A bad message gets an error back to its sender and a log line; the
 * connection and everyone else's session carry on. Requests of one connection run in order.
 */
import type { RawData } from 'ws';
import { coded } from '../../contract/errors/codes.js';
import {
  clientEnvelope,
  isCourtControlName,
  isSignallingRequestName,
  SIGNALLING_MAX_MESSAGE_BYTES,
  signallingRequests,
  type HostEnvelope,
  type SignallingError,
  type SignallingRequestData,
} from '../../contract/signalling.js';
import type { HostLimits } from '../limits.js';
import type { Logger } from '../logger.js';
import {
  createWebSocketEndpoint,
  parseJsonOrNull,
  type WebSocketEndpoint,
} from '../net/websocket-endpoint.js';
import { ConnectionGuard } from './connection-guard.js';
import type { JoinThrottle, ThrottleCrossing } from './join-throttle.js';
import { SfuError } from '../sfu/webrtc-transport.js';
import { roomRequests } from './room-requests.js';
import type { JoinDecision } from './policy.js';
import { SignallingFailure, type Peer, type PeerConnection, type Room } from './room.js';

/** Where a join token leads: the room of its hearing, and the policy's decision. */
export type Lobby = {
  admit(
    token: string,
    seatToken: string | undefined,
    options?: { practice?: boolean },
  ): Promise<{ room?: Room; decision: JoinDecision }>;
  /** Joins are being slowed (someone may be guessing codes): for the audit log. */
  joinThrottled?(crossing: ThrottleCrossing, room: Room | undefined): void;
};

/** Every join goes to one room (lab tokens, tests): its policy decides. */
export function singleRoomLobby(room: Room): Lobby {
  return {
    async admit(token, seatToken, options) {
      if (options?.practice)
        return { decision: { ok: false, reason: coded('practice.unavailable') } };
      return { room, decision: await room.policy.authorizePeer(token, seatToken) };
    },
    joinThrottled: (crossing) => room.policy.joinThrottled?.(crossing),
  };
}

/** Frames above this are cut off by ws itself; between the two limits the client gets an error. */
const HARD_FRAME_LIMIT = 4 * SIGNALLING_MAX_MESSAGE_BYTES;

export function createSignallingEndpoint(
  lobby: Lobby,
  log: Logger,
  limits: HostLimits,
  throttle: JoinThrottle,
): WebSocketEndpoint {
  return createWebSocketEndpoint(HARD_FRAME_LIMIT, (socket, request) => {
    const remoteAddress = request.socket.remoteAddress ?? 'unknown';
    const remote = `${remoteAddress}:${request.socket.remotePort}`;
    let peer: Peer | undefined;
    // Set by the join: every later request of this connection is about that hearing's room.
    let room: Room | undefined;
    let queue = Promise.resolve();
    const send = (message: HostEnvelope) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
    };
    const connection: PeerConnection = {
      notify: (name, data) => send({ type: 'notification', name, data }),
      close: (reason) => socket.close(4000, reason.slice(0, 120)),
    };
    const guard = new ConnectionGuard(limits, (code, reason) => {
      log.warn({ remote, peerId: peer?.identity.peerId, reason }, 'signalling.closed-by-host');
      socket.close(code, reason);
    });
    const reject = (refusal: SignallingError, id?: number) => {
      log.warn(
        { remote, peerId: peer?.identity.peerId, code: refusal.code, message: refusal.message },
        'signalling.rejected',
      );
      // A refusal without its own code still reaches the screen in its user's language.
      const error: SignallingError = refusal.reason
        ? refusal
        : {
            ...refusal,
            reason: coded(refusal.code === 'failed' ? 'signalling.failed' : 'signalling.refused'),
          };
      send(
        id === undefined ? { type: 'error', error } : { type: 'response', id, ok: false, error },
      );
    };

    socket.on('message', (raw: RawData, isBinary: boolean) => {
      const verdict = guard.onMessage();
      if (verdict === 'close') return;
      if (verdict === 'refuse')
        return send({
          type: 'error',
          error: {
            code: 'rate-limited',
            message: 'Too many messages: slow down.',
            reason: coded('signalling.too-many-messages'),
          },
        });
      // The heartbeat is answered at once, not behind a slow request (a transport connecting).
      const ping = isBinary ? undefined : heartbeatId(raw);
      if (ping !== undefined && peer)
        return send({ type: 'response', id: ping, ok: true, data: {} });
      queue = queue.then(() =>
        handle(raw, isBinary).catch((error: unknown) => {
          log.error({ remote, err: error }, 'signalling.failed');
        }),
      );
    });

    async function handle(raw: RawData, isBinary: boolean): Promise<void> {
      const bytes = Array.isArray(raw) ? Buffer.concat(raw) : Buffer.from(raw as ArrayBuffer);
      if (bytes.length > SIGNALLING_MAX_MESSAGE_BYTES)
        return reject({
          code: 'too-large',
          message: `Messages are limited to ${SIGNALLING_MAX_MESSAGE_BYTES} bytes.`,
        });
      const envelope = clientEnvelope.safeParse(
        isBinary ? null : parseJsonOrNull(bytes.toString('utf8')),
      );
      if (!envelope.success)
        return reject({ code: 'malformed', message: 'Not a signalling request.' });
      const { id, name, data } = envelope.data;
      if (!isSignallingRequestName(name))
        return reject(
          { code: 'unknown-request', message: `Unknown request "${name.slice(0, 64)}".` },
          id,
        );
      const parsed = signallingRequests[name].data.safeParse(data ?? {});
      if (!parsed.success)
        return reject(
          { code: 'bad-request', message: `The ${name} request is not well-formed.` },
          id,
        );
      try {
        const result = await run(name, parsed.data);
        send({ type: 'response', id, ok: true, data: result });
      } catch (error) {
        if (error instanceof SignallingFailure)
          return reject(
            {
              code: error.code,
              message: error.message,
              ...(error.reason ? { reason: error.reason } : {}),
            },
            id,
          );
        // The SFU refusing what a client asked for (a codec it cannot receive, a closed transport).
        if (error instanceof SfuError)
          return reject({ code: 'bad-request', message: error.message }, id);
        log.error({ remote, request: name, err: error }, 'signalling.request-failed');
        reject({ code: 'failed', message: `The ${name} request failed on the host.` }, id);
      }
    }

    async function run(name: string, data: unknown): Promise<unknown> {
      if (name === 'join') {
        if (peer) throw new SignallingFailure('already-joined', coded('signalling.already-joined'));
        const { token, seatToken, practice } = data as SignallingRequestData<'join'>;
        const waitMs = throttle.waitMs(remoteAddress, token);
        if (waitMs > 0)
          throw new SignallingFailure(
            'rate-limited',
            coded('join.too-many-attempts', { count: Math.ceil(waitMs / 1000) }),
          );
        const { room: joined, decision } = await lobby.admit(token, seatToken, { practice });
        if (!decision.ok || !joined) {
          for (const crossing of throttle.failed(remoteAddress, token)) {
            log.warn(crossing, 'signalling.join-throttled');
            lobby.joinThrottled?.(crossing, joined);
          }
          throw new SignallingFailure(
            'unauthorized',
            decision.ok ? coded('join.invalid') : decision.reason,
          );
        }
        throttle.succeeded(token);
        guard.joined();
        room = joined;
        peer = joined.addPeer(decision.identity, connection);
        const self = peer;
        return {
          self: self.identity,
          ...(decision.seatToken ? { seatToken: decision.seatToken } : {}),
          ...(decision.witnessProtection ? { witnessProtection: decision.witnessProtection } : {}),
          peers: [...joined.peers.values()].filter((p) => p !== self).map((p) => p.identity),
          routerRtpCapabilities: joined.router.rtpCapabilities,
        };
      }
      if (!peer || !room || room.peers.get(peer.identity.peerId) !== peer)
        throw new SignallingFailure('not-joined', coded('signalling.join-first'));
      if (isCourtControlName(name)) {
        if (!room.policy.handleControl)
          throw new SignallingFailure('forbidden', coded('signalling.no-court-session'));
        return (await room.policy.handleControl(peer.identity, name, data)) ?? {};
      }
      const handler = roomRequests[name as keyof typeof roomRequests] as (
        room: Room,
        peer: Peer,
        data: unknown,
      ) => unknown;
      return handler(room, peer, data);
    }

    socket.on('close', () => {
      guard.stop();
      if (peer && room) room.removePeer(peer);
    });
    socket.on('error', (error) =>
      log.warn({ remote, err: error.message }, 'signalling.socket-error'),
    );
  });
}

const HEARTBEAT = /^\{"type":"request","id":(\d{1,15}),"name":"ping","data":\{\}\}$/;

function heartbeatId(raw: RawData): number | undefined {
  const text = Array.isArray(raw) ? Buffer.concat(raw) : Buffer.from(raw as ArrayBuffer);
  if (text.length > 80) return undefined;
  const match = HEARTBEAT.exec(text.toString('utf8'));
  return match ? Number(match[1]) : undefined;
}
