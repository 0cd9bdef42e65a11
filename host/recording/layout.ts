/**
 * Where a hearing's recording lives and what its folders say about themselves. The file system is
 * the recording's own record, so that a host killed mid-recording leaves everything needed to
 * export what was written:
 *
 *   <folder of the records db>/recordings/hearing-<id>/
 *     part-0001-open/part.json            { part, closedSession, startedAt, stoppedAt? }
 *       witness-p3-video-1/track.json     { role, label, kind, startedAt, firstPacketAt?, stoppedAt?, pid? }
 *                          stream.sdp, seg-00000.webm …, segments.csv (finished segments only)
 *     part-0002-sealed/ …                 closed-session parts, kept apart from the open record
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';

export const SEGMENT_SECONDS = 2;

export const partMeta = z.object({
  part: z.number().int().positive(),
  hearingId: z.number().int().positive(),
  closedSession: z.boolean(),
  startedAt: z.string(),
  stoppedAt: z.string().optional(),
});
export type PartMeta = z.infer<typeof partMeta>;

export const trackMeta = z.object({
  trackId: z.string(),
  peerId: z.string(),
  role: z.string(),
  /** The role, and for a witness the pseudonym: never a real name. */
  label: z.string(),
  kind: z.enum(['audio', 'video']),
  startedAt: z.string(),
  firstPacketAt: z.string().optional(),
  stoppedAt: z.string().optional(),
  pid: z.number().int().optional(),
});
export type TrackMeta = z.infer<typeof trackMeta>;

export const recordingsRootFor = (dbPath: string) => join(dirname(dbPath), 'recordings');
export const hearingRecordingDir = (root: string, hearingId: number) =>
  join(root, `hearing-${hearingId}`);
export const partDirName = (part: number, closedSession: boolean) =>
  `part-${String(part).padStart(4, '0')}-${closedSession ? 'sealed' : 'open'}`;

export function writeJsonAtomic(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(temporary, path);
}

export type SegmentEntry = { file: string; start: number; end: number };

/** Segments ffmpeg has finished (it appends a line only when a segment is closed). */
export function finishedSegments(trackDir: string): SegmentEntry[] {
  let text: string;
  try {
    text = readFileSync(join(trackDir, 'segments.csv'), 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [file = '', start = '0', end = '0'] = line.split(',');
      return { file, start: Number(start), end: Number(end) };
    })
    .filter((entry) => /^seg-\d+\.webm$/.test(entry.file));
}

export type RecordedTrack = {
  dir: string;
  meta: TrackMeta;
  segments: SegmentEntry[];
  unfinished: string[];
};
export type RecordedPart = { dir: string; meta: PartMeta; tracks: RecordedTrack[] };

const PART_FOLDER = /^part-(\d{4})-(open|sealed)$/;

function partFolders(root: string, hearingId: number): string[] {
  try {
    return readdirSync(hearingRecordingDir(root, hearingId))
      .filter((name) => PART_FOLDER.test(name))
      .sort();
  } catch {
    return [];
  }
}

/**
 * The highest part number with a folder on disk, begun or not: a part whose folder was made but
 * whose part.json never landed (a host killed in that instant) still holds its number.
 */
export function lastPartNumber(root: string, hearingId: number): number {
  return partFolders(root, hearingId).reduce(
    (highest, name) => Math.max(highest, Number(PART_FOLDER.exec(name)?.[1] ?? 0)),
    0,
  );
}

function readPartMeta(dir: string): PartMeta | undefined {
  let raw: string;
  try {
    raw = readFileSync(join(dir, 'part.json'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return partMeta.parse(JSON.parse(raw));
}

/**
 * Every part and track of a hearing's recording as found on disk, in order. A part folder without
 * its part.json has not begun (the recorder writes it atomically before any track) and is left out.
 */
export function readHearingRecording(root: string, hearingId: number): RecordedPart[] {
  const hearingDir = hearingRecordingDir(root, hearingId);
  return partFolders(root, hearingId).flatMap((name): RecordedPart[] => {
    const dir = join(hearingDir, name);
    const meta = readPartMeta(dir);
    if (!meta) return [];
    const tracks = readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(dir, entry.name))
      .flatMap((trackDir): RecordedTrack[] => {
        let raw: string;
        try {
          raw = readFileSync(join(trackDir, 'track.json'), 'utf8');
        } catch {
          return [];
        }
        const segments = finishedSegments(trackDir);
        const listed = new Set(segments.map((s) => s.file));
        const unfinished = readdirSync(trackDir).filter(
          (file) => /^seg-\d+\.webm$/.test(file) && !listed.has(file),
        );
        return [{ dir: trackDir, meta: trackMeta.parse(JSON.parse(raw)), segments, unfinished }];
      })
      .sort((a, b) => a.meta.startedAt.localeCompare(b.meta.startedAt));
    return [{ dir, meta, tracks }];
  });
}
