/** Fake cameras' clips: still pictures held and panned across a 640x480 view, or real clips. */
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
  return concatToY4m(inputs, (i) => `[${i}]${pan}`, pictures.length, output);
}

/** Each input through its own filter chain, then one after another into a yuv420p Y4M. */
function concatToY4m(
  inputs: readonly string[],
  chainOf: (index: number) => string,
  count: number,
  output: string,
): string {
  const indexes = Array.from({ length: count }, (_, i) => i);
  const chains = indexes.map((i) => `${chainOf(i)},setsar=1,format=yuv420p[v${i}]`).join(';');
  const joined = indexes.map((i) => `[v${i}]`).join('');
  execFileSync(resolveFfmpeg(), [
    ...['-v', 'error', '-y', ...inputs],
    '-filter_complex',
    `${chains};${joined}concat=n=${count}:v=1[v]`,
    ...['-map', '[v]', '-f', 'yuv4mpegpipe', output],
  ]);
  return output;
}

/**
 * Y4M at 10 fps, 640x480, from real video clips played one after another (`from`/`seconds` cut
 * each): the fake camera shows real people moving instead of panned photos.
 */
export function buildClipCamera(
  clips: readonly { file: string; from: number; seconds: number }[],
  output: string,
): string {
  const inputs = clips.flatMap((c) => [
    '-ss',
    String(c.from),
    '-t',
    String(c.seconds),
    '-i',
    c.file,
  ]);
  return concatToY4m(inputs, (i) => `[${i}:v]fps=10,scale=640:480`, clips.length, output);
}
