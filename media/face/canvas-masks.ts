/**
 * Draws a frame's mask plan onto the 2D canvas holding the camera frame. Solid masks are plain
 * fillRects; pixelate and blur read back only the masked rectangle, never the whole frame.
 */
import {
  blur,
  blurRadiusFor,
  filterMaskWork,
  MASK_COLOUR,
  pixelate,
  pixelBlockFor,
  solidMaskRects,
  type Box,
  type MaskPlan,
  type MaskStyle,
} from '../core/face';
import type { SilhouetteCells } from './worker-protocol';

const MASK_FILL = `rgb(${MASK_COLOUR.join(', ')})`;

/**
 * Styles for trainers' demonstrations only, never offered by an order: no masking at all, and a blur
 * too weak to hide a face (a detector still finds it), so trainees see why the real styles are strong.
 */
export type DemonstrationMaskStyle = 'off' | 'weak-blur';
export type DrawStyle = MaskStyle | DemonstrationMaskStyle;

/** A weak blur's radius: a few pixels, as a careless video editor might use. */
const weakBlurRadius = (maskWidth: number) => Math.max(1, Math.ceil(maskWidth / 60));

export function drawMaskPlan(
  context: OffscreenCanvasRenderingContext2D,
  plan: MaskPlan,
  style: DrawStyle,
  width: number,
  height: number,
  silhouette: SilhouetteCells | null = null,
): void {
  if (style === 'off') return;
  context.fillStyle = MASK_FILL;
  const fill = (box: Box) => context.fillRect(box.x, box.y, box.width, box.height);
  if (style === 'solid' || style === 'silhouette') {
    solidMaskRects(plan, style, width, height, silhouette).forEach(fill);
    return;
  }
  const work = filterMaskWork(plan, width, height);
  work.fills.forEach(fill);
  for (const { box, core, maskWidth } of work.boxes) {
    // The trainer's weak blur is meant to fail, so it gets no solid core.
    if (style !== 'weak-blur') fill(core);
    const image = context.getImageData(box.x, box.y, box.width, box.height);
    const region = { data: image.data, width: box.width, height: box.height };
    const whole = { x: 0, y: 0, width: box.width, height: box.height };
    if (style === 'pixelate') pixelate(region, whole, pixelBlockFor(maskWidth));
    else if (style === 'weak-blur') blur(region, whole, weakBlurRadius(maskWidth));
    else blur(region, whole, blurRadiusFor(maskWidth));
    context.putImageData(image, box.x, box.y);
    if (style === 'blur') fill(core);
  }
}
