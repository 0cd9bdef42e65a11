/**
 * A frame's mask plan applied to its own planes (plane-masks.ts) for the styles that can be: solid
 * and silhouette (rectangles filled in the mask colour), pixelate and blur (changed cells solid,
 * each outermost face or head box a solid core and coarse blocks or a strong blur), as
 * mask-work.ts plans them. Only the trainers' demonstration styles still need a canvas.
 */
import type { MaskPlan } from './live-plan';
import { filterMaskWork, solidMaskRects } from './mask-work';
import { blurRadiusFor, MASK_COLOUR, pixelBlockFor } from './masks';
import { blurPlanar } from './plane-blur';
import { fillPlanarRects, pixelatePlanar } from './plane-masks';
import type { PlanarFrame } from './plane-sampler';
import type { SilhouetteCells } from './segmentation';

export type PlanarStyle = 'solid' | 'silhouette' | 'pixelate' | 'blur';

export const isPlanarStyle = (style: string): style is PlanarStyle =>
  style === 'solid' || style === 'silhouette' || style === 'pixelate' || style === 'blur';

export function maskPlanInPlanes(
  planes: PlanarFrame,
  plan: MaskPlan,
  style: PlanarStyle,
  silhouette: SilhouetteCells | null,
): void {
  const { width, height } = planes;
  if (style === 'solid' || style === 'silhouette') {
    fillPlanarRects(planes, solidMaskRects(plan, style, width, height, silhouette), MASK_COLOUR);
    return;
  }
  const work = filterMaskWork(plan, width, height);
  fillPlanarRects(planes, work.fills, MASK_COLOUR);
  for (const { box, core, maskWidth } of work.boxes) {
    fillPlanarRects(planes, [core], MASK_COLOUR);
    if (style === 'pixelate') {
      pixelatePlanar(planes, box, pixelBlockFor(maskWidth));
    } else {
      blurPlanar(planes, box, blurRadiusFor(maskWidth));
      // The blur spreads the face around the core into it; the core is refilled, as on canvas.
      fillPlanarRects(planes, [core], MASK_COLOUR);
    }
  }
}
