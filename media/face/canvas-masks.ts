/**
 * Draws a frame's mask plan onto the 2D canvas holding the camera frame. Solid masks are plain
 * fillRects; pixelate and blur read back only the masked rectangle, never the whole frame.
 */
import {
  blur,
  blurRadiusFor,
  clampBox,
  MASK_COLOUR,
  outermostBoxes,
  pixelate,
  pixelBlockFor,
  silhouetteRects,
  solidCoreOf,
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
  // The silhouette style without a segmentation to draw hides the frame: fail closed.
  if (plan.wholeFrame || (style === 'silhouette' && !silhouette)) {
    context.fillRect(0, 0, width, height);
    return;
  }
  if (style === 'silhouette' && silhouette) {
    for (const rect of silhouetteRects({ ...silhouette, coverage: 0 }, width, height))
      context.fillRect(rect.x, rect.y, rect.width, rect.height);
  }
  for (const raw of plan.changed) {
    const box = clampBox(raw, width, height);
    if (box.width > 0 && box.height > 0) context.fillRect(box.x, box.y, box.width, box.height);
  }
  for (const raw of outermostBoxes(plan.faces)) {
    const box = clampBox(raw, width, height);
    if (box.width === 0 || box.height === 0) continue;
    if (style === 'solid' || style === 'silhouette') {
      context.fillRect(box.x, box.y, box.width, box.height);
      continue;
    }
    // The trainer's weak blur is meant to fail, so it gets no solid core.
    const core = style === 'weak-blur' ? null : solidCoreOf(box);
    if (core) context.fillRect(core.x, core.y, core.width, core.height);
    const image = context.getImageData(box.x, box.y, box.width, box.height);
    const region = { data: image.data, width: box.width, height: box.height };
    const whole = { x: 0, y: 0, width: box.width, height: box.height };
    if (style === 'pixelate') pixelate(region, whole, pixelBlockFor(raw.width));
    else if (style === 'weak-blur') blur(region, whole, weakBlurRadius(raw.width));
    else blur(region, whole, blurRadiusFor(raw.width));
    context.putImageData(image, box.x, box.y);
    if (core && style === 'blur') context.fillRect(core.x, core.y, core.width, core.height);
  }
}
