/**
 * The independent leak check: both BlazeFace models, at a low threshold, on the whole frame and on
 * overlapping upscaled tiles. Anything it finds in a masked frame is counted as a possible leak.
 */
import { tileRegions, type FaceDetector } from '../../media/core/face/detector.js';
import type { FaceDetection, RgbaFrame } from '../../media/core/face/types.js';

export type LeakFinding = FaceDetection & { model: string; tiled: boolean };

export async function findFaces(
  detectors: readonly FaceDetector[],
  frame: RgbaFrame,
  options: { threshold: number; tilesPerSide: number },
): Promise<LeakFinding[]> {
  const found: LeakFinding[] = [];
  for (const detector of detectors) {
    for (const face of await detector.detect(frame, options.threshold))
      found.push({ ...face, model: detector.model, tiled: false });
    if (options.tilesPerSide < 2) continue;
    for (const region of tileRegions(frame.width, frame.height, options.tilesPerSide)) {
      for (const face of await detector.detectRegion(frame, region, options.threshold))
        found.push({ ...face, model: detector.model, tiled: true });
    }
  }
  return found;
}
