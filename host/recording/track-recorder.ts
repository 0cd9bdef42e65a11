/**
 * Records one producer: an ffmpeg that reads plain RTP from a loopback port (described by an SDP
 * file) and writes it, without transcoding, as SEGMENT_SECONDS-long WebM segments. ffmpeg lists
 * each finished segment in segments.csv, so whatever happens to the host, those segments play.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Logger } from '../logger.js';
import type { SfuProducer } from '../sfu/types.js';
import { SEGMENT_SECONDS, writeJsonAtomic, type TrackMeta } from './layout.js';
import { RtpForwarder } from './rtp-forwarder.js';
import { SegmentWatcher, type ClosedSegment, type PartKey } from './segment-hashes.js';
import { FORWARDER_ADDRESS, SOURCE_FILTERED, trackSdp } from './sdp.js';

const READY_TIMEOUT_MS = 5000;
const STOP_TIMEOUT_MS = 12_000;
/**
 * After a cut nothing more reaches ffmpeg, so it ends when its RTP input times out (about 10 s, more
 * on a loaded machine); a second signal would interrupt it before it closes its last segment.
 */
const DRAIN_TIMEOUT_MS = 40_000;

export type TrackRecorderOptions = {
  ffmpeg: string;
  dir: string;
  meta: Omit<TrackMeta, 'startedAt'>;
  producer: SfuProducer;
  log: Logger;
  now?: () => Date;
  /** Told of each segment as ffmpeg closes it, with its hash (the court session audits it). */
  onSegmentClosed?: ((segment: ClosedSegment) => void) | undefined;
  /** A closed-session part's key: segments are sealed as they close. */
  seal?: PartKey | undefined;
};

export class TrackRecorder {
  private child: ChildProcess | undefined;
  private forwarder: RtpForwarder | undefined;
  private meta: TrackMeta;
  private readonly stderr: string[] = [];
  private stopping: Promise<void> | undefined;
  private exited = false;
  private watcher: SegmentWatcher | undefined;

  constructor(private readonly options: TrackRecorderOptions) {
    this.meta = { ...options.meta, startedAt: this.now().toISOString() };
  }

  get producerId(): string {
    return this.options.producer.id;
  }

  get trackId(): string {
    return this.meta.trackId;
  }

  get packetsForwarded(): number {
    return this.forwarder?.packets ?? 0;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<void> {
    const { dir, producer } = this.options;
    // The tap starts now and holds packets (the keyframe asked for now among them) until ffmpeg listens.
    this.forwarder = new RtpForwarder(producer, SEGMENT_SECONDS * 1000, () => {
      this.meta = { ...this.meta, firstPacketAt: this.now().toISOString() };
      this.save();
    });
    const port = await freeRtpPort();
    writeFileSync(join(dir, 'stream.sdp'), trackSdp(producer.kind, port));
    const child = spawn(this.options.ffmpeg, recorderFfmpegArgs(), {
      cwd: dir,
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    this.child = child;
    const { onSegmentClosed, seal } = this.options;
    if (onSegmentClosed || seal) {
      this.watcher = new SegmentWatcher(dir, dirname(dirname(dir)), onSegmentClosed, seal);
      this.watcher.start();
    }
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr.push(chunk.toString());
      if (this.stderr.length > 20) this.stderr.shift();
    });
    child.on('exit', (code, signal) => {
      this.exited = true;
      this.watcher?.stop();
      if (!this.stopping) {
        // Silent input for 10 s (a long pause) ends ffmpeg; the recorder starts a new track on resume.
        this.forwarder?.close();
        const { pid: _pid, ...rest } = this.meta;
        this.meta = {
          ...rest,
          stoppedAt: (this.forwarder?.lastPacketAt ?? this.now()).toISOString(),
        };
        this.save();
      }
      if (!this.stopping && code !== 0)
        this.options.log.error(
          { trackId: this.meta.trackId, code, signal, stderr: this.stderr.join('').slice(-500) },
          'recording.ffmpeg-exited',
        );
    });
    child.stdin?.on('error', () => undefined);
    this.meta = { ...this.meta, ...(child.pid !== undefined ? { pid: child.pid } : {}) };
    this.save();
    await waitForUdpListener(port, () => this.exited);
    if (this.exited) throw new Error(`ffmpeg stopped at once: ${this.stderr.join('').slice(-300)}`);
    await this.forwarder.connect(port);
  }

  /**
   * Lets ffmpeg close its last segment: SIGINT while packets still flow (ffmpeg reads its signal
   * between packets), then forwarding stops once it has exited. A paused producer sends nothing:
   * then ffmpeg ends by itself when its input has been silent for 10 s (the RTP demuxer's timeout).
   */
  stop(): Promise<void> {
    this.stopping ??= this.finish(false, STOP_TIMEOUT_MS);
    return this.stopping;
  }

  /**
   * Ends the track at this instant (a switch into or out of closed session): nothing from now on
   * reaches this file; ffmpeg closes its last segment once its input has timed out.
   */
  cut(): Promise<void> {
    this.stopping ??= this.finish(true, DRAIN_TIMEOUT_MS);
    return this.stopping;
  }

  private async finish(cutFirst: boolean, timeoutMs: number): Promise<void> {
    if (cutFirst) this.forwarder?.cut();
    const { pid: _pid, ...rest } = this.meta;
    this.meta = { ...rest, stoppedAt: this.now().toISOString() };
    if (cutFirst) this.save();
    const child = this.child;
    if (child && !this.exited) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await exited;
      clearTimeout(timer);
    }
    // Packets flow until ffmpeg has exited: the file ends at the last one, not at the request.
    const lastPacketAt = this.forwarder?.lastPacketAt;
    if (lastPacketAt) this.meta = { ...this.meta, stoppedAt: lastPacketAt.toISOString() };
    this.forwarder?.close();
    this.save();
    await this.watcher?.settled();
  }

