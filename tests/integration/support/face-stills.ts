/** The first frame of an image in the shared face test data, as the face code takes it. */
import { join } from 'node:path';
import { probeMedia, readRgbaFrames } from '../../../host/face/media-files';
import type { RgbaFrame } from '../../../media/core/face/types';
import { faceTestdataDir } from '../../../scripts/lib/face-test-video';

export async function faceStill(name: string): Promise<RgbaFrame> {
  const path = join(faceTestdataDir(), name);
  const info = await probeMedia(path);
  for await (const data of readRgbaFrames(path, info))
    return { data, width: info.width, height: info.height };
  throw new Error(`${name} has no frame`);
}
