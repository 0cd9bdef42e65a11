/**
 * A hearing's media room: its peers and their transports, producers and consumers on the SFU. All
 * decisions about who sends and receives what come from the SessionPolicy and are made here, in the
 * host. The signalling endpoint turns client requests into calls on RoomRequests (room-requests.ts).
 */
import { formatError, type CodedError } from '../../contract/errors/codes.js';
import type {
  SignallingNotificationData,
  SignallingNotificationName,
  SignallingErrorCode,
  WitnessPipelineState,
} from '../../contract/signalling.js';
import type { Logger } from '../logger.js';
import type {
  RtpCapabilities,
  SfuConsumer,
  SfuProducer,
  SfuRouter,
  SfuWebRtcTransport,
} from '../sfu/types.js';
import type { ParticipantIdentity, PeerView, ProducerView, SessionPolicy } from './policy.js';

/** A refused request; with a coded reason the client can say it in its user's language. */
export class SignallingFailure extends Error {
  readonly reason: CodedError | undefined;

  constructor(
    readonly code: SignallingErrorCode,
    message: string | CodedError,
  ) {
    super(typeof message === 'string' ? message : formatError(message));
    this.reason = typeof message === 'string' ? undefined : message;
  }
}

export type PeerConnection = {
  notify<N extends SignallingNotificationName>(name: N, data: SignallingNotificationData<N>): void;
  close(reason: string): void;
};

export type Peer = {
  readonly identity: ParticipantIdentity;
  readonly connection: PeerConnection;
  rtpCapabilities?: RtpCapabilities;
  readonly transports: Map<string, { transport: SfuWebRtcTransport; direction: 'send' | 'recv' }>;
  readonly producers: Map<string, SfuProducer>;
  readonly consumers: Map<string, SfuConsumer>;
  /** Producers this peer has been told about (newProducer) and not told are gone. */
  readonly offered: Set<string>;
};

export class Room {
  readonly peers = new Map<string, Peer>();
  /** What each connected witness last reported of its pipelines; judges get it on joining. */
  readonly pipelineStates = new Map<string, WitnessPipelineState>();

  constructor(
    readonly router: SfuRouter,
    readonly policy: SessionPolicy,
    readonly log: Logger,
  ) {}

  addPeer(identity: ParticipantIdentity, connection: PeerConnection): Peer {
    const previous = this.peers.get(identity.peerId);
    if (previous) {
      // One live connection per participant: the newer one wins (a reload or a reconnect).
      this.removePeer(previous);
      previous.connection.close('replaced by a newer connection');
    }
    const peer: Peer = {
      identity,
      connection,
      transports: new Map(),
      producers: new Map(),
      consumers: new Map(),
      offered: new Set(),
    };
    for (const other of this.peers.values()) other.connection.notify('peerJoined', identity);
    this.peers.set(identity.peerId, peer);
    this.log.info({ peerId: identity.peerId, role: identity.role }, 'room.peer-joined');
    this.policy.peerJoined?.(view(peer));
    if (identity.role === 'judge')
      for (const [peerId, state] of this.pipelineStates)
        connection.notify('witnessPipelineState', { ...state, peerId });
    return peer;
  }

  removePeer(peer: Peer): void {
    if (this.peers.get(peer.identity.peerId) !== peer) return;
    this.peers.delete(peer.identity.peerId);
    this.pipelineStates.delete(peer.identity.peerId);
    for (const { transport } of peer.transports.values()) transport.close();
    for (const other of this.peers.values())
      other.connection.notify('peerLeft', { peerId: peer.identity.peerId });
    this.log.info({ peerId: peer.identity.peerId }, 'room.peer-left');
    this.policy.peerLeft?.(view(peer));
  }

  /** Tells every peer allowed to receive it that a producer exists. */
  announceProducer(owner: Peer, producer: SfuProducer): void {
    this.policy.producerAdded?.(producerView(owner, producer));
    for (const peer of this.peers.values()) this.offerIfAllowed(peer, owner, producer);
    producer.on('close', () => {
      for (const peer of this.peers.values()) {
        if (peer.offered.delete(producer.id))
          peer.connection.notify('producerClosed', { producerId: producer.id });
      }
    });
  }

  /** Offers every existing producer this peer may receive (after it told us its capabilities). */
  offerExistingProducers(peer: Peer): void {
    for (const owner of this.peers.values())
      for (const producer of owner.producers.values()) this.offerIfAllowed(peer, owner, producer);
  }

  /**
   * Applies the policy again to everything live: consumers no longer allowed are closed (their
   * clients told why); producers newly allowed are offered; offers withdrawn are announced closed.
   */
  reevaluatePolicy(): void {
    for (const peer of this.peers.values()) {
      for (const consumer of [...peer.consumers.values()]) {
        const found = this.findProducer(consumer.producerId);
        if (found && this.policy.canConsume(view(peer), producerView(found.owner, found.producer)))
          continue;
        peer.consumers.delete(consumer.id);
        consumer.close();
        peer.connection.notify('consumerClosed', { consumerId: consumer.id, reason: 'policy' });
        this.log.info(
          { peerId: peer.identity.peerId, consumerId: consumer.id },
          'room.consumer-revoked',
        );
      }
      for (const owner of this.peers.values())
        for (const producer of owner.producers.values()) {
          const allowed = this.policy.canConsume(view(peer), producerView(owner, producer));
          if (allowed) this.offerIfAllowed(peer, owner, producer);
          else if (peer.offered.delete(producer.id))
            peer.connection.notify('producerClosed', { producerId: producer.id });
        }
    }
  }

  /** A witness's pipelines changed: the policy audits it, every judge is told. */
  pipelineReported(witness: Peer, state: WitnessPipelineState): void {
    const peerId = witness.identity.peerId;
    this.pipelineStates.set(peerId, state);
    this.log.info({ peerId, ...state }, 'room.witness-pipelines');
    this.policy.pipelineReported?.(view(witness), state);
    for (const peer of this.peers.values())
      if (peer.identity.role === 'judge')
        peer.connection.notify('witnessPipelineState', { ...state, peerId });
  }

  findProducer(producerId: string): { owner: Peer; producer: SfuProducer } | undefined {
    for (const owner of this.peers.values()) {
      const producer = owner.producers.get(producerId);
      if (producer) return { owner, producer };
    }
    return undefined;
  }

  close(): void {
    for (const peer of [...this.peers.values()]) {
      this.removePeer(peer);
      peer.connection.close('the hearing host is closing');
    }
  }

  private offerIfAllowed(peer: Peer, owner: Peer, producer: SfuProducer): void {
    if (!peer.rtpCapabilities || peer.offered.has(producer.id) || producer.closed) return;
    if (!this.policy.canConsume(view(peer), producerView(owner, producer))) return;
    peer.offered.add(producer.id);
    peer.connection.notify('newProducer', {
      producerId: producer.id,
      peerId: owner.identity.peerId,
      kind: producer.kind,
      appData: producer.appData as Record<string, string | number | boolean>,
    });
  }
}

export function view(peer: Peer): PeerView {
  return peer.identity;
}

export function producerView(owner: Peer, producer: SfuProducer): ProducerView {
  return {
    producerId: producer.id,
    kind: producer.kind,
    appData: producer.appData,
    owner: view(owner),
  };
}