  /** ffmpeg ended on its own (its input was silent too long, e.g. a long pause). */
  get ended(): boolean {
    return this.exited;
  }

  /** For a host that is exiting: no time to wait, but never leave ffmpeg behind. */
  killNow(): void {
    if (this.child && !this.exited) this.child.kill('SIGKILL');
  }

  private save(): void {
    writeJsonAtomic(join(this.options.dir, 'track.json'), this.meta);
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

/** ffmpeg reading stream.sdp (in its working folder) into segments listed in segments.csv. */
export function recorderFfmpegArgs(): string[] {
  return [
    '-hide_banner',
    '-loglevel',
    'warning',
    '-protocol_whitelist',
    'file,udp,rtp',
    '-reorder_queue_size',
    '100',
    ...(SOURCE_FILTERED ? ['-sdp_flags', 'filter_src'] : []),
    '-i',
    'stream.sdp',
    '-map',
    '0',
    '-c',
    'copy',
    ...segmentMuxerArgs(),
  ];
}

/** The recorder's output: SEGMENT_SECONDS-long WebM files, listed as they close in segments.csv. */
export function segmentMuxerArgs(): string[] {
  return [
    '-f',
    'segment',
    '-segment_time',
    String(SEGMENT_SECONDS),
    '-segment_format',
    'webm',
    '-reset_timestamps',
    '1',
    '-segment_list',
    'segments.csv',
    '-segment_list_type',
    'csv',
    'seg-%05d.webm',
  ];
}

/** An even port whose odd neighbour (RTCP) is free too. */
export async function freeRtpPort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20000 + 2 * Math.floor(Math.random() * 20000);
    const free = async (address: string) =>
      (await canBind(port, address)) && (await canBind(port + 1, address));
    if ((await free('127.0.0.1')) && (!SOURCE_FILTERED || (await free(FORWARDER_ADDRESS))))
      return port;
  }
  throw new Error('No free UDP port pair for the recorder.');
}

function canBind(port: number, address: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    socket.once('error', () => {
      socket.close();
      resolve(false);
    });
    socket.bind(port, address, () => socket.close(() => resolve(true)));
  });
}

/**
 * ffmpeg binds the port a moment after it starts; packets sent before would be lost (and with them
 * the first keyframe). On Linux, watch /proc/net/udp without touching the port; elsewhere, wait.
 */
async function waitForUdpListener(port: number, gaveUp: () => boolean): Promise<void> {
  const hexPort = `:${port.toString(16).toUpperCase().padStart(4, '0')} `;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline && !gaveUp()) {
    let table: string;
    try {
      table = readFileSync('/proc/net/udp', 'utf8');
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 700));
      return;
    }
    // "  sl: local_address rem_address ...": slot numbers past 9999 have no leading space.
    const local = (line: string) => line.trim().split(/\s+/)[1];
    if (table.split('\n').some((line) => local(line)?.endsWith(hexPort.trim()))) return;
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
}
