import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliPath, projectRoot } from '../e2e/support/host-process';
import { resolveFfmpeg } from '../../host/tools/ffmpeg';
import { createNodeFaceDetector } from '../../host/face/node-detector';
import { probeMedia, readRgbaFrames } from '../../host/face/media-files';
import { maskMediaFile } from '../../host/face/mask-file';
import { checkMaskedFrame } from '../../media/core/face/leak-check';
import { MASK_COLOUR } from '../../media/core/face/masks';
import type { FaceDetector } from '../../media/core/face/detector';
import type { RgbaFrame } from '../../media/core/face/types';
import { faceTestdataDir } from '../../scripts/lib/face-test-video';

let dir: string;
let checkers: FaceDetector[];

function runCli(...args: string[]) {
  return spawnSync(process.execPath, [cliPath, ...args], { cwd: projectRoot, encoding: 'utf8' });
}

async function frames(path: string): Promise<RgbaFrame[]> {
  const info = await probeMedia(path);
  const all: RgbaFrame[] = [];
  for await (const data of readRgbaFrames(path, info))
    all.push({ data, width: info.width, height: info.height });
  return all;
}

function isAllMaskColour(data: Uint8Array): boolean {
  for (let i = 0; i < data.length; i += 4)
    if (
      data[i] !== MASK_COLOUR[0] ||
      data[i + 1] !== MASK_COLOUR[1] ||
      data[i + 2] !== MASK_COLOUR[2]
    )
      return false;
  return true;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'incamera-face-cli-'));
  checkers = [await createNodeFaceDetector('back256'), await createNodeFaceDetector('front128')];
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('incamera face mask', { timeout: 120_000 }, () => {
  it('masks both faces of an image so that no face is detectable, leaving most of it untouched', async () => {
    const input = join(faceTestdataDir(), 'fr_two_people.jpg');
    const output = join(dir, 'two.png');
    const run = runCli('face', 'mask', input, output);
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('faces found: 2');
    expect(run.stdout).toContain('frames masked whole (fail-closed): 0');
    const [raw] = await frames(input);
    const [masked] = await frames(output);
    const check = await checkMaskedFrame(checkers, raw!, masked!, [2]);
    expect(check.leaks).toEqual([]);
    let unchanged = 0;
    for (let i = 0; i < raw!.data.length; i += 4)
      if (Math.abs(raw!.data[i]! - masked!.data[i]!) < 8) unchanged++;
    expect(unchanged / (raw!.data.length / 4)).toBeGreaterThan(0.7);
  });

  it('masks a video made from the test faces, frame by frame', async () => {
    const input = join(dir, 'moving.mp4');
    execFileSync(resolveFfmpeg(), [
      '-v',
      'error',
      '-y',
      '-loop',
      '1',
      '-framerate',
      '10',
      '-t',
      '1.5',
      '-i',
      join(faceTestdataDir(), 'sk_astronaut.png'),
      '-vf',
      "scale=640:640,crop=640:480:0:'t*60',format=yuv420p",
      '-c:v',
      'libx264',
      input,
    ]);
    const output = join(dir, 'moving.webm');
    const run = runCli('face', 'mask', input, output, '--style', 'pixelate');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('frames: 15');
    const raw = await frames(input);
    const masked = await frames(output);
    expect(masked).toHaveLength(raw.length);
    for (const [i, frame] of masked.entries()) {
      expect((await checkMaskedFrame(checkers, raw[i]!, frame, [])).leaks, `frame ${i}`).toEqual(
        [],
      );
    }
  });

  it(
    'hides every frame of a video in which the witness is not located (--expect-person, the default for videos)',
    { timeout: 240_000 },
    async () => {
      // The witness is there, turns away (a plain wall: nobody to locate), and comes back.
      const input = join(dir, 'away.y4m');
      const astronaut = ['-loop', '1', '-framerate', '10', '-t', '0.5', '-i'];
      execFileSync(resolveFfmpeg(), [
        ...['-v', 'error', '-y'],
        ...astronaut,
        join(faceTestdataDir(), 'sk_astronaut.png'),
        ...['-f', 'lavfi', '-i', 'color=c=0x8a7a6a:s=640x480:r=10:d=0.8'],
        ...astronaut,
        join(faceTestdataDir(), 'sk_astronaut.png'),
        '-filter_complex',
        '[0]scale=640:480,setsar=1,format=yuv420p[a];[1]setsar=1,format=yuv420p[b];' +
          '[2]scale=640:480,setsar=1,format=yuv420p[c];[a][b][c]concat=n=3:v=1[v]',
        ...['-map', '[v]', input],
      ]);
      const whole = async (expectPerson?: boolean) => {
        const hidden: boolean[] = [];
        await maskMediaFile(input, join(dir, `away-${String(expectPerson)}.y4m`), {
          style: 'solid',
          ...(expectPerson === undefined ? {} : { expectPerson }),
          onFrame: (data) => hidden.push(isAllMaskColour(data)),
        });
        return hidden;
      };
      const witness = await whole();
      expect(witness).toHaveLength(18);
      expect(witness.slice(5, 13), 'frames with nobody in them').toEqual(Array(8).fill(true));
      expect(witness.slice(0, 5)).toEqual(Array(5).fill(false));
      // The cut back to the witness is a scene change; a run of 3 located frames reopens the picture.
      expect(witness.slice(13), 'masking resumes once the face is located again').toEqual([
        true,
        true,
        true,
        false,
        false,
      ]);
      // Turned off, the old reading returns: after the cut, three empty detections reopen the wall.
      expect((await whole(false)).slice(5, 13)).toContain(false);

      const run = runCli('face', 'mask', input, join(dir, 'away-cli.y4m'));
      expect(run.status).toBe(0);
      // 8 frames of wall: the first is hidden as a scene cut, the other 7 as nobody located.
      expect(run.stdout).toContain(
        'person expected: yes (frames with nobody located, hidden whole: 7)',
      );
      // The report's line only: the first three frames are enough.
      const short = join(dir, 'away-short.y4m');
      execFileSync(resolveFfmpeg(), ['-v', 'error', '-y', '-i', input, '-frames:v', '3', short]);
      const off = runCli('face', 'mask', short, join(dir, 'away-off.y4m'), '--no-expect-person');
      expect(off.stdout).toContain('person expected: no');
      const image = join(faceTestdataDir(), 'pil_hopper.jpg');
      expect(runCli('face', 'mask', image, join(dir, 'hopper.png')).stdout).toContain(
        'person expected: no',
      );
    },
  );

  it('refuses input that is not an image or video, with a clear message and no output left behind', () => {
    const bogus = join(dir, 'notes.mp4');
    writeFileSync(bogus, 'these are not video frames');
    const output = join(dir, 'out', 'masked.mp4');
    execFileSync('mkdir', ['-p', join(dir, 'out')]);
    const run = runCli('face', 'mask', bogus, output);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('cannot be masked');
    expect(run.stderr).not.toContain('    at ');
    expect(existsSync(output)).toBe(false);
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
  });

  it('refuses a missing file and a mismatched output kind', () => {
    expect(runCli('face', 'mask', join(dir, 'nope.png'), join(dir, 'x.png')).stderr).toContain(
      'does not exist',
    );
    const image = join(faceTestdataDir(), 'pil_hopper.jpg');
    expect(runCli('face', 'mask', image, join(dir, 'x.mp4')).stderr).toContain('is an image');
    expect(runCli('face', 'mask', image, join(dir, 'x.gif')).stderr).toContain('must end in');
  });
});
