/**
 * One handler per signalling request, typed by the contract's lookup maps. Each checks that the ids
 * it is given belong to the asking peer, and asks the policy before anything is sent or received.
 */
import { coded } from '../../contract/errors/codes.js';
import type {
  CourtControlName,
  SignallingRequestData,
  SignallingRequestName,
  SignallingResponseData,
} from '../../contract/signalling.js';
import type { SfuConsumer } from '../sfu/types.js';
import { producerView, SignallingFailure, view, type Peer, type Room } from './room.js';

/** A witness sends two tracks, everyone else at most two; room for a camera switch. */
const MAX_PRODUCERS_PER_PEER = 4;
/** Every other participant's two tracks in the largest hearing, and room to spare. */
const MAX_CONSUMERS_PER_PEER = 128;

type Handlers = {
  [N in Exclude<SignallingRequestName, 'join' | CourtControlName>]: (
    room: Room,
    peer: Peer,
    data: SignallingRequestData<N>,
  ) => Promise<SignallingResponseData<N>> | SignallingResponseData<N>;
};

function transportOf(peer: Peer, transportId: string, direction: 'send' | 'recv') {
  const entry = peer.transports.get(transportId);
  if (!entry) throw new SignallingFailure('unknown-id', coded('signalling.unknown-transport'));
  if (entry.direction !== direction)
    throw new SignallingFailure(
      'bad-request',
      coded(
        entry.direction === 'send'
          ? 'signalling.transport-for-sending'
          : 'signalling.transport-for-receiving',
      ),
    );
  return entry.transport;
}

function producerOf(peer: Peer, producerId: string) {
  const producer = peer.producers.get(producerId);
  if (!producer) throw new SignallingFailure('unknown-id', coded('signalling.unknown-producer'));
  return producer;
}

function consumerOf(peer: Peer, consumerId: string) {
  const consumer = peer.consumers.get(consumerId);
  if (!consumer) throw new SignallingFailure('unknown-id', coded('signalling.unknown-consumer'));
  return consumer;
}

function watchConsumer(peer: Peer, consumer: SfuConsumer): void {
  consumer.on('close', (reason) => {
    if (!peer.consumers.delete(consumer.id)) return;
    peer.connection.notify('consumerClosed', { consumerId: consumer.id, reason });
  });
  consumer.on('producerpause', () =>
    peer.connection.notify('consumerPaused', { consumerId: consumer.id, by: 'producer' }),
  );
  consumer.on('producerresume', () =>
    peer.connection.notify('consumerResumed', { consumerId: consumer.id }),
  );
}

