/**
 * Per-consumer RTP rewriting: the producer's SSRC and payload type become the consumer's, and
 * sequence numbers continue without gaps across the consumer's start and pauses. Video starts (and
 * restarts after a pause) only on a VP8 keyframe, so the receiver never decodes from a delta frame.
 */
import { isVp8KeyframeStart } from './vp8.js';

export type RewriteTarget = { ssrc: number; payloadType: number; kind: 'audio' | 'video' };
export type InboundRtp = { sequenceNumber: number; payload: Buffer };
export type RewriteResult =
  | { forward: true; sequenceNumber: number; ssrc: number; payloadType: number }
  | { forward: false; reason: 'paused' | 'waiting-for-keyframe' };

const SEQ_MOD = 0x10000;

export class RtpRewriter {
  private offset = 0;
  private synced = false;
  private lastOutSeq: number;
  private maxInSeq = -1;
  private paused = false;

  constructor(
    private readonly target: RewriteTarget,
    firstSequenceNumber = Math.floor(Math.random() * 0x8000),
  ) {
    this.lastOutSeq = (firstSequenceNumber - 1 + SEQ_MOD) % SEQ_MOD;
  }

  get waitingForKeyframe(): boolean {
    return !this.paused && !this.synced && this.target.kind === 'video';
  }

  pause(): void {
    this.paused = true;
    this.synced = false;
  }

  resume(): void {
    this.paused = false;
  }

  rewrite(packet: InboundRtp): RewriteResult {
    if (this.paused) return { forward: false, reason: 'paused' };
    if (!this.synced) {
      if (this.target.kind === 'video' && !isVp8KeyframeStart(packet.payload))
        return { forward: false, reason: 'waiting-for-keyframe' };
      // Continue right after the last packet this consumer received.
      this.offset = (this.lastOutSeq + 1 - packet.sequenceNumber + SEQ_MOD) % SEQ_MOD;
      this.synced = true;
      // So that this packet counts as the newest: a pause right after it continues past it.
      this.maxInSeq = -1;
    }
    const sequenceNumber = (packet.sequenceNumber + this.offset) % SEQ_MOD;
    if (isNewer(packet.sequenceNumber, this.maxInSeq)) {
      this.maxInSeq = packet.sequenceNumber;
      this.lastOutSeq = sequenceNumber;
    }
    return {
      forward: true,
      sequenceNumber,
      ssrc: this.target.ssrc,
      payloadType: this.target.payloadType,
    };
  }
}

/** RFC 1982 serial-number comparison for 16-bit sequence numbers. */
export function isNewer(a: number, b: number): boolean {
  if (b < 0) return true;
  const diff = (a - b + SEQ_MOD) % SEQ_MOD;
  return diff !== 0 && diff < SEQ_MOD / 2;
}
