/**
 * The court session's recording: the judge's start/stop, closed session switching parts, new
 * producers joining the record, all audited. The court session owns one of these when the host has
 * a records database (the recordings sit beside it).
 */
import type { KeyObject } from 'node:crypto';
import type { Logger } from '../logger.js';
import { resolveFfmpeg } from '../tools/ffmpeg.js';
import type { Room } from '../session/room.js';
import type { SfuProducer } from '../sfu/types.js';
import type { ClosedSegment } from './segment-hashes.js';
import {
  DEFAULT_RECORDED_ROLES,
  HearingRecorder,
  type RecordedSource,
} from './hearing-recorder.js';

export type RecordingSeat = { peerId: string; role: string; displayName: string };

export class CourtRecording {
  private recorder: HearingRecorder | undefined;

  constructor(
    readonly root: string,
    private readonly log: Logger,
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly evidence: {
      onSegmentClosed?: (segment: ClosedSegment) => void;
      sealingKey?: () => KeyObject | undefined;
    } = {},
  ) {}

  get on(): boolean {
    return this.recorder?.recording ?? false;
  }

  get active(): HearingRecorder | undefined {
    return this.recorder;
  }

  /** Throws FfmpegMissingError (naming FFMPEG_BIN) before anything starts. */
  async start(
    hearingId: number,
    closedSession: boolean,
    room: Room,
    seatOf: (peerId: string) => RecordingSeat | undefined,
  ) {
    if (this.on) return this.recorder!.currentPart!;
    const ffmpeg = resolveFfmpeg(this.env);
    this.recorder = new HearingRecorder({
      root: this.root,
      hearingId,
      ffmpeg,
      log: this.log,
      roles: DEFAULT_RECORDED_ROLES,
      onSegmentClosed: this.evidence.onSegmentClosed,
      sealingKey: this.evidence.sealingKey,
    });
    return this.recorder.start(closedSession, sourcesIn(room, seatOf));
  }

  async stop() {
    const recorder = this.recorder;
    this.recorder = undefined;
    return recorder?.stop();
  }

  async closedSessionChanged(
    closedSession: boolean,
    room: Room,
    seatOf: (peerId: string) => RecordingSeat | undefined,
  ): Promise<void> {
    await this.recorder?.switchPart(closedSession, sourcesIn(room, seatOf));
  }

  producerAdded(producer: SfuProducer, seat: RecordingSeat | undefined): void {
    if (!this.on || !seat) return;
    void this.recorder!.addSource(sourceFor(producer, seat));
  }

  /** The host is exiting without time to wait: no ffmpeg is left running. */
  killNow(): void {
    this.recorder?.killNow();
  }
}

function sourceFor(producer: SfuProducer, seat: RecordingSeat): RecordedSource {
  return {
    producer,
    peerId: seat.peerId,
    role: seat.role,
    label: seat.role === 'witness' ? `witness ${seat.displayName}` : seat.role,
  };
}

function sourcesIn(
  room: Room,
  seatOf: (peerId: string) => RecordingSeat | undefined,
): RecordedSource[] {
  const sources: RecordedSource[] = [];
  for (const peer of room.peers.values()) {
    const seat = seatOf(peer.identity.peerId);
    if (!seat) continue;
    for (const producer of peer.producers.values())
      if (!producer.closed) sources.push(sourceFor(producer, seat));
  }
  return sources;
}
