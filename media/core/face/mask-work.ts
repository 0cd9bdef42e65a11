/**
 * What a frame's mask plan asks of each style, as rectangles: the same work whether it is drawn
 * with a canvas (media/face/canvas-masks.ts) or into the frame's own planes (plane-mask-plan.ts).
 */
import type { MaskPlan } from './live-plan';
import { outermostBoxes, solidCoreOf } from './masks';
import { silhouetteRects, type SilhouetteCells } from './segmentation';
import { clampBox, type Box } from './types';

const nonEmpty = (box: Box) => box.width > 0 && box.height > 0;

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
    style === 'silhouette' && silhouette ? silhouetteRects(silhouette, width, height) : [];
  for (const raw of [...plan.changed, ...outermostBoxes(plan.faces)]) {
    const box = clampBox(raw, width, height);
    if (nonEmpty(box)) rects.push(box);
  }
  return rects;
}

/** A face or head box that a filtering style (pixelate, blur) reworks, with its solid core. */
export type FilteredBox = {
  box: Box;
  core: Box;
  /** The box's width before clamping to the frame, which sizes the pixel blocks or the blur. */
  maskWidth: number;
};

/**
 * The filtering styles' work: rectangles to fill in the mask colour first (the whole frame when
 * the plan hides it, else the changed cells), then each outermost face or head box to filter
 * around its solid core, clamped to the frame.
 */
export function filterMaskWork(
  plan: MaskPlan,
  width: number,
  height: number,
): { fills: Box[]; boxes: FilteredBox[] } {
  if (plan.wholeFrame) return { fills: [{ x: 0, y: 0, width, height }], boxes: [] };
  const fills = plan.changed.map((raw) => clampBox(raw, width, height)).filter(nonEmpty);
  const boxes: FilteredBox[] = [];
  for (const raw of outermostBoxes(plan.faces)) {
    const box = clampBox(raw, width, height);
    if (nonEmpty(box)) boxes.push({ box, core: solidCoreOf(box), maskWidth: raw.width });
  }
  return { fills, boxes };
}
