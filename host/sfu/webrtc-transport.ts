/**
 * One browser's WebRTC transport: ICE-lite + DTLS-SRTP (server role) on werift. Incoming RTP goes to
 * the producer that owns its SSRC; incoming RTCP (PLI/FIR/NACK) goes to the consumer it names.
 */
import { randomUUID } from 'node:crypto';
import {
  GenericNack,
  PictureLossIndication,
  ProtectionProfileAeadAes128Gcm,
  ProtectionProfileAes128CmHmacSha1_80,
  RTCDtlsFingerprint,
  RTCDtlsParameters,
  RTCDtlsTransport,
  RtcpPayloadSpecificFeedback,
  RtcpSrPacket,
  RtcpTransportLayerFeedback,
  type RtcpPacket,
  type RtpHeader,
  type RtpPacket,
} from 'werift';
import { WeriftConsumer } from './consumer.js';
import { Emitter } from './emitter.js';
import { createIceLite, type IceLite, type StunRejection } from './ice-lite.js';
import { WeriftProducer } from './producer.js';
import { canReceiveKind } from './rtp-capabilities.js';
import type {
  AppData,
  ConsumerOptions,
  DtlsParameters,
  ProducerOptions,
  SfuWebRtcTransport,
  TransportEvents,
  TransportState,
} from './types.js';

export type TransportHost = {
  listenIp: string;
  announcedIp?: string;
  impairment: { lossRate: number; delayMs: number; jitterMs?: number };
  findProducer(id: string): WeriftProducer | undefined;
  registerProducer(producer: WeriftProducer): void;
  onStunRejected(transportId: string, rejection: StunRejection): void;
};

export class SfuError extends Error {}

export class WeriftWebRtcTransport extends Emitter<TransportEvents> implements SfuWebRtcTransport {
  readonly id = randomUUID();
  state: TransportState = 'new';
  private readonly producersBySsrc = new Map<number, WeriftProducer>();
  private readonly producers = new Set<WeriftProducer>();
  private readonly consumersBySsrc = new Map<number, WeriftConsumer>();
  private readonly cname = randomUUID().slice(0, 8);
  /** Each consumer gets its own MID, as mediasoup does; concurrent consumes would otherwise clash. */
  private nextConsumerMid = 0;

  private constructor(
    private readonly host: TransportHost,
    private readonly ice: IceLite,
    private readonly dtls: RTCDtlsTransport,
    readonly appData: AppData,
  ) {
    super();
    dtls.onRtp.subscribe((packet) => this.onRtp(packet));
    dtls.onRtcp.subscribe((packet) => this.onRtcp(packet));
  }

  static async create(host: TransportHost, appData: AppData = {}): Promise<WeriftWebRtcTransport> {
    const certificate = await RTCDtlsTransport.SetupCertificate();
    let transportId = '';
    const ice = await createIceLite({
      listenIp: host.listenIp,
      ...(host.announcedIp ? { announcedIp: host.announcedIp } : {}),
      onStunRejected: (rejection) => host.onStunRejected(transportId, rejection),
    });
    const dtls = new RTCDtlsTransport({}, ice.transport, certificate, [
      ProtectionProfileAeadAes128Gcm,
      ProtectionProfileAes128CmHmacSha1_80,
    ]);
    dtls.role = 'server';
    const transport = new WeriftWebRtcTransport(host, ice, dtls, appData);
    transportId = transport.id;
    return transport;
  }

  get iceParameters() {
    return this.ice.parameters;
  }

  get iceCandidates() {
    return this.ice.candidates;
  }

  get dtlsParameters(): DtlsParameters {
    const fingerprints = this.dtls.localParameters.fingerprints.map((f) => ({
      algorithm: f.algorithm,
      value: f.value,
    }));
    // Always 'auto': mediasoup-client then takes the DTLS client role on both transports.
    return { role: 'auto', fingerprints };
  }

  get connected(): boolean {
    return this.state === 'connected';
  }

  async connect({ dtlsParameters }: { dtlsParameters: DtlsParameters }): Promise<void> {
    if (this.state !== 'new') throw new SfuError('This transport is already connected.');
    this.dtls.setRemoteParams(
      new RTCDtlsParameters(
        dtlsParameters.fingerprints.map((f) => new RTCDtlsFingerprint(f.algorithm, f.value)),
        'client',
      ),
    );
    this.setState('connecting');
    this.ice.start().catch(() => this.setState('failed'));
    // DTLS runs in the background: mediasoup-client awaits connect() before it sets its SDP.
    this.dtls
      .start()
      .then(() => {
        if (this.state !== 'closed') this.setState('connected');
        for (const consumer of this.consumersBySsrc.values()) consumer.requestKeyFrame();
      })
      .catch(() => {
        if (this.state !== 'closed') this.setState('failed');
      });
  }

