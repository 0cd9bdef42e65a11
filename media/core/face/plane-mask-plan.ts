/**
 * A frame's mask plan applied to its own planes (plane-masks.ts) for the styles that can be: solid
 * and silhouette (rectangles filled in the mask colour) and pixelate (changed cells solid, each
 * outermost face or head box a solid core and coarse blocks), as mask-work.ts plans them.
 */
import type { MaskPlan } from './live-planner';
import { filterMaskWork, solidMaskRects } from './mask-work';
import { MASK_COLOUR, pixelBlockFor } from './masks';
import { fillPlanarRects, pixelatePlanar } from './plane-masks';
import type { PlanarFrame } from './plane-sampler';
import type { SilhouetteCells } from './segmentation';

export type PlanarStyle = 'solid' | 'silhouette' | 'pixelate';

export const isPlanarStyle = (style: string): style is PlanarStyle =>
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
  const work = filterMaskWork(plan, width, height);
  fillPlanarRects(planes, work.fills, MASK_COLOUR);
  for (const { box, core, maskWidth } of work.boxes) {
    fillPlanarRects(planes, [core], MASK_COLOUR);
    pixelatePlanar(planes, box, pixelBlockFor(maskWidth));
  }
}
