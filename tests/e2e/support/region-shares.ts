/**
 * What the tapped output shows in one region of the camera's picture, no detector involved: for
 * each tapped frame, the share of the region's pixels that arrive as the camera showed them (within
 * 24 levels a channel) and the share in the mask colour.
 */
import type { Page } from '@playwright/test';
import { MASK_COLOUR } from '../../../media/core/face/masks';
import type { Box, RgbImage } from './frame-pixels';

/** The region's pixels as the camera showed them, RGB row by row. */
export function regionPixels(image: RgbImage, box: Box): number[] {
  const pixels: number[] = [];
  for (let y = box.y; y < box.y + box.height; y++)
    for (let x = box.x; x < box.x + box.width; x++)
      for (let c = 0; c < 3; c++) pixels.push(image.data[(y * image.width + x) * 3 + c]!);
  return pixels;
}

/**
 * `raw`: the share of the region's pixels at least `minBrightness` bright on the camera (0: all)
 * that arrive unchanged; `mask`: the share of all its pixels in the mask colour.
 */
export function tappedRegionShares(
  page: Page,
  options: {
    count: number;
    reference: number[];
    box: Box;
    size: [number, number];
    minBrightness: number;
  },
): Promise<Array<{ raw: number; mask: number }>> {
  return page.evaluate(
    async ({ count, reference, box, size, minBrightness, maskColour }) => {
      type Diagnostics = { tappedFramePng(index: number): Promise<string> };
      const diagnostics = (window as unknown as { incameraFaceDiagnostics: Diagnostics })
        .incameraFaceDiagnostics;
      const [width, height] = size;
      const shares: Array<{ raw: number; mask: number }> = [];
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d', { willReadFrequently: true })!;
      const near = (a: number, b: number, tolerance: number) => Math.abs(a - b) <= tolerance;
      for (let i = 0; i < count; i++) {
        const url = await diagnostics.tappedFramePng(i);
        const bytes = Uint8Array.from(atob(url.split(',')[1]!), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        context.drawImage(bitmap, 0, 0, width, height);
        const { data } = context.getImageData(box.x, box.y, box.width, box.height);
        let raw = 0;
        let counted = 0;
        let mask = 0;
        for (let p = 0, q = 0; p < data.length; p += 4, q += 3) {
          if ([0, 1, 2].every((c) => near(data[p + c]!, maskColour[c]!, 19))) mask++;
          if (Math.max(reference[q]!, reference[q + 1]!, reference[q + 2]!) < minBrightness)
            continue;
          counted++;
          if ([0, 1, 2].every((c) => near(data[p + c]!, reference[q + c]!, 24))) raw++;
        }
        shares.push({ raw: raw / Math.max(1, counted), mask: mask / (box.width * box.height) });
      }
      return shares;
    },
    { ...options, maskColour: [...MASK_COLOUR] },
  );
}
