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
  if (style === 'solid' || style === 'silhouette') {
    for (const box of solidMaskRects(plan, style, width, height, silhouette))
      context.fillRect(box.x, box.y, box.width, box.height);
    return;
  }
  if (plan.wholeFrame) {
    context.fillRect(0, 0, width, height);
    return;
  }
  for (const raw of plan.changed) {
    const box = clampBox(raw, width, height);
    if (box.width > 0 && box.height > 0) context.fillRect(box.x, box.y, box.width, box.height);
  }
  for (const raw of outermostBoxes(plan.faces)) {
    const box = clampBox(raw, width, height);
    if (box.width === 0 || box.height === 0) continue;
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

/**
 * Every rectangle the solid and silhouette styles fill in the mask colour, in drawing order: the
 * whole frame when the plan hides it or a silhouette style has no segmentation (fail closed), else
 * the silhouette, the changed cells and the outermost face and head boxes, clamped to the frame.
 */
export function solidMaskRects(
  plan: MaskPlan,
  style: 'solid' | 'silhouette',
  width: number,
  height: number,
  silhouette: SilhouetteCells | null,
): Box[] {
  if (plan.wholeFrame || (style === 'silhouette' && !silhouette))
    return [{ x: 0, y: 0, width, height }];
  const rects =
    style === 'silhouette' && silhouette
      ? silhouetteRects({ ...silhouette, coverage: 0 }, width, height)
      : [];
  for (const raw of [...plan.changed, ...outermostBoxes(plan.faces)]) {
    const box = clampBox(raw, width, height);
    if (box.width > 0 && box.height > 0) rects.push(box);
  }
  return rects;
}
