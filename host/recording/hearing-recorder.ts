/**
 * Records one hearing while the judge has recording on: every producer of a recorded role gets a
 * TrackRecorder. Recording runs in parts: a change into or out of closed session ends the part and
 * starts the next, so closed-session media is written into its own "sealed" part, apart from the
 * open record.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../logger.js';
import type { SfuProducer } from '../sfu/types.js';
import {
  hearingRecordingDir,
  lastPartNumber,
  partDirName,
  writeJsonAtomic,
  type PartMeta,
} from './layout.js';
import type { KeyObject } from 'node:crypto';
import { newPartKey } from '../records/crypto/sealed-media.js';
import type { ClosedSegment, PartKey } from './segment-hashes.js';
import { TrackRecorder } from './track-recorder.js';

export type RecordedSource = {
  producer: SfuProducer;
  peerId: string;
  role: string;
  /** The role, and for a witness the pseudonym; never a real name. */
  label: string;
};

export type HearingRecorderOptions = {
  root: string;
  hearingId: number;
  ffmpeg: string;
  log: Logger;
  /** Roles whose media is recorded (the witness, the judge and counsel by default). */
  roles: ReadonlySet<string>;
  now?: () => Date;
  /** Each segment's hash as it closes, for the audit chain (segment-hashes.ts). */
  onSegmentClosed?: ((segment: ClosedSegment) => void) | undefined;
  /** The court's media-sealing public key; without it a closed session is not recorded. */
  sealingKey?: (() => KeyObject | undefined) | undefined;
};

export const DEFAULT_RECORDED_ROLES: ReadonlySet<string> = new Set([
  'witness',
  'judge',
  'prosecutor',
  'defence',
  'interpreter',
]);

export class HearingRecorder {
  private part:
    { meta: PartMeta; dir: string; tracks: Map<string, TrackRecorder>; seal?: PartKey } | undefined;
  private trackCounter = 0;
  /** Parts cut by a switch whose ffmpeg processes are still closing their last segments. */
  private readonly draining = new Set<Promise<void>>();
  private readonly cutTracks = new Set<TrackRecorder>();

  constructor(private readonly options: HearingRecorderOptions) {}

  get recording(): boolean {
    return this.part !== undefined;
  }

  get currentPart(): PartMeta | undefined {
    return this.part?.meta;
  }

  get tracks(): TrackRecorder[] {
    return [...(this.part?.tracks.values() ?? [])];
  }

  async start(closedSession: boolean, sources: RecordedSource[]): Promise<PartMeta> {
    if (this.part) return this.part.meta;
    const sealingKey = closedSession ? this.options.sealingKey?.() : undefined;
    if (closedSession && !sealingKey)
      throw new Error(
        'The closed session cannot be recorded: the court has no key to seal it with yet. Unlock the records once, then start recording again.',
      );
    const hearingDir = hearingRecordingDir(this.options.root, this.options.hearingId);
    mkdirSync(hearingDir, { recursive: true });
    const number = lastPartNumber(this.options.root, this.options.hearingId) + 1;
    const meta: PartMeta = {
      part: number,
      hearingId: this.options.hearingId,
      closedSession,
      startedAt: this.now().toISOString(),
    };
    const dir = join(hearingDir, partDirName(number, closedSession));
    writeJsonAtomic(join(dir, 'part.json'), meta);
    this.part = {
      meta,
      dir,
      tracks: new Map(),
      ...(sealingKey ? { seal: newPartKey(sealingKey) } : {}),
    };
    await Promise.all(sources.map((source) => this.addSource(source)));
    this.options.log.info(
      { hearingId: this.options.hearingId, part: number, closedSession },
      'recording.started',
    );
    return meta;
  }

  /** A producer that appeared while recording (a participant admitted, a camera restarted). */
  async addSource(source: RecordedSource): Promise<void> {
    const part = this.part;
    if (!part || !this.options.roles.has(source.role) || source.producer.closed) return;
    const known = [...part.tracks.values()].filter((t) => t.producerId === source.producer.id);
    if (known.some((t) => !t.ended)) return;
    // After a long pause ffmpeg has ended: the resumed producer gets a new track.
    if (known.length === 0) source.producer.on('resume', () => void this.addSource(source));
    const trackId = `${source.role}-${source.peerId}-${source.producer.kind}-${++this.trackCounter}`;
    const dir = join(part.dir, trackId);
    mkdirSync(dir, { recursive: true });
    const track = new TrackRecorder({
      ffmpeg: this.options.ffmpeg,
      dir,
      producer: source.producer,
      log: this.options.log,
      meta: {
        trackId,
        peerId: source.peerId,
        role: source.role,
        label: source.label,
        kind: source.producer.kind,
      },
      ...(this.options.now ? { now: this.options.now } : {}),
      onSegmentClosed: this.options.onSegmentClosed,
      seal: part.seal,
    });
    part.tracks.set(trackId, track);
    source.producer.on('close', () => {
      if (part.tracks.get(trackId) === track) void track.stop();
    });
    try {
      await track.start();
    } catch (error) {
      this.options.log.error({ err: error, trackId }, 'recording.track-failed');
      await track.stop();
    }
  }

  async stop(): Promise<PartMeta | undefined> {
    const part = this.part;
    if (!part) return undefined;
    this.part = undefined;
    const meta = { ...part.meta, stoppedAt: this.now().toISOString() };
    await Promise.all([...part.tracks.values()].map((track) => track.stop()));
    await Promise.all(this.draining);
    this.finishPart(part.dir, meta);
    return meta;
  }

  /**
   * Into or out of closed session: the current part ends at this instant and the next begins at
   * once, its tracks holding packets (and the keyframe asked for now) until their ffmpeg listens.
   * The cut part's ffmpeg processes close their files in the background.
   */
  async switchPart(closedSession: boolean, sources: RecordedSource[]): Promise<void> {
    const part = this.part;
    if (!part || part.meta.closedSession === closedSession) return;
    this.part = undefined;
    const meta = { ...part.meta, stoppedAt: this.now().toISOString() };
    writeJsonAtomic(join(part.dir, 'part.json'), meta);
    const tracks = [...part.tracks.values()];
    for (const track of tracks) this.cutTracks.add(track);
    const cut = Promise.all(tracks.map((track) => track.cut())).then(() => {
      this.finishPart(part.dir, meta);
      this.draining.delete(cut);
      for (const track of tracks) this.cutTracks.delete(track);
    });
    this.draining.add(cut);
    await this.start(closedSession, sources);
  }

  killNow(): void {
    for (const track of [...(this.part?.tracks.values() ?? []), ...this.cutTracks]) track.killNow();
  }

  private finishPart(dir: string, meta: PartMeta): void {
    writeJsonAtomic(join(dir, 'part.json'), meta);
    this.options.log.info(
      { hearingId: this.options.hearingId, part: meta.part },
      'recording.stopped',
    );
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}
