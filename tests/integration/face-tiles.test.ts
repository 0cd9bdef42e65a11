/**
 * The offline engine's tiles on a real clip (tests/fixtures/head-pose/openmpf_reception.mp4, CC BY
 * 2.0): at the back of a reception, a man holds a phone up to his face. BlazeFace back-256 on the
 * whole frame does not find him; on the 3x2 tiles of `incamera face mask` it does, sure enough to
 * track.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNodeFaceDetector } from '../../host/face/node-detector';
import {
  detectForMasking,
  FACE_SCORE_THRESHOLD,
  OFFLINE_TILES_PER_SIDE,
} from '../../media/core/face/detector';
import type { Box } from '../../media/core/face/types';
import { projectRoot } from '../e2e/support/host-process';
import { firstFrame } from './support/face-stills';

/** The middle of the photographer's face in the clip's first frame (640x480), checked by eye. */
const PHOTOGRAPHER = { x: 516, y: 160 };
const covers = (b: Box, p: { x: number; y: number }) =>
  p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height;

describe('BlazeFace on tiles as well as the whole frame (incamera face mask)', () => {
  it('finds a face half covered by a phone that the whole frame misses', async () => {
    const detector = await createNodeFaceDetector('back256');
    const frame = await firstFrame(
      join(projectRoot, 'tests', 'fixtures', 'head-pose', 'openmpf_reception.mp4'),
    );
    const whole = await detectForMasking(detector, frame);
    expect(whole.length, 'the four faces in front').toBeGreaterThanOrEqual(4);
    expect(whole.filter((f) => covers(f, PHOTOGRAPHER))).toEqual([]);
    const tiled = await detectForMasking(detector, frame, OFFLINE_TILES_PER_SIDE);
    const found = tiled.filter((f) => covers(f, PHOTOGRAPHER));
    expect(found).toHaveLength(1);
    expect(found[0]!.score).toBeGreaterThanOrEqual(FACE_SCORE_THRESHOLD);
    expect(found[0]!.kind ?? 'face').toBe('face');
  });
});
