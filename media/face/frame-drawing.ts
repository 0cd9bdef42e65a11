/**
 * Canvas drawing for the frame loop (frame-pump.ts): the pseudonym label, the thumbnail of a frame
 * whose planes cannot be read, and pictures drawn once and sent again.
 */
import { clampBox, planarOverlayOf, type PlanarFrame, type PlanarOverlay } from '../core/face';

/** Without readable planes the frame is drawn (bilinear, cheap) at twice the thumbnail's size, then averaged 2x2. */
export const SAMPLING = 2;

/** What `draw` puts on the canvas, taken off it as a bitmap (the canvas is left blank). */
export function drawOnce(canvas: OffscreenCanvas, draw: () => void): ImageBitmap {
  draw();
  return canvas.transferToImageBitmap();
}

/** The thumbnail drawn with a canvas, for frames whose planes cannot be read (frame-planes.ts). */
export function drawnThumbnail(
  frame: VideoFrame,
  context: OffscreenCanvasRenderingContext2D,
  canvas: OffscreenCanvas,
) {
  context.drawImage(frame, 0, 0, canvas.width, canvas.height);
  return averageDown(context.getImageData(0, 0, canvas.width, canvas.height), SAMPLING);
}

/** A thumbnail `factor` times smaller, each pixel the mean of a factor x factor block. */
function averageDown(image: ImageData, factor: number) {
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const data = new Uint8ClampedArray(width * height * 4);
  const n = factor * factor;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) {
        let sum = 0;
        for (let dy = 0; dy < factor; dy++)
          for (let dx = 0; dx < factor; dx++)
            sum += image.data[((y * factor + dy) * image.width + x * factor + dx) * 4 + c]!;
        data[o + c] = sum / n;
      }
      data[o + 3] = 255;
    }
  }
  return { data, width, height };
}

export function drawPseudonym(
  context: OffscreenCanvasRenderingContext2D,
  text: string,
  width: number,
  height: number,
) {
  const size = Math.max(14, Math.round(height / 24));
  context.font = `600 ${size}px sans-serif`;
  const pad = Math.round(size / 2);
  const textWidth = context.measureText(text).width;
  context.fillStyle = 'rgba(0, 0, 0, 0.6)';
  const box = { x: pad, y: height - size * 2 - pad, width: textWidth + 2 * pad, height: size * 2 };
  context.fillRect(box.x, box.y, box.width, box.height);
  context.fillStyle = '#ffffff';
  context.textBaseline = 'middle';
  context.fillText(text, pad * 2, height - size - pad, width - 4 * pad);
  return box;
}

/** The pseudonym's label as drawPseudonym draws it, converted once for blending into this frame's planes. */
export function pseudonymOverlayFor(text: string, frame: PlanarFrame): PlanarOverlay {
  const { width, height } = frame;
  const context = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2D canvas for the pseudonym label');
  const box = clampBox(drawPseudonym(context, text, width, height), width, height);
  const image = context.getImageData(box.x, box.y, Math.max(1, box.width), Math.max(1, box.height));
  return planarOverlayOf(frame, image, box.x, box.y);
}
