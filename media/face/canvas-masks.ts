/**
 * Draws a frame's mask plan onto the 2D canvas holding the camera frame. Solid masks are plain
 * fillRects; pixelate and blur read back only the masked rectangle, never the whole frame.
 */
import {
  blur,
  blurRadiusFor,
  clampBox,
  MASK_COLOUR,
  pixelate,
  pixelBlockFor,
  type MaskPlan,
  type MaskStyle,
} from '../core/face';

const MASK_FILL = `rgb(${MASK_COLOUR.join(', ')})`;

export function drawMaskPlan(
  context: OffscreenCanvasRenderingContext2D,
  plan: MaskPlan,
  style: MaskStyle,
  width: number,
  height: number,
): void {
  context.fillStyle = MASK_FILL;
  if (plan.wholeFrame) {
    context.fillRect(0, 0, width, height);
    return;
  }
  for (const raw of plan.changed) {
    const box = clampBox(raw, width, height);
    if (box.width > 0 && box.height > 0) context.fillRect(box.x, box.y, box.width, box.height);
  }
  for (const raw of plan.faces) {
    const box = clampBox(raw, width, height);
    if (box.width === 0 || box.height === 0) continue;
    if (style === 'solid') {
      context.fillRect(box.x, box.y, box.width, box.height);
      continue;
    }
    const image = context.getImageData(box.x, box.y, box.width, box.height);
    const region = { data: image.data, width: box.width, height: box.height };
    const whole = { x: 0, y: 0, width: box.width, height: box.height };
    if (style === 'pixelate') pixelate(region, whole, pixelBlockFor(raw.width));
    else blur(region, whole, blurRadiusFor(raw.width));
    context.putImageData(image, box.x, box.y);
  }
}
