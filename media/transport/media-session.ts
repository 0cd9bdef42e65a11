/**
 * A participant's media session on the host's SFU, through mediasoup-client: loads the device,
 * opens a send and a receive transport, sends local tracks and receives what the host offers.
 * No UI here: callers get typed events and MediaStreamTracks.
 */
import { Device } from 'mediasoup-client';
import { coded } from '../../contract/errors/codes';
import type { Consumer, Producer, Transport } from 'mediasoup-client/types';
import type {
  CourtControlName,
  HearingState,
  PeerInfo,
  SignallingNotificationData,
  SignallingRequestData,
  SignallingResponseData,
  WitnessPipelineState,
  WitnessProtectionOrder,
} from '../../contract/signalling';
import type { PracticeCall, PracticeClientReport } from '../../contract/practice';
import { connectSignalling, problemOf, type SignallingClient } from './signalling-client';

import type {
  LocalTrack,
  MediaSessionClient,
  MediaSessionEvents,
  MediaSessionOptions,
  ReceiveStats,
  RemoteTrack,
} from './media-session-types';

export type {
  LocalTrack,
  MediaSessionClient,
  MediaSessionEvents,
  MediaSessionOptions,
  ReceiveStats,
  RemoteTrack,
};

const HEARTBEAT_EVERY_MS = 1000;
const HEARTBEAT_SILENCE_MS = 8000;

export async function joinMediaSession(options: MediaSessionOptions): Promise<MediaSessionClient> {
  const signalling = await connectSignalling(options.hostUrl);
  const joined = await signalling
    .request('join', {
      token: options.token,
      ...(options.seatToken ? { seatToken: options.seatToken } : {}),
      ...(options.practice ? { practice: true } : {}),
    })
    .catch((error: unknown) => {
      signalling.close();
      throw error;
    });
  const device = new Device();
  await device.load({ routerRtpCapabilities: joined.routerRtpCapabilities as never });
  return new SessionClient(
    signalling,
    device,
    joined.self,
    joined.seatToken,
    joined.witnessProtection,
    joined.peers,
    options.autoConsume ?? true,
  ).start();
}

class SessionClient implements MediaSessionClient {
  readonly peers = new Map<string, PeerInfo>();
  readonly remoteTracks = new Map<string, RemoteTrack>();
  private readonly listeners = new Map<keyof MediaSessionEvents, Set<(data: never) => void>>();
  private readonly consumers = new Map<string, Consumer>();
  private readonly producers = new Map<string, Producer>();
  private sendTransport?: Promise<Transport>;
  private recvTransport?: Promise<Transport>;
  private closed = false;
  private heartbeat: number | undefined;
  private lastAnswerAt = Date.now();
  private lastHearingState: HearingState | undefined;
  private readonly pipelineStates = new Map<
    string,
    SignallingNotificationData<'witnessPipelineState'>
  >();

  constructor(
    private readonly signalling: SignallingClient,
    private readonly device: Device,
    readonly self: PeerInfo,
    readonly seatToken: string | undefined,
    readonly witnessProtection: WitnessProtectionOrder | undefined,
    peers: PeerInfo[],
    private readonly autoConsume: boolean,
  ) {
    for (const peer of peers) this.peers.set(peer.peerId, peer);
  }

  async start(): Promise<this> {
    this.signalling.onNotification((name, data) => this.onNotification(name, data));
    this.signalling.onClose((reason) => this.shutdown(reason));
    this.signalling.onNotice((problem) => this.emit('error', problem));
    this.heartbeat = window.setInterval(() => this.beat(), HEARTBEAT_EVERY_MS);
    await this.signalling.request('setRtpCapabilities', {
      rtpCapabilities: this.device.recvRtpCapabilities as never,
    });
    return this;
  }

