/**
 * The live masking pipeline's frame loop: each camera frame gives a change-map thumbnail, read from
 * the frame's own planes (plane-thumbnail.ts), gets its mask plan, and leaves as a masked frame.
 * Software raster of a 1280x720 canvas (draw the frame, mask, read back) costs 20–35 ms a frame on
 * the 2-core machines, so the canvas is the last resort: a frame hidden whole sends a picture drawn
 * once per size (the mask colour and the pseudonym); a partly masked frame in any order style
 * (solid, silhouette, pixelate, blur) is masked in its own planes (core/face/plane-mask-plan.ts);
 * the trainers' demonstration styles, an observer that wants the camera's pixels, and frames
 * whose planes cannot be read are drawn with the canvas.
 */
import {
  blendPlanarOverlay,
  isPlanarStyle,
  maskPlanInPlanes,
  overlayFits,
  planarThumbnail,
  type MaskPlan,
  type PlanarOverlay,
} from '../core/face';
import { drawMaskPlan, type DrawStyle } from './canvas-masks';
import {
  drawnThumbnail,
  drawOnce,
  drawPseudonym,
  pseudonymOverlayFor,
  SAMPLING,
} from './frame-drawing';
import { readPlanes } from './frame-planes';
import type { SilhouetteCells } from './worker-protocol';

/** Thumbnail width for the scene-change check and the change map (one cell ~20 px at 720p). */
const THUMB_COLUMNS = 64;

export type PumpHooks = {
  stopped(): boolean;
  style(): DrawStyle;
  silhouette(): SilhouetteCells | null;
  frameSink(): ((timestamp: number, image: ImageData) => void) | null;
  pseudonym: string | undefined;
  planFor(
    thumb: { data: Uint8ClampedArray; width: number; height: number },
    width: number,
    height: number,
    frame: VideoFrame,
  ): MaskPlan;
  onFrame(plan: MaskPlan, processMs: number): void;
};

export async function pump(
  reader: ReadableStreamDefaultReader<VideoFrame>,
  writer: WritableStreamDefaultWriter<VideoFrame>,
  hooks: PumpHooks,
): Promise<void> {
  let canvas: OffscreenCanvas | null = null;
  let context: OffscreenCanvasRenderingContext2D | null = null;
  let thumbCanvas: OffscreenCanvas | null = null;
  let thumbContext: OffscreenCanvasRenderingContext2D | null = null;
  /** The camera frame's planes, reused frame after frame (read for the thumbnail only). */
  let planeBuffer: Uint8Array | undefined;
  /** The picture of a frame hidden whole at the current size: the mask colour and the pseudonym. */
  let hiddenPicture: ImageBitmap | null = null;
  /** The pseudonym's label, converted for the current size and colour space of the planes. */
  let label: PlanarOverlay | null = null;
  try {
    while (!hooks.stopped()) {
      const { value: frame, done } = await reader.read();
      if (done || !frame) break;
      const arrived = performance.now();
      const width = frame.displayWidth;
      const height = frame.displayHeight;
      const timestamp = frame.timestamp;
      // I420 and NV12 frames of odd size have partial chroma samples; those are drawn with a canvas.
      const even = width % 2 === 0 && height % 2 === 0;
      if (!canvas || canvas.width !== width || canvas.height !== height) {
        hiddenPicture?.close();
        hiddenPicture = null;
        canvas = new OffscreenCanvas(width, height);
        context = canvas.getContext('2d', { willReadFrequently: true });
        const thumbRows = Math.max(1, Math.round((THUMB_COLUMNS * height) / width));
        thumbCanvas = new OffscreenCanvas(THUMB_COLUMNS * SAMPLING, thumbRows * SAMPLING);
        thumbContext = thumbCanvas.getContext('2d', { willReadFrequently: true });
        if (thumbContext) thumbContext.imageSmoothingQuality = 'low';
      }
      if (!context || !thumbContext || !thumbCanvas)
        throw new Error('no 2D canvas for face masking');
      const planes = await readPlanes(frame, planeBuffer);
      if (planes) planeBuffer = planes.data;
      const thumb = planes
        ? planarThumbnail(planes, THUMB_COLUMNS, thumbCanvas.height / SAMPLING)
        : drawnThumbnail(frame, thumbContext, thumbCanvas);
      const plan = hooks.planFor(thumb, width, height, frame);
      const sink = hooks.frameSink();
      const style = hooks.style();
      let output: VideoFrame;
      // A frame hidden whole needs no camera pixels (unless an observer wants them): its picture
      // is the same every time.
      if (plan.wholeFrame && !sink && style !== 'off') {
        frame.close();
        hiddenPicture ??= drawOnce(canvas, () => {
          drawMaskPlan(context!, plan, style, width, height, null);
          if (hooks.pseudonym) drawPseudonym(context!, hooks.pseudonym, width, height);
        });
        output = new VideoFrame(hiddenPicture, { timestamp });
      } else if (planes && !sink && isPlanarStyle(style) && even) {
        // The masks go straight into the camera frame's planes, read above for the thumbnail.
        const colorSpace = frame.colorSpace.toJSON();
        frame.close();
        maskPlanInPlanes(planes, plan, style, hooks.silhouette());
        if (hooks.pseudonym) {
          if (!label || !overlayFits(label, planes))
            label = pseudonymOverlayFor(hooks.pseudonym, planes);
          blendPlanarOverlay(planes, label);
        }
        output = new VideoFrame(planes.data, {
          format: planes.format,
          codedWidth: width,
          codedHeight: height,
          layout: [...planes.layout],
          timestamp,
          colorSpace,
        });
      } else {
        context.drawImage(frame, 0, 0);
        frame.close();
        if (sink) sink(timestamp, context.getImageData(0, 0, width, height));
        drawMaskPlan(context, plan, style, width, height, hooks.silhouette());
        if (hooks.pseudonym) drawPseudonym(context, hooks.pseudonym, width, height);
        output = new VideoFrame(canvas, { timestamp });
      }
      if (hooks.stopped()) {
        output.close();
        break;
      }
      await writer.write(output);
      hooks.onFrame(plan, performance.now() - arrived);
    }
  } finally {
    hiddenPicture?.close();
    await reader.cancel().catch(() => undefined);
    await writer.close().catch(() => undefined);
  }
}
