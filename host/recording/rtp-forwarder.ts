/**
 * Taps one SFU producer and forwards its RTP, as plain RTP over loopback UDP, to the ffmpeg that
 * records it. Sequence numbers continue across pauses and video starts on a keyframe (the same
 * RtpRelay the consumers use); while recording, a keyframe is asked for every segment's length so
 * that ffmpeg can cut short segments without transcoding.
 *
 * The tap starts at once (a new part begins at the instant the judge switches) and holds packets
 * until ffmpeg listens; `cut()` stops forwarding at an instant, so nothing after it reaches the file.
 */
import { createSocket, type Socket } from 'node:dgram';
import { RtpPacket } from 'werift';
import { RtpRelay } from '../sfu/rtp-relay.js';
import type { SfuProducer, TappedRtp } from '../sfu/types.js';
import { FORWARDER_ADDRESS, RECORDING_PAYLOAD_TYPE, SOURCE_FILTERED } from './sdp.js';

const RECORDER_SSRC = 0x1ec0_0001;
/** About 10 s of video at a high bitrate: ffmpeg is listening long before this fills. */
const MAX_HELD_PACKETS = 4000;

export class RtpForwarder {
  private readonly socket: Socket = createSocket('udp4');
  /** Holds the RTCP source address too: ffmpeg's reports to it land here, not on a closed port. */
  private readonly rtcpSink: Socket = createSocket('udp4');
  private readonly relay: RtpRelay;
  private readonly keyframeTimer: NodeJS.Timeout | undefined;
  private detach: (() => void) | undefined;
  private port: number | undefined;
  private held: Buffer[] = [];
  private closed = false;
  private readonly onPause = () => this.relay.pause();
  private readonly onResume = () => this.relay.resume();
  packets = 0;
  lastPacketAt: Date | undefined;

  constructor(
    private readonly producer: SfuProducer,
    keyframeIntervalMs: number,
    private readonly onFirstPacket: () => void,
  ) {
    this.relay = new RtpRelay(
      {
        ssrc: RECORDER_SSRC,
        payloadType: RECORDING_PAYLOAD_TYPE[producer.kind],
        kind: producer.kind,
      },
      producer,
      0,
    );
    this.socket.unref();
    if (producer.paused) this.relay.pause();
    producer.on('pause', this.onPause);
    producer.on('resume', this.onResume);
    this.detach = producer.addTap({ onProducerRtp: (packet) => this.forward(packet) });
    if (producer.kind === 'video') {
      producer.requestKeyFrame();
      this.keyframeTimer = setInterval(() => producer.requestKeyFrame(), keyframeIntervalMs);
      this.keyframeTimer.unref();
    }
  }

  /**
   * ffmpeg listens on `port` now, accepting only FORWARDER_ADDRESS:port as the source: bind there
   * (refused if another process holds it), then what was held goes first, in order.
   */
  async connect(port: number): Promise<void> {
    if (this.closed || this.port !== undefined) return;
    const bind = (socket: Socket, sourcePort: number) =>
      new Promise<void>((resolve, reject) => {
        socket.once('error', reject);
        socket.bind({ port: sourcePort, address: FORWARDER_ADDRESS, exclusive: true }, () => {
          socket.off('error', reject);
          socket.unref();
          resolve();
        });
      });
    await bind(this.socket, SOURCE_FILTERED ? port : 0);
    if (SOURCE_FILTERED) await bind(this.rtcpSink, port + 1);
    if (this.closed) return;
    this.port = port;
    for (const packet of this.held) this.socket.send(packet, port, '127.0.0.1');
    this.held = [];
  }

  private forward(packet: TappedRtp): void {
    if (this.closed) return;
    const header = this.relay.rewrite(packet);
    if (!header) return;
    if (this.packets++ === 0) this.onFirstPacket();
    this.lastPacketAt = new Date();
    const bytes = new RtpPacket(header, packet.payload).serialize();
    if (this.port !== undefined) this.socket.send(bytes, this.port, '127.0.0.1');
    else if (this.held.length < MAX_HELD_PACKETS) this.held.push(bytes);
  }

  /** Forwards nothing from now on; the socket stays open for packets already on their way. */
  cut(): void {
    if (this.closed) return;
    this.closed = true;
    this.detach?.();
    this.detach = undefined;
    this.held = [];
    if (this.keyframeTimer) clearInterval(this.keyframeTimer);
    this.producer.off('pause', this.onPause);
    this.producer.off('resume', this.onResume);
  }

  close(): void {
    this.cut();
    for (const socket of [this.socket, this.rtcpSink])
      try {
        socket.close();
      } catch {
        // already closed, or never bound
      }
  }
}
