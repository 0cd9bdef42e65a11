/**
 * Judges pictures a page received with a face detector the masking pipeline does not use: SSD
 * MobileNet v1 (@vladmandic/face-api, the judge of `npm run eval:face`), on the whole frame and,
 * where asked, on 2x2 tiles upscaled x2. Frames are PNG files saved from a <video>.
 */
import { spawnSync } from 'node:child_process';
import { resolveFfmpeg } from '../../../host/tools/ffmpeg';
import { MASK_COLOUR } from '../../../media/core/face/masks';
import type { RgbaFrame } from '../../../media/core/face/types';
import {
  createSsdFaceDetector,
  LEAK_THRESHOLD,
  type SsdFinding,
} from '../../bench/face/ssd-face-detector';

/** Findings down to this score are kept, so that a near miss shows in the report. */
const REPORT_THRESHOLD = 0.1;

export type JudgedFrame = {
  file: string;
  /** Share of pixels in the mask colour (near 1: the whole frame hidden). */
  maskedShare: number;
  /** Highest score the judge gave anything in the frame (0: nothing at all). */
  bestScore: number;
  /** Findings at or above LEAK_THRESHOLD: a face in what the court received. */
  faces: SsdFinding[];
  tiled: boolean;
};

export type SavedFrame = { file: string; width: number; height: number };

export function decodeRgba({ file, width, height }: SavedFrame): RgbaFrame {
  const decoded = spawnSync(
    resolveFfmpeg(),
    ['-v', 'error', '-i', file, '-f', 'rawvideo', '-pix_fmt', 'rgba', '-'],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  if (decoded.status !== 0) throw new Error(`ffmpeg could not decode ${file}`);
  return { data: new Uint8Array(decoded.stdout), width, height };
}

/** Share of the frame's pixels within 20 levels of the mask colour in every channel. */
export function maskColourShare(frame: RgbaFrame): number {
  let n = 0;
  const pixels = frame.width * frame.height;
  for (let p = 0; p < pixels * 4; p += 4)
    if (
      Math.abs(frame.data[p]! - MASK_COLOUR[0]) < 20 &&
      Math.abs(frame.data[p + 1]! - MASK_COLOUR[1]) < 20 &&
      Math.abs(frame.data[p + 2]! - MASK_COLOUR[2]) < 20
    )
      n++;
  return n / pixels;
}

/**
 * Every frame on the whole, and the `tiledCount` least masked frames also in tiles (the tiles
 * cost about four whole looks each on this machine, so they go where a face could still be seen).
 */
export async function judgeFrames(saved: readonly SavedFrame[], tiledCount: number) {
  const ssd = await createSsdFaceDetector();
  const decoded = saved.map((s) => ({ file: s.file, frame: decodeRgba(s) }));
  const shares = decoded.map(({ frame }) => maskColourShare(frame));
  const tiledFiles = new Set(
    decoded
      .map((d, i) => ({ file: d.file, share: shares[i]! }))
      .sort((a, b) => a.share - b.share)
      .slice(0, tiledCount)
      .map((d) => d.file),
  );
  const judged: JudgedFrame[] = [];
  for (const [i, { file, frame }] of decoded.entries()) {
    const tiled = tiledFiles.has(file);
    const found = await ssd.find(frame, { threshold: REPORT_THRESHOLD, tiles: tiled });
    judged.push({
      file,
      maskedShare: shares[i]!,
      bestScore: Math.max(0, ...found.map((f) => f.score)),
      faces: found.filter((f) => f.score >= LEAK_THRESHOLD),
      tiled,
    });
  }
  return judged;
}

/** The frame the judge came closest to calling a face in (the highest score, then the least masked). */
export function worstFrame(frames: readonly JudgedFrame[]): JudgedFrame | undefined {
  return [...frames].sort((a, b) => b.bestScore - a.bestScore || a.maskedShare - b.maskedShare)[0];
}

export { LEAK_THRESHOLD };