  async produce({ kind, rtpParameters, appData = {} }: ProducerOptions): Promise<WeriftProducer> {
    if (this.state === 'closed') throw new SfuError('This transport is closed.');
    const producer = new WeriftProducer(kind, rtpParameters, appData, {
      sendRtcp: (packets) => this.sendRtcp(packets),
    });
    for (const ssrc of [producer.ssrc, producer.rtxSsrc]) {
      if (ssrc === undefined) continue;
      if (this.producersBySsrc.has(ssrc)) {
        producer.close();
        throw new SfuError(`SSRC ${ssrc} is already produced on this transport.`);
      }
    }
    this.producersBySsrc.set(producer.ssrc, producer);
    this.producers.add(producer);
    producer.on('close', () => {
      this.producersBySsrc.delete(producer.ssrc);
      this.producers.delete(producer);
    });
    this.host.registerProducer(producer);
    return producer;
  }

  async consume({ producerId, rtpCapabilities, paused = false, appData = {} }: ConsumerOptions) {
    if (this.state === 'closed') throw new SfuError('This transport is closed.');
    const producer = this.host.findProducer(producerId);
    if (!producer) throw new SfuError('That producer does not exist (any more).');
    if (!canReceiveKind(producer.kind, rtpCapabilities))
      throw new SfuError(`This client cannot receive the router's ${producer.kind} codec.`);
    const mid = String(this.nextConsumerMid++);
    const consumer = new WeriftConsumer(producer, this, this.cname, mid, appData, paused);
    this.consumersBySsrc.set(consumer.ssrc, consumer);
    consumer.on('close', () => this.consumersBySsrc.delete(consumer.ssrc));
    if (this.connected) consumer.requestKeyFrame();
    return consumer;
  }

  sendRtp(header: RtpHeader, payload: Buffer): void {
    const { lossRate, delayMs, jitterMs = 0 } = this.host.impairment;
    if (lossRate > 0 && Math.random() < lossRate) return;
    const delay = delayMs + (jitterMs ? Math.random() * jitterMs : 0);
    if (delay > 0) setTimeout(() => void this.dtls.sendRtp(payload, header), delay);
    else void this.dtls.sendRtp(payload, header);
  }

  sendRtcp(packets: RtcpPacket[]): void {
    if (!this.connected) return;
    void this.dtls.sendRtcp(packets).catch(() => undefined);
  }

  close(): void {
    if (this.state === 'closed') return;
    this.setState('closed');
    for (const producer of [...this.producers]) producer.close();
    for (const consumer of [...this.consumersBySsrc.values()]) consumer.close('transport-closed');
    void this.dtls.stop().catch(() => undefined);
    this.emit('close');
  }

  private setState(state: TransportState): void {
    if (this.state === state) return;
    this.state = state;
    this.emit('statechange', state);
  }

  private onRtp(packet: RtpPacket): void {
    this.producersBySsrc.get(packet.header.ssrc)?.receiveRtp(packet);
  }

  private onRtcp(packet: RtcpPacket): void {
    if (packet instanceof RtcpSrPacket) {
      const producer = this.producersBySsrc.get(packet.ssrc);
      const ntp = packet.senderInfo.ntpTimestamp;
      producer?.receiveSenderReport(Number((ntp >> 16n) & 0xffffffffn));
    } else if (packet instanceof RtcpPayloadSpecificFeedback) {
      const feedback = packet.feedback;
      if (feedback instanceof PictureLossIndication)
        this.consumersBySsrc.get(feedback.mediaSsrc)?.requestKeyFrame();
      else if ('fir' in feedback)
        // werift does not export FullIntraRequest; FIR entries name the media SSRC.
        for (const entry of feedback.fir) this.consumersBySsrc.get(entry.ssrc)?.requestKeyFrame();
    } else if (packet instanceof RtcpTransportLayerFeedback) {
      const feedback = packet.feedback;
      if (feedback instanceof GenericNack)
        this.consumersBySsrc.get(feedback.mediaSourceSsrc)?.onNack(feedback.lost);
    }
  }
}
