/**
 * A consumer: one producer's media sent to one receiving transport, rewritten to the consumer's own
 * SSRC, payload type and sequence numbers. It starts on a keyframe, answers NACKs with RTX from its
 * cache and maps the receiver's PLI/FIR to the producer.
 */
import { randomUUID } from 'node:crypto';
import { RtpHeader, type RtpPacket } from 'werift';
import { Emitter } from './emitter.js';
import type { ProducerSink, WeriftProducer } from './producer.js';
import {
  VP8_PAYLOAD_TYPE,
  VP8_RTX_PAYLOAD_TYPE,
  OPUS_PAYLOAD_TYPE,
  consumerRtpParameters,
  randomSsrc,
} from './rtp-capabilities.js';
import { RtpRelay } from './rtp-relay.js';
import { RtxCache } from './rtx-cache.js';
import type { AppData, ConsumerEvents, MediaKind, RtpParameters, SfuConsumer } from './types.js';

export type ConsumerDownlink = {
  readonly connected: boolean;
  sendRtp(header: RtpHeader, payload: Buffer): void;
};

export class WeriftConsumer extends Emitter<ConsumerEvents> implements SfuConsumer, ProducerSink {
  readonly id = randomUUID();
  readonly producerId: string;
  readonly kind: MediaKind;
  readonly rtpParameters: RtpParameters;
  readonly ssrc = randomSsrc();
  readonly rtxSsrc: number | undefined;
  paused: boolean;
  closed = false;
  private readonly relay: RtpRelay;
  private readonly cache = new RtxCache();
  private rtxSequence = Math.floor(Math.random() * 0x8000);
  private readonly onProducerPause = () => this.applyPauseState('producerpause');
  private readonly onProducerResume = () => this.applyPauseState('producerresume');
  private readonly onProducerClose = () => this.close('producer-closed');

  constructor(
    private readonly producer: WeriftProducer,
    private readonly downlink: ConsumerDownlink,
    cname: string,
    mid: string,
    readonly appData: AppData,
    paused: boolean,
  ) {
    super();
    this.producerId = producer.id;
    this.kind = producer.kind;
    this.paused = paused;
    this.rtxSsrc = this.kind === 'video' ? randomSsrc() : undefined;
    this.rtpParameters = {
      mid,
      ...consumerRtpParameters(
        this.kind,
        { ssrc: this.ssrc, ...(this.rtxSsrc !== undefined ? { rtxSsrc: this.rtxSsrc } : {}) },
        cname,
      ),
    };
    this.relay = new RtpRelay(
      {
        ssrc: this.ssrc,
        payloadType: this.kind === 'audio' ? OPUS_PAYLOAD_TYPE : VP8_PAYLOAD_TYPE,
        kind: this.kind,
      },
      producer,
    );
    if (this.paused || producer.paused) this.relay.pause();
    producer.on('pause', this.onProducerPause);
    producer.on('resume', this.onProducerResume);
    producer.on('close', this.onProducerClose);
    producer.sinks.add(this);
  }

  get producerPaused(): boolean {
    return this.producer.paused;
  }

  onProducerRtp(packet: RtpPacket): void {
    if (this.closed || !this.downlink.connected) return;
    const header = this.relay.rewrite(packet);
    if (!header) return;
    if (this.kind === 'video')
      this.cache.store(header.sequenceNumber, {
        payload: packet.payload,
        timestamp: packet.header.timestamp,
        marker: packet.header.marker,
      });
    this.downlink.sendRtp(header, packet.payload);
  }

  /** The receiver lost these packets: resend what the cache still holds, as RTX. */
  onNack(lostSequenceNumbers: number[]): number {
    if (this.rtxSsrc === undefined || this.closed) return 0;
    let resent = 0;
    for (const sequenceNumber of lostSequenceNumbers) {
      const cached = this.cache.get(sequenceNumber);
      if (!cached) continue;
      const originalSequence = Buffer.alloc(2);
      originalSequence.writeUInt16BE(sequenceNumber, 0);
      this.rtxSequence = (this.rtxSequence + 1) & 0xffff;
      const header = new RtpHeader({
        payloadType: VP8_RTX_PAYLOAD_TYPE,
        sequenceNumber: this.rtxSequence,
        timestamp: cached.timestamp,
        ssrc: this.rtxSsrc,
        marker: cached.marker,
      });
      this.downlink.sendRtp(header, Buffer.concat([originalSequence, cached.payload]));
      resent++;
    }
    return resent;
  }

  requestKeyFrame(): void {
    this.producer.requestKeyFrame();
  }

  pause(): void {
    if (this.paused || this.closed) return;
    this.paused = true;
    this.relay.pause();
  }

  resume(): void {
    if (!this.paused || this.closed) return;
    this.paused = false;
    if (!this.producer.paused) this.relay.resume();
  }

  close(reason: ConsumerEvents['close'][0] = 'closed'): void {
    if (this.closed) return;
    this.closed = true;
    this.producer.sinks.delete(this);
    this.producer.off('pause', this.onProducerPause);
    this.producer.off('resume', this.onProducerResume);
    this.producer.off('close', this.onProducerClose);
    this.emit('close', reason);
  }

  private applyPauseState(event: 'producerpause' | 'producerresume'): void {
    if (event === 'producerpause') this.relay.pause();
    else if (!this.paused) this.relay.resume();
    this.emit(event);
  }
}
