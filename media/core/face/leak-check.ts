/**
 * The independent leak check used by the E2E test and `npm run eval:face`: both BlazeFace models,
 * at a low threshold, on the whole frame and on overlapping upscaled tiles of the masked output.
 * A finding is a leak when the camera frame it came from has a real face at the same place.
 */
import { tileRegions, type FaceDetector } from './detector';
import { intersectionOverUnion, type Box, type FaceDetection, type RgbaFrame } from './types';

export const LEAK_CHECK_THRESHOLD = 0.3;
/** Score at which a finding in the camera frame may be a real face (it must also be corroborated). */
export const REAL_FACE_SCORE = 0.5;

export type Finding = FaceDetection & { model: string; tiled: boolean };

export async function findFaces(
  detectors: readonly FaceDetector[],
  frame: RgbaFrame,
  options: { threshold: number; tilesPerSide: readonly number[] },
): Promise<Finding[]> {
  const found: Finding[] = [];
  for (const detector of detectors) {
    for (const face of await detector.detect(frame, options.threshold))
      found.push({ ...face, model: detector.model, tiled: false });
    for (const perSide of options.tilesPerSide) {
      for (const region of tileRegions(frame.width, frame.height, perSide)) {
        for (const face of await detector.detectRegion(frame, region, options.threshold))
          found.push({ ...face, model: detector.model, tiled: true });
      }
    }
  }
  return found;
}

/**
 * Real faces in a camera frame: findings >= REAL_FACE_SCORE seen by at least two views (the
 * other model, or whole frame vs tile). A lone finding is the checker's own false positive.
 */
export function realFaces(findings: readonly Finding[]): Finding[] {
  const strong = findings.filter((f) => f.score >= REAL_FACE_SCORE);
  return strong.filter((f) =>
    strong.some(
      (g) =>
        g !== f &&
        (g.model !== f.model || g.tiled !== f.tiled) &&
        intersectionOverUnion(f, g) > 0.3,
    ),
  );
}

export function samePlace(finding: Box, face: Box): boolean {
  const cx = finding.x + finding.width / 2;
  const cy = finding.y + finding.height / 2;
  const inside =
    cx >= face.x && cx <= face.x + face.width && cy >= face.y && cy <= face.y + face.height;
  return inside || intersectionOverUnion(finding, face) > 0.2;
}

/** Checks one masked frame against its camera frame. */
export async function checkMaskedFrame(
  detectors: readonly FaceDetector[],
  raw: RgbaFrame,
  masked: RgbaFrame,
  tilesPerSide: readonly number[],
): Promise<{ findings: Finding[]; leaks: Finding[] }> {
  const findings = await findFaces(detectors, masked, {
    threshold: LEAK_CHECK_THRESHOLD,
    tilesPerSide,
  });
  if (findings.length === 0) return { findings, leaks: [] };
  const faces = realFaces(
    await findFaces(detectors, raw, { threshold: REAL_FACE_SCORE, tilesPerSide }),
  );
  return { findings, leaks: findings.filter((f) => faces.some((face) => samePlace(f, face))) };
}
