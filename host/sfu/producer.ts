/**
 * A producer: media arriving from one browser track, identified by SSRC. It fans packets out to its
 * consumers, asks the browser for keyframes (PLI, rate-limited) and sends it RR and REMB each second.
 */
import { randomUUID } from 'node:crypto';
import {
  PictureLossIndication,
  ReceiverEstimatedMaxBitrate,
  RtcpPayloadSpecificFeedback,
  RtcpReceiverInfo,
  RtcpRrPacket,
  type RtpPacket,
} from 'werift';
import { Emitter } from './emitter.js';
import { isNewer } from './rtp-rewriter.js';
import type {
  AppData,
  MediaKind,
  ProducerEvents,
  RtpParameters,
  RtpTap,
  SfuProducer,
} from './types.js';

const KEYFRAME_REQUEST_INTERVAL_MS = 300;
const FEEDBACK_INTERVAL_MS = 1000;
const REMB_BITRATE = 2_500_000;
const SFU_RTCP_SSRC = 1;

export type ProducerSink = { onProducerRtp(packet: RtpPacket): void };
export type ProducerUplink = {
  sendRtcp(packets: (RtcpRrPacket | RtcpPayloadSpecificFeedback)[]): void;
};

export class WeriftProducer extends Emitter<ProducerEvents> implements SfuProducer {
  readonly id = randomUUID();
  readonly ssrc: number;
  readonly rtxSsrc: number | undefined;
  readonly sinks = new Set<ProducerSink>();
  paused = false;
  closed = false;
  private lastKeyframeRequest = 0;
  private readonly feedbackTimer: NodeJS.Timeout;
  private readonly stats = {
    received: 0,
    baseSeq: -1,
    maxSeq: -1,
    cycles: 0,
    lastSr: 0,
    lastSrAt: 0,
  };
  private lastReport = { expected: 0, received: 0 };

  constructor(
    readonly kind: MediaKind,
    readonly rtpParameters: RtpParameters,
    readonly appData: AppData,
    private readonly uplink: ProducerUplink,
  ) {
    super();
    const encoding = rtpParameters.encodings?.[0];
    if (encoding?.ssrc === undefined) throw new Error('producer rtpParameters carry no SSRC');
    this.ssrc = encoding.ssrc;
    this.rtxSsrc = encoding.rtx?.ssrc;
    this.feedbackTimer = setInterval(() => this.sendFeedback(), FEEDBACK_INTERVAL_MS);
    this.feedbackTimer.unref();
  }

  receiveRtp(packet: RtpPacket): void {
    if (this.closed) return;
    this.countReceived(packet.header.sequenceNumber);
    if (this.paused) return;
    for (const sink of this.sinks) sink.onProducerRtp(packet);
  }

  receiveSenderReport(ntpMiddle: number): void {
    this.stats.lastSr = ntpMiddle;
    this.stats.lastSrAt = Date.now();
  }

  requestKeyFrame(): void {
    if (this.kind !== 'video' || this.closed) return;
    const now = Date.now();
    if (now - this.lastKeyframeRequest < KEYFRAME_REQUEST_INTERVAL_MS) return;
    this.lastKeyframeRequest = now;
    this.uplink.sendRtcp([
      new RtcpPayloadSpecificFeedback({
        feedback: new PictureLossIndication({ senderSsrc: SFU_RTCP_SSRC, mediaSsrc: this.ssrc }),
      }),
    ]);
  }

  addTap(tap: RtpTap): () => void {
    this.sinks.add(tap);
    return () => this.sinks.delete(tap);
  }

  pause(): void {
    if (this.paused || this.closed) return;
    this.paused = true;
    this.emit('pause');
  }

  resume(): void {
    if (!this.paused || this.closed) return;
    this.paused = false;
    this.emit('resume');
    this.requestKeyFrame();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.feedbackTimer);
    this.emit('close');
  }

  private countReceived(seq: number): void {
    const s = this.stats;
    s.received++;
    if (s.maxSeq < 0) {
      s.baseSeq = seq;
      s.maxSeq = seq;
      return;
    }
    if (isNewer(seq, s.maxSeq)) {
      if (seq < s.maxSeq) s.cycles += 0x10000;
      s.maxSeq = seq;
    }
  }

  private sendFeedback(): void {
    if (this.closed || this.stats.maxSeq < 0) return;
    const s = this.stats;
    const extendedMax = s.cycles + s.maxSeq;
    const expected = extendedMax - s.baseSeq + 1;
    const expectedInterval = expected - this.lastReport.expected;
    const receivedInterval = s.received - this.lastReport.received;
    const lostInterval = Math.max(0, expectedInterval - receivedInterval);
    this.lastReport = { expected, received: s.received };
    const fractionLost =
      expectedInterval > 0 ? Math.floor((lostInterval * 256) / expectedInterval) : 0;
    const report = new RtcpReceiverInfo({
      ssrc: this.ssrc,
      fractionLost: Math.min(255, fractionLost),
      packetsLost: Math.max(0, expected - s.received),
      highestSequence: extendedMax >>> 0,
      jitter: 0,
      lsr: s.lastSr,
      dlsr: s.lastSrAt ? Math.round(((Date.now() - s.lastSrAt) / 1000) * 65536) : 0,
    });
    const packets: (RtcpRrPacket | RtcpPayloadSpecificFeedback)[] = [
      new RtcpRrPacket({ ssrc: SFU_RTCP_SSRC, reports: [report] }),
    ];
    if (this.kind === 'video')
      packets.push(
        new RtcpPayloadSpecificFeedback({
          feedback: new ReceiverEstimatedMaxBitrate({
            senderSsrc: SFU_RTCP_SSRC,
            mediaSsrc: 0,
            ...rembBitrate(REMB_BITRATE),
            ssrcNum: 1,
            ssrcFeedbacks: [this.ssrc],
          }),
        }),
      );
    this.uplink.sendRtcp(packets);
  }
}

/** REMB carries the bitrate as an 18-bit mantissa and a 6-bit exponent. */
export function rembBitrate(bitsPerSecond: number): { brExp: number; brMantissa: number } {
  let brExp = 0;
  let brMantissa = Math.floor(bitsPerSecond);
  while (brMantissa > 0x3ffff) {
    brMantissa = Math.floor(brMantissa / 2);
    brExp++;
  }
  return { brExp, brMantissa };
}
