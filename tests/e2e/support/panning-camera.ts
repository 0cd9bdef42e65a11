/** A fake camera's clip of still pictures, each held and then panned across a 640x480 view. */
import { execFileSync } from 'node:child_process';
import { resolveFfmpeg } from '../../../host/tools/ffmpeg';

export type PanTiming = { holdSeconds: number; panSeconds: number };

/**
 * Y4M at 10 fps, 640x480: each picture 520 px high on a grey band at least 800 wide, held for
 * `holdSeconds` (so head masks, not only whole-frame hiding, reach the judge) and then panned
 * across the view for `panSeconds`, one picture after another.
 */
export function buildPanningCamera(
  pictures: readonly string[],
  output: string,
  { holdSeconds, panSeconds }: PanTiming,
): string {
  const pan = `scale=-2:520,pad='max(iw,800)':520:(ow-iw)/2:0:color=0x505050,crop=640:480:x='(iw-640)*max(0,t-${holdSeconds})/${panSeconds}':y=20`;
  const seconds = String(holdSeconds + panSeconds);
  const inputs = pictures.flatMap((p) => [
    '-loop',
    '1',
    '-framerate',
    '10',
    '-t',
    seconds,
    '-i',
    p,
  ]);
  const chains = pictures.map((_, i) => `[${i}]${pan},setsar=1,format=yuv420p[v${i}]`).join(';');
  const joined = pictures.map((_, i) => `[v${i}]`).join('');
  execFileSync(resolveFfmpeg(), [
    ...['-v', 'error', '-y', ...inputs],
    '-filter_complex',
    `${chains};${joined}concat=n=${pictures.length}:v=1[v]`,
    ...['-map', '[v]', '-f', 'yuv4mpegpipe', output],
  ]);
  return output;
}