  on<E extends keyof MediaSessionEvents>(
    event: E,
    listener: (data: MediaSessionEvents[E]) => void,
  ) {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener as (data: never) => void);
    this.listeners.set(event, set);
    // The state may have arrived with the join, before anyone could listen: give the latest.
    if (event === 'hearingState' && this.lastHearingState)
      (listener as (data: HearingState) => void)(this.lastHearingState);
    if (event === 'witnessPipelineState')
      for (const state of this.pipelineStates.values())
        (listener as (data: MediaSessionEvents['witnessPipelineState']) => void)(state);
    return () => void set.delete(listener as (data: never) => void);
  }

  async produce(track: MediaStreamTrack, appData: Record<string, string | number | boolean> = {}) {
    const transport = await (this.sendTransport ??= this.createTransport('send'));
    const producer = await transport.produce({ track, appData, stopTracks: false });
    this.producers.set(producer.id, producer);
    const request = this.signalling.request;
    return {
      producerId: producer.id,
      kind: producer.kind,
      pause: async () => {
        producer.pause();
        await request('pauseProducer', { producerId: producer.id });
      },
      resume: async () => {
        producer.resume();
        await request('resumeProducer', { producerId: producer.id });
      },
      close: async () => {
        producer.close();
        this.producers.delete(producer.id);
        await request('closeProducer', { producerId: producer.id });
      },
    } satisfies LocalTrack;
  }

  async consume(producerId: string, peerId: string): Promise<RemoteTrack> {
    const transport = await (this.recvTransport ??= this.createTransport('recv'));
    const answer = await this.signalling.request('consume', {
      transportId: transport.id,
      producerId,
    });
    const consumer = await transport.consume({
      id: answer.consumerId,
      producerId: answer.producerId,
      kind: answer.kind,
      rtpParameters: answer.rtpParameters as never,
    });
    this.consumers.set(consumer.id, consumer);
    await this.signalling.request('resumeConsumer', { consumerId: consumer.id });
    const remote: RemoteTrack = {
      consumerId: consumer.id,
      producerId,
      peerId,
      kind: answer.kind,
      track: consumer.track,
    };
    this.remoteTracks.set(consumer.id, remote);
    this.emit('track', remote);
    return remote;
  }

  async reportPipelineState(state: WitnessPipelineState): Promise<void> {
    await this.signalling.request('reportPipelineState', state);
  }

  async reportPractice(report: PracticeClientReport): Promise<PracticeCall> {
    return this.signalling.request('reportPractice', report);
  }

  /** The browser's statistics of the send and the receive transport (candidate pair, RTP). */
  async transportStats(): Promise<RTCStatsReport[]> {
    const transports = [this.sendTransport, this.recvTransport].filter((t) => t !== undefined);
    return Promise.all(transports.map(async (t) => (await t).getStats()));
  }

  async control<N extends CourtControlName>(
    name: N,
    data: SignallingRequestData<N>,
  ): Promise<SignallingResponseData<N>> {
    return this.signalling.request(name, data);
  }

  async receiveStats(consumerId: string): Promise<ReceiveStats | undefined> {
    const consumer = this.consumers.get(consumerId);
    if (!consumer) return undefined;
    for (const entry of (await consumer.getStats()).values()) {
      const stats = entry as Record<string, unknown>;
      if (stats.type !== 'inbound-rtp') continue;
      const count = (key: string) => (typeof stats[key] === 'number' ? (stats[key] as number) : 0);
      return {
        packetsReceived: count('packetsReceived'),
        packetsLost: count('packetsLost'),
        nackCount: count('nackCount'),
        retransmittedPacketsReceived: count('retransmittedPacketsReceived'),
        framesDecoded: count('framesDecoded'),
      };
    }
    return undefined;
  }

  drop(reason: string): void {
    this.shutdown(reason);
    this.signalling.close();
  }

  /**
   * A dead network does not close a WebSocket quickly: a host silent for HEARTBEAT_SILENCE_MS does.
   * Generous, because a busy witness machine (face detection) answers late, not never.
   */
  private beat(): void {
    if (this.closed) return;
    if (Date.now() - this.lastAnswerAt > HEARTBEAT_SILENCE_MS) {
      console.warn(`no answer from the host for ${HEARTBEAT_SILENCE_MS} ms: reconnecting`);
      this.drop('the host stopped answering');
      return;
    }
    void this.signalling.request('ping', {}).then(
      () => (this.lastAnswerAt = Date.now()),
      () => undefined,
    );
  }

  close(): void {
    if (this.closed) return;
    void this.signalling.request('leave', {}).catch(() => undefined);
    this.shutdown('left');
    this.signalling.close();
  }

  private async createTransport(direction: 'send' | 'recv'): Promise<Transport> {
    const info = await this.signalling.request('createWebRtcTransport', { direction });
    const options = {
      id: info.id,
      iceParameters: info.iceParameters,
      iceCandidates: info.iceCandidates,
      dtlsParameters: { ...info.dtlsParameters, role: 'auto' as const },
    } as Parameters<Device['createSendTransport']>[0];
    const transport =
      direction === 'send'
        ? this.device.createSendTransport(options)
        : this.device.createRecvTransport(options);
    transport.on('connect', ({ dtlsParameters }, callback, errback) => {
      this.signalling
        .request('connectWebRtcTransport', {
          transportId: transport.id,
          dtlsParameters: dtlsParameters as never,
        })
        .then(() => callback(), errback);
    });
    if (direction === 'send')
      transport.on('produce', ({ kind, rtpParameters, appData }, callback, errback) => {
        this.signalling
          .request('produce', {
            transportId: transport.id,
            kind,
            rtpParameters: rtpParameters as never,
            appData: appData as Record<string, string>,
          })
          .then(({ producerId }) => callback({ id: producerId }), errback);
      });
    return transport;
  }

  private onNotification(name: string, data: unknown): void {
    switch (name) {
      case 'newProducer': {
        const offer = data as SignallingNotificationData<'newProducer'>;
        this.emit('offered', offer);
        if (this.autoConsume)
          this.consume(offer.producerId, offer.peerId).catch((error: unknown) =>
            this.emit('error', problemOf(error, coded('media.receive-failed'))),
          );
        break;
      }
      case 'consumerClosed': {
        const { consumerId, reason } = data as SignallingNotificationData<'consumerClosed'>;
        this.dropConsumer(consumerId, reason);
        break;
      }
      case 'producerClosed': {
        const { producerId } = data as SignallingNotificationData<'producerClosed'>;
        for (const remote of [...this.remoteTracks.values()])
          if (remote.producerId === producerId)
            this.dropConsumer(remote.consumerId, 'producer-closed');
        break;
      }
      case 'consumerPaused': {
        const { consumerId } = data as SignallingNotificationData<'consumerPaused'>;
        this.consumers.get(consumerId)?.pause();
        this.emit('trackPaused', { consumerId });
        break;
      }
      case 'consumerResumed': {
        const { consumerId } = data as SignallingNotificationData<'consumerResumed'>;
        this.consumers.get(consumerId)?.resume();
        this.emit('trackResumed', { consumerId });
        break;
      }
      case 'hearingState':
        this.lastHearingState = data as HearingState;
        this.emit('hearingState', data as HearingState);
        break;
      case 'witnessPipelineState': {
        const state = data as SignallingNotificationData<'witnessPipelineState'>;
        this.pipelineStates.set(state.peerId, state);
        this.emit('witnessPipelineState', state);
        break;
      }
      case 'sessionOver':
        this.emit('sessionOver', data as SignallingNotificationData<'sessionOver'>);
        break;
      case 'witnessProtection':
        this.emit('witnessProtection', data as WitnessProtectionOrder);
        break;
      case 'peerJoined': {
        const peer = data as PeerInfo;
        this.peers.set(peer.peerId, peer);
        this.emit('peerJoined', peer);
        break;
      }
      case 'peerLeft': {
        const { peerId } = data as { peerId: string };
        this.peers.delete(peerId);
        this.emit('peerLeft', { peerId });
        break;
      }
    }
  }

  private dropConsumer(consumerId: string, reason: string): void {
    const consumer = this.consumers.get(consumerId);
    const remote = this.remoteTracks.get(consumerId);
    this.consumers.delete(consumerId);
    this.remoteTracks.delete(consumerId);
    consumer?.close();
    if (remote) this.emit('trackEnded', { consumerId, producerId: remote.producerId, reason });
  }

  private shutdown(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    window.clearInterval(this.heartbeat);
    void this.sendTransport?.then((t) => t.close()).catch(() => undefined);
    void this.recvTransport?.then((t) => t.close()).catch(() => undefined);
    this.emit('closed', { reason });
  }

  private emit<E extends keyof MediaSessionEvents>(event: E, data: MediaSessionEvents[E]): void {
    for (const listener of this.listeners.get(event) ?? [])
      (listener as (d: MediaSessionEvents[E]) => void)(data);
  }
}
