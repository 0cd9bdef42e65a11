/** The first frame of a test image or clip, as the face code takes it. */
import { join } from 'node:path';
import { probeMedia, readRgbaFrames } from '../../../host/face/media-files';
import type { RgbaFrame } from '../../../media/core/face/types';
import { faceTestdataDir } from '../../../scripts/lib/face-test-video';

/** An image of the shared face test data (../shared/testdata/faces). */
export function faceStill(name: string): Promise<RgbaFrame> {
  return firstFrame(join(faceTestdataDir(), name));
}

export async function firstFrame(path: string): Promise<RgbaFrame> {
  const info = await probeMedia(path);
  for await (const data of readRgbaFrames(path, info))
    return { data, width: info.width, height: info.height };
  throw new Error(`${path} has no frame`);
}
