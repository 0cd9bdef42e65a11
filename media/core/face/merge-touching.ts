import type { Box } from './types';

/** Replaces boxes that overlap or nearly touch (within 10% of the smaller) by their bounding box. */
export function mergeTouching(boxes: readonly Box[]): Box[] {
  const merged = boxes.map((b) => ({ ...b }));
  for (let changed = true; changed;) {
    changed = false;
    outer: for (let i = 0; i < merged.length; i++) {
      for (let j = i + 1; j < merged.length; j++) {
        const a = merged[i]!;
        const b = merged[j]!;
        const gap = 0.1 * Math.min(a.width, a.height, b.width, b.height);
        const apart =
          a.x > b.x + b.width + gap ||
          b.x > a.x + a.width + gap ||
          a.y > b.y + b.height + gap ||
          b.y > a.y + a.height + gap;
        if (apart) continue;
        const x = Math.min(a.x, b.x);
        const y = Math.min(a.y, b.y);
        merged[i] = {
          x,
          y,
          width: Math.max(a.x + a.width, b.x + b.width) - x,
          height: Math.max(a.y + a.height, b.y + b.height) - y,
        };
        merged.splice(j, 1);
        changed = true;
        break outer;
      }
    }
  }
  return merged;
}
