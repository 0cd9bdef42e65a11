import type { Box } from '../../../media/core/face/types';

/** Whether one of `boxes` covers `target` whole. */
export const covers = (boxes: Box[], target: Box) =>
  boxes.some(
    (b) =>
      b.x <= target.x &&
      b.y <= target.y &&
      b.x + b.width >= target.x + target.width &&
      b.y + b.height >= target.y + target.height,
  );
