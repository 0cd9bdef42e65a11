/** The host's own view of a practice call: packets and upstream loss, counted as they arrive. */
import type { PracticeHostView } from '../../contract/practice.js';
import type { RtpTap, TappedRtp } from '../sfu/types.js';

class KindTally implements RtpTap {
  packets = 0;
  bytes = 0;
  private first = -1;
  private extendedMax = -1;

  onProducerRtp(packet: TappedRtp): void {
    const seq = packet.header.sequenceNumber;
    this.packets++;
    this.bytes += packet.payload.length;
    if (this.first < 0) {
      this.first = seq;
      this.extendedMax = seq;
      return;
    }
    // The newest sequence number, unwrapped past 65535 (a late packet does not move it back).
    const cycle = this.extendedMax - (this.extendedMax & 0xffff);
    let candidate = cycle + seq;
    if (candidate < this.extendedMax - 0x8000) candidate += 0x10000;
    else if (candidate > this.extendedMax + 0x8000) candidate -= 0x10000;
    if (candidate > this.extendedMax) this.extendedMax = candidate;
  }

  get expected(): number {
    return this.first < 0 ? 0 : this.extendedMax - this.first + 1;
  }
}

export class PracticeTally {
  readonly video = new KindTally();
  readonly audio = new KindTally();
  private readonly startedAt = Date.now();

  view(): PracticeHostView {
    const expected = this.video.expected + this.audio.expected;
    const received = this.video.packets + this.audio.packets;
    const seconds = Math.max(1, (Date.now() - this.startedAt) / 1000);
    return {
      videoPackets: this.video.packets,
      audioPackets: this.audio.packets,
      lossPercent:
        expected > 0 ? round(Math.max(0, ((expected - received) / expected) * 100)) : null,
      kbps: round(((this.video.bytes + this.audio.bytes) * 8) / 1000 / seconds),
    };
  }
}

const round = (value: number) => Math.round(value * 10) / 10;
