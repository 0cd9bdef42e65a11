/** Notices an abrupt change of scene (a cut, the camera knocked) from a tiny luma thumbnail. */
import type { RgbaFrame } from './types';

const THUMB_W = 32;
const THUMB_H = 18;
/** Mean absolute luma difference (0..255) above which the scene is taken to have changed. */
export const SCENE_CHANGE_THRESHOLD = 35;

export class SceneChangeDetector {
  private previous: Float32Array | null = null;

  constructor(private readonly threshold = SCENE_CHANGE_THRESHOLD) {}

  /** True when this frame differs abruptly from the one before. */
  update(frame: RgbaFrame): boolean {
    const thumb = lumaThumbnail(frame);
    const before = this.previous;
    this.previous = thumb;
    if (!before) return false;
    let sum = 0;
    for (let i = 0; i < thumb.length; i++) sum += Math.abs(thumb[i]! - before[i]!);
    return sum / thumb.length > this.threshold;
  }
}

export function lumaThumbnail(frame: RgbaFrame): Float32Array {
  const thumb = new Float32Array(THUMB_W * THUMB_H);
  const { data, width, height } = frame;
  for (let ty = 0; ty < THUMB_H; ty++) {
    const y = Math.min(height - 1, Math.floor(((ty + 0.5) * height) / THUMB_H));
    for (let tx = 0; tx < THUMB_W; tx++) {
      const x = Math.min(width - 1, Math.floor(((tx + 0.5) * width) / THUMB_W));
      const i = (y * width + x) * 4;
      thumb[ty * THUMB_W + tx] = 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
    }
  }
  return thumb;
}