export const roomRequests: Handlers = {
  setRtpCapabilities(room, peer, { rtpCapabilities }) {
    const first = !peer.rtpCapabilities;
    peer.rtpCapabilities = rtpCapabilities as NonNullable<Peer['rtpCapabilities']>;
    if (first) room.offerExistingProducers(peer);
    return {};
  },

  async createWebRtcTransport(room, peer, { direction }) {
    if (peer.transports.size >= 4)
      throw new SignallingFailure('forbidden', coded('signalling.too-many-transports'));
    const transport = await room.router.createWebRtcTransport({
      appData: { peerId: peer.identity.peerId, direction },
    });
    peer.transports.set(transport.id, { transport, direction });
    transport.on('close', () => peer.transports.delete(transport.id));
    return {
      id: transport.id,
      iceParameters: transport.iceParameters,
      iceCandidates: transport.iceCandidates,
      dtlsParameters: transport.dtlsParameters,
    };
  },

  async connectWebRtcTransport(_room, peer, { transportId, dtlsParameters }) {
    const entry = peer.transports.get(transportId);
    if (!entry) throw new SignallingFailure('unknown-id', coded('signalling.unknown-transport'));
    if (entry.transport.state !== 'new')
      throw new SignallingFailure('bad-request', coded('signalling.transport-connected'));
    await entry.transport.connect({ dtlsParameters });
    return {};
  },

  async produce(room, peer, { transportId, kind, rtpParameters, appData = {} }) {
    const transport = transportOf(peer, transportId, 'send');
    if (peer.producers.size >= MAX_PRODUCERS_PER_PEER)
      throw new SignallingFailure('forbidden', coded('signalling.too-many-tracks-sent'));
    const decision = room.policy.canProduce(view(peer), kind, appData);
    if (!decision.ok) {
      room.log.warn({ peerId: peer.identity.peerId, kind, appData }, 'room.produce-refused');
      throw new SignallingFailure('forbidden', decision.reason);
    }
    if (rtpParameters.codecs.some((codec) => !codec.mimeType.toLowerCase().startsWith(`${kind}/`)))
      throw new SignallingFailure('bad-request', coded('signalling.codec-kind'));
    if (!rtpParameters.encodings?.[0]?.ssrc)
      throw new SignallingFailure('bad-request', coded('signalling.no-ssrc'));
    const producer = await transport.produce({
      kind,
      rtpParameters: rtpParameters as Parameters<typeof transport.produce>[0]['rtpParameters'],
      appData,
    });
    peer.producers.set(producer.id, producer);
    producer.on('close', () => peer.producers.delete(producer.id));
    room.announceProducer(peer, producer);
    return { producerId: producer.id };
  },

  async consume(room, peer, { transportId, producerId }) {
    const transport = transportOf(peer, transportId, 'recv');
    if (!peer.rtpCapabilities)
      throw new SignallingFailure('bad-request', coded('signalling.capabilities-first'));
    const found = room.findProducer(producerId);
    if (!found) throw new SignallingFailure('unknown-id', coded('signalling.unknown-producer'));
    if (peer.consumers.size >= MAX_CONSUMERS_PER_PEER)
      throw new SignallingFailure('forbidden', coded('signalling.too-many-tracks-received'));
    if (!room.policy.canConsume(view(peer), producerView(found.owner, found.producer))) {
      room.log.warn({ peerId: peer.identity.peerId, producerId }, 'room.consume-refused');
      throw new SignallingFailure('forbidden', coded('media.not-allowed-to-receive'));
    }
    // Starts paused: the client resumes once its receiver is ready, so the first keyframe is not lost.
    const consumer = await transport.consume({
      producerId,
      rtpCapabilities: peer.rtpCapabilities,
      paused: true,
    });
    peer.consumers.set(consumer.id, consumer);
    watchConsumer(peer, consumer);
    return {
      consumerId: consumer.id,
      producerId,
      kind: consumer.kind,
      rtpParameters: consumer.rtpParameters,
      producerPaused: consumer.producerPaused,
    };
  },

  pauseProducer(_room, peer, { producerId }) {
    producerOf(peer, producerId).pause();
    return {};
  },
  resumeProducer(room, peer, { producerId }) {
    const producer = producerOf(peer, producerId);
    const decision = room.policy.canResumeProducer?.(view(peer), producerView(peer, producer));
    if (decision && !decision.ok) throw new SignallingFailure('forbidden', decision.reason);
    producer.resume();
    return {};
  },
  closeProducer(_room, peer, { producerId }) {
    producerOf(peer, producerId).close();
    return {};
  },
  pauseConsumer(_room, peer, { consumerId }) {
    consumerOf(peer, consumerId).pause();
    return {};
  },
  resumeConsumer(_room, peer, { consumerId }) {
    consumerOf(peer, consumerId).resume();
    return {};
  },
  ping() {
    return {};
  },
  reportPipelineState(room, peer, state) {
    if (peer.identity.role !== 'witness')
      throw new SignallingFailure('forbidden', coded('signalling.witness-reports-only'));
    room.pipelineReported(peer, state);
    return {};
  },
  reportPractice(room, peer, report) {
    if (!room.policy.practiceReported)
      throw new SignallingFailure('forbidden', coded('practice.not-practice'));
    return room.policy.practiceReported(view(peer), report);
  },
  leave(room, peer) {
    room.removePeer(peer);
    return {};
  },
};
