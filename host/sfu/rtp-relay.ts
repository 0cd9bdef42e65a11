/**
 * One producer's packets relayed to one receiver (a consumer's transport, the recorder's ffmpeg):
 * rewritten by RtpRewriter, with the producer's timestamp and marker passed through. While video
 * waits for a keyframe, and on every resume, the producer is asked for one.
 */
import { RtpHeader } from 'werift';
import { RtpRewriter, type RewriteTarget } from './rtp-rewriter.js';
import type { TappedRtp } from './types.js';

export type KeyframeSource = { requestKeyFrame(): void };

export class RtpRelay {
  private readonly rewriter: RtpRewriter;

  constructor(
    target: RewriteTarget,
    private readonly source: KeyframeSource,
    firstSequenceNumber?: number,
  ) {
    this.rewriter = new RtpRewriter(target, firstSequenceNumber);
  }

  /** The header to send the payload with, or undefined while paused or waiting for a keyframe. */
  rewrite(packet: TappedRtp): RtpHeader | undefined {
    const result = this.rewriter.rewrite({
      sequenceNumber: packet.header.sequenceNumber,
      payload: packet.payload,
    });
    if (!result.forward) {
      if (result.reason === 'waiting-for-keyframe') this.source.requestKeyFrame();
      return undefined;
    }
    return new RtpHeader({
      payloadType: result.payloadType,
      sequenceNumber: result.sequenceNumber,
      timestamp: packet.header.timestamp,
      ssrc: result.ssrc,
      marker: packet.header.marker,
    });
  }

  pause(): void {
    this.rewriter.pause();
  }

  /** Relays again from the next keyframe, asked for now. */
  resume(): void {
    this.rewriter.resume();
    this.source.requestKeyFrame();
  }
}
