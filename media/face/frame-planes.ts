/**
 * Reads a camera VideoFrame's own I420 or NV12 planes with `copyTo` (a 1280x720 frame is about
 * 1.4 MB), for sampling without drawing the frame into a canvas: with software raster, drawing a
 * 1280x720 frame costs tens of ms (plane-sampler.ts).
 */
import type { PlanarFrame } from '../core/face';

/**
 * The frame's planes, or null for other formats, frames scaled for display, or a copy that fails;
 * the caller then draws the frame into a canvas. `buffer` is reused when it is large enough (the
 * caller must be done with the previous frame's planes); by default each read gets its own.
 */
export async function readPlanes(
  frame: VideoFrame,
  buffer?: Uint8Array,
): Promise<PlanarFrame | null> {
  const format = frame.format;
  if (format !== 'I420' && format !== 'NV12') return null;
  const visible = frame.visibleRect;
  if (visible && (visible.width !== frame.displayWidth || visible.height !== frame.displayHeight))
    return null;
  try {
    const size = frame.allocationSize();
    const data = buffer && buffer.byteLength >= size ? buffer : new Uint8Array(size);
    const layout = await frame.copyTo(data);
    return {
      format,
      width: frame.displayWidth,
      height: frame.displayHeight,
      data,
      layout,
      matrix: frame.colorSpace.matrix === 'bt709' ? 'bt709' : 'bt601',
      fullRange: frame.colorSpace.fullRange ?? false,
    };
  } catch {
    return null;
  }
}
