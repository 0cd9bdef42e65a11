/** Plain RGBA test frames, and whether a pixel of one is in the mask colour. */
import { MASK_COLOUR } from '../../../media/core/face/masks';
import type { RgbaFrame } from '../../../media/core/face/types';

/** A frame of one light grey, nothing like the mask colour. */
export function greyFrame(width: number, height: number): RgbaFrame {
  return { data: new Uint8ClampedArray(width * height * 4).fill(200), width, height };
}

export function isMaskColour(f: RgbaFrame, x: number, y: number): boolean {
  const i = (y * f.width + x) * 4;
  return [f.data[i], f.data[i + 1], f.data[i + 2]].join() === MASK_COLOUR.join();
}
