/**
 * What masking a partly masked 1280x720 frame costs in its own planes (the live path, no canvas)
 * for each order style, and the RGBA filters the offline CLI uses: milliseconds per frame, median
 * and worst, over a head box of a witness filling about two thirds of the frame's height.
 * `npm run bench:plane-masks [-- --frames N]`. The live figures in Chromium (fps out, added ms a
 * frame) come from `npm run eval:face -- --live-only`.
 */
import { cpus, loadavg } from 'node:os';
import type { MaskPlan } from '../media/core/face/live-plan';
import { blur, blurRadiusFor, pixelate, pixelBlockFor } from '../media/core/face/masks';
import { maskPlanInPlanes, type PlanarStyle } from '../media/core/face/plane-mask-plan';
import type { PlanarFrame } from '../media/core/face/plane-sampler';
import type { SilhouetteCells } from '../media/core/face/segmentation';
import type { RgbaFrame } from '../media/core/face/types';

const framesArg = process.argv.indexOf('--frames');
const FRAMES = framesArg > 0 ? Number(process.argv[framesArg + 1]) : 60;
const WIDTH = 1280;
const HEIGHT = 720;
const HEAD = { x: 430, y: 40, width: 420, height: 500 };

/** An I420 frame with detail everywhere (the filters' cost does not depend on the picture). */
function planarFrame(): PlanarFrame {
  const data = new Uint8Array((WIDTH * HEIGHT * 3) / 2);
  for (let i = 0; i < data.length; i++) data[i] = (i * 37 + (i >> 7)) & 255;
  return {
    format: 'I420',
    width: WIDTH,
    height: HEIGHT,
    data,
    layout: [
      { offset: 0, stride: WIDTH },
      { offset: WIDTH * HEIGHT, stride: WIDTH / 2 },
      { offset: (WIDTH * HEIGHT * 5) / 4, stride: WIDTH / 2 },
    ],
    matrix: 'bt709',
    fullRange: false,
  };
}

/** A person-shaped silhouette on a 16-pixel grid: the head box and the shoulders below it. */
function silhouette(): SilhouetteCells {
  const cell = 16;
  const columns = WIDTH / cell;
  const rows = HEIGHT / cell;
  const cells = new Uint8Array(columns * rows);
  for (let row = 0; row < rows; row++)
    for (let column = 0; column < columns; column++) {
      const x = column * cell;
      const y = row * cell;
      const inHead = x >= HEAD.x && x < HEAD.x + HEAD.width && y < HEAD.y + HEAD.height;
      const inBody = y >= 420 && x >= 250 && x < 1030;
      cells[row * columns + column] = inHead || inBody ? 1 : 0;
    }
  return { cells, columns, rows, cell };
}

const plan: MaskPlan = {
  wholeFrame: false,
  state: { mode: 'masking-faces' },
  faces: [HEAD],
  changed: [{ x: 0, y: 640, width: 80, height: 80 }],
  detectionAgeMs: 0,
};

function time(label: string, work: () => void): void {
  work();
  const ms: number[] = [];
  for (let k = 0; k < FRAMES; k++) {
    const started = performance.now();
    work();
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  const median = ms[Math.floor(ms.length / 2)]!;
  console.log(
    `${label.padEnd(34)} ${median.toFixed(2).padStart(6)} ms median, ${ms.at(-1)!.toFixed(2).padStart(6)} ms worst`,
  );
}

console.log(
  `== Masks of a partly masked ${WIDTH}x${HEIGHT} frame, head box ${HEAD.width}x${HEAD.height}, ${FRAMES} frames each` +
    ` [${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)}]`,
);
const cells = silhouette();
for (const style of ['solid', 'silhouette', 'pixelate', 'blur'] as PlanarStyle[]) {
  const frame = planarFrame();
  time(`planes (live), ${style}`, () => maskPlanInPlanes(frame, plan, style, cells));
}
const rgba: RgbaFrame = {
  data: new Uint8ClampedArray(WIDTH * HEIGHT * 4).map((_, i) => (i * 37) & 255),
  width: WIDTH,
  height: HEIGHT,
};
time('RGBA (CLI, canvas), pixelate box', () => pixelate(rgba, HEAD, pixelBlockFor(HEAD.width)));
time('RGBA (CLI, canvas), blur box', () => blur(rgba, HEAD, blurRadiusFor(HEAD.width)));
