/**
 * Each segment is hashed the moment ffmpeg closes it (lists it in segments.csv) and the hash goes
 * into the audit chain, so a segment swapped or edited on disk before any export is caught by the
 * export. A segment closed while no host was running (an orphaned ffmpeg after a crash) has no
 * recorded hash; the export says so.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { appendAudit } from '../records/audit.js';
import { sealFile } from '../records/crypto/sealed-media.js';
import type { ReadableDB, WritableDB } from '../records/db-types.js';
import { recordedSegmentHashes } from '../records/queries/hearing-audit.js';
import { finishedSegments, type RecordedPart } from './layout.js';

export type ClosedSegment = {
  /** The segment's path under the hearing's recording folder, e.g. part-0001-open/<track>/seg-00000.webm. */
  path: string;
  sha256: string;
  bytes: number;
};

const POLL_MS = 400;
export const SEALED_SUFFIX = '.sealed';

/** Watches one track's segments.csv and reports each newly closed segment once. */
export class SegmentWatcher {
  private reported = 0;
  /** Segments whose sealing or reading failed: each check tries them again. */
  private readonly failed = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> = Promise.resolve();

  constructor(
    private readonly trackDir: string,
    private readonly hearingDir: string,
    private readonly onClosed: ((segment: ClosedSegment) => void) | undefined,
    /** A closed-session part's key: each segment is sealed as it closes and the plain file removed. */
    private readonly seal?: PartKey | undefined,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => this.check(), POLL_MS);
  }

  /**
   * Reports whatever is newly closed; called once more when ffmpeg has exited. Reading and hashing
   * are asynchronous so that the packets being routed meanwhile are not held up.
   */
  check(): void {
    this.checking = this.checking.then(async () => {
      const segments = finishedSegments(this.trackDir);
      const due = [...this.failed, ...segments.slice(this.reported).map((s) => s.file)];
      this.reported = Math.max(this.reported, segments.length);
      this.failed.clear();
      for (const name of due) {
        let file = join(this.trackDir, name);
        let bytes: Buffer;
        try {
          if (this.seal) file = await sealSegment(file, this.seal);
          bytes = await readFile(file);
        } catch {
          // Tried again at the next check (and the last one when ffmpeg exits): a closed-session
          // segment left plain is closed-session media in the clear.
          this.failed.add(name);
          continue;
        }
        try {
          this.onClosed?.({
            path: relative(this.hearingDir, file).split('\\').join('/'),
            sha256: createHash('sha256').update(bytes).digest('hex'),
            bytes: bytes.length,
          });
        } catch {
          // A failed write (the records closed under it) leaves the segment without a recorded
          // hash, which the export reports; it must not stop the next segments from being reported.
        }
      }
    });
    this.checking = this.checking.catch(() => undefined);
  }

  /** Resolves once every check asked for so far has reported. */
  settled(): Promise<void> {
    return this.checking;
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.check();
  }
}

export type PartKey = Parameters<typeof sealFile>[2];

/** The sealed file's path; idempotent, so a segment sealed before a restart is left as it is. */
async function sealSegment(plain: string, key: PartKey): Promise<string> {
  const sealed = `${plain}${SEALED_SUFFIX}`;
  if (existsSync(sealed) && !existsSync(plain)) return sealed;
  const temporary = `${sealed}.tmp`;
  await rm(temporary, { force: true });
  await sealFile(plain, temporary, key);
  await rename(temporary, sealed);
  await rm(plain);
  return sealed;
}

/** The file that holds a finished segment on disk: sealed in a closed-session part. */
export function segmentOnDisk(trackDir: string, file: string): string {
  const sealed = join(trackDir, `${file}${SEALED_SUFFIX}`);
  return existsSync(sealed) ? sealed : join(trackDir, file);
}

/** The audit sink the court session gives its recording. */
export function auditSegmentClosed(db: WritableDB, hearingId: number) {
  return (segment: ClosedSegment) =>
    appendAudit(db, {
      actor: 'host',
      actorRole: 'system',
      action: 'recording.segment-closed',
      subjectType: 'recording',
      subjectId: hearingId,
      detail: { ...segment },
    });
}

export { recordedSegmentHashes } from '../records/queries/hearing-audit.js';

/** Compares each finished segment on disk with the hash recorded when it closed. */
export function compareWithRecordedHashes(
  db: ReadableDB,
  hearingId: number,
  hearingDir: string,
  parts: RecordedPart[],
): { altered: string[]; unrecorded: string[] } {
  const recorded = recordedSegmentHashes(db, hearingId);
  const altered: string[] = [];
  const unrecorded: string[] = [];
  for (const part of parts)
    for (const track of part.tracks)
      for (const segment of track.segments) {
        const file = segmentOnDisk(track.dir, segment.file);
        const path = relative(hearingDir, file).split('\\').join('/');
        const expected = recorded.get(path);
        if (!expected) unrecorded.push(path);
        else if (createHash('sha256').update(readFileSync(file)).digest('hex') !== expected)
          altered.push(path);
      }
  return { altered, unrecorded };
}
