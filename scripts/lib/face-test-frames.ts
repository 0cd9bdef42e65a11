/** The face test video (./face-test-video.ts) built in a temporary folder and read as RGBA frames. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { probeMedia, readRgbaFrames } from '../../host/face/media-files';
import { resolveFfmpeg } from '../../host/tools/ffmpeg';
import type { RgbaFrame } from '../../media/core/face/types';
import { buildFaceTestVideo } from './face-test-video';

/** Its first `limit` frames (all by default), 1280x720. */
export async function faceTestVideoFrames(
  options: { fps: number; timeScale: number },
  limit = Number.POSITIVE_INFINITY,
): Promise<RgbaFrame[]> {
  const dir = mkdtempSync(join(tmpdir(), 'incamera-face-frames-'));
  try {
    const video = join(dir, 'faces.y4m');
    buildFaceTestVideo(resolveFfmpeg(), video, { ...options, width: 1280, height: 720 });
    const info = await probeMedia(video);
    const frames: RgbaFrame[] = [];
    for await (const data of readRgbaFrames(video, info)) {
      if (frames.length >= limit) break;
      frames.push({ data, width: info.width, height: info.height });
    }
    return frames;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
