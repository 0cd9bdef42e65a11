/**
 * A frame's mask plan applied to its own planes (plane-masks.ts) for the styles that can be: solid
 * and silhouette (rectangles filled in the mask colour) and pixelate (changed cells solid, each
 * outermost face or head box a solid core and coarse blocks, as canvas-masks.ts draws them).
 */
import {
  clampBox,
  fillPlanarRects,
  MASK_COLOUR,
  outermostBoxes,
  pixelatePlanar,
  pixelBlockFor,
  solidCoreOf,
  type MaskPlan,
  type PlanarFrame,
} from '../core/face';
import { solidMaskRects, type DrawStyle } from './canvas-masks';
import type { SilhouetteCells } from './worker-protocol';

export type PlanarStyle = 'solid' | 'silhouette' | 'pixelate';

export const isPlanarStyle = (style: DrawStyle): style is PlanarStyle =>
  style === 'solid' || style === 'silhouette' || style === 'pixelate';

export function maskPlanInPlanes(
  planes: PlanarFrame,
  plan: MaskPlan,
  style: PlanarStyle,
  silhouette: SilhouetteCells | null,
): void {
  const { width, height } = planes;
  if (style !== 'pixelate') {
    fillPlanarRects(planes, solidMaskRects(plan, style, width, height, silhouette), MASK_COLOUR);
    return;
  }
  if (plan.wholeFrame) {
    fillPlanarRects(planes, [{ x: 0, y: 0, width, height }], MASK_COLOUR);
    return;
  }
  fillPlanarRects(planes, plan.changed, MASK_COLOUR);
  for (const raw of outermostBoxes(plan.faces)) {
    const box = clampBox(raw, width, height);
    if (box.width === 0 || box.height === 0) continue;
    fillPlanarRects(planes, [solidCoreOf(box)], MASK_COLOUR);
    pixelatePlanar(planes, box, pixelBlockFor(raw.width));
  }
}
