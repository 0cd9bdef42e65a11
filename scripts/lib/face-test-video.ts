/**
 * Builds a test video from ../shared/testdata/faces with ffmpeg: a pan across two faces, a zoom,
 * a face entering and leaving, a moving occluder, a scene with no face, a small face, a face cut
 * by the frame edge — joined by hard scene cuts. Generated at test time, never committed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../cli/project.js';

export function faceTestdataDir(): string {
  const dir = process.env.INCAMERA_TESTDATA
    ? join(process.env.INCAMERA_TESTDATA, 'faces')
    : join(projectRoot, '..', 'shared', 'testdata', 'faces');
  if (!existsSync(dir))
    throw new Error(`face test media not found at ${dir} (set INCAMERA_TESTDATA)`);
  return dir;
}

export type SceneSegment = { name: string; seconds: number; faces: boolean };

export const SCENE_SEGMENTS: readonly SceneSegment[] = [
  { name: 'pan across two faces', seconds: 2, faces: true },
  { name: 'zoom into a face', seconds: 2, faces: true },
  { name: 'face enters and leaves', seconds: 3, faces: true },
  { name: 'moving occluder over a face', seconds: 2, faces: true },
  { name: 'no face (curtain and flag)', seconds: 1.5, faces: false },
  { name: 'small face', seconds: 1.5, faces: true },
  { name: 'face cut by the frame edge', seconds: 1.5, faces: true },
];

/** Frame ranges of each segment, for a video made with the same fps and time scale. */
export function segmentFrames(fps: number, timeScale: number) {
  let start = 0;
  return SCENE_SEGMENTS.map((segment) => {
    const frames = Math.round(segment.seconds * timeScale * fps);
    const range = { ...segment, start, end: start + frames };
    start += frames;
    return range;
  });
}

export function buildFaceTestVideo(
  ffmpeg: string,
  output: string,
  options: { fps: number; timeScale?: number; width?: number; height?: number },
): void {
  const { fps } = options;
  const k = options.timeScale ?? 1;
  const W = options.width ?? 640;
  const H = options.height ?? 480;
  const faces = faceTestdataDir();
  const d = SCENE_SEGMENTS.map((s) => (s.seconds * k).toFixed(3));
  const still = (file: string, seconds: string) => [
    '-loop',
    '1',
    '-framerate',
    String(fps),
    '-t',
    seconds,
    '-i',
    join(faces, file),
  ];
  const norm = `fps=${fps},format=yuv420p,setsar=1`;
  const filter = [
    `[0]scale=${Math.round(W * 1.28)}:-2,crop=${W}:${H}:'(iw-${W})*min(1,t/${d[0]})':0,${norm}[s0]`,
    `[1]scale=${W}:-2,crop=${W}:${H}:0:0,zoompan=z='1+0.6*on/(${d[1]}*${fps})':x='iw/2-iw/zoom/2':y='ih/3-ih/zoom/3':d=${Math.round(Number(d[1]) * fps)}:s=${W}x${H}:fps=${fps},${norm}[s1]`,
    `color=c=0x707880:s=${W}x${H}:r=${fps}:d=${d[2]}[bg2]`,
    `[2]crop=560:640:175:20,scale=-2:${Math.round(H * 0.6)}[ob]`,
    `[bg2][ob]overlay=x='-${Math.round(W * 0.35)}+t*${Math.round(W * 1.35)}/${d[2]}':y=${Math.round(H * 0.2)}:shortest=1,${norm}[s2]`,
    `[3]crop=600:450:270:170,scale=${W}:${H}[bd]`,
    `color=c=black:s=${Math.round(W * 0.22)}x${H}:r=${fps}:d=${d[3]}[bar]`,
    `[bd][bar]overlay=x='${Math.round(W * 0.15)}+t*${Math.round(W * 0.35)}/${d[3]}':y=0:shortest=1,${norm}[s3]`,
    `[4]crop=240:180:250:0,scale=${W}:${H},${norm}[s4]`,
    `[5]pad=${W}:${H}:${Math.round(W * 0.55)}:${Math.round(H * 0.4)}:color=0x607080,${norm}[s5]`,
    `[6]scale=-2:${H},pad=${W}:${H}:0:0:color=0x202020,${norm}[s6]`,
    `[s0][s1][s2][s3][s4][s5][s6]concat=n=7:v=1:a=0[out]`,
  ].join(';');
  execFileSync(
    ffmpeg,
    [
      '-v',
      'error',
      '-y',
      ...still('fr_two_people.jpg', d[0]!),
      '-i',
      join(faces, 'sk_astronaut.png'),
      ...still('fr_obama.jpg', d[2]!),
      ...still('fr_biden.jpg', d[3]!),
      ...still('fr_obama_partial_face.jpg', d[4]!),
      ...still('pil_hopper.jpg', d[5]!),
      ...still('fr_obama_partial_face.jpg', d[6]!),
      '-filter_complex',
      filter,
      '-map',
      '[out]',
      ...(output.endsWith('.y4m')
        ? ['-f', 'yuv4mpegpipe']
        : ['-c:v', 'libx264', '-crf', '16', '-preset', 'veryfast']),
      output,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
}

/**
 * A steady camera: one portrait (fr_obama.jpg, head and shoulders, about a third of the frame
 * high) still in the middle of a plain room, with light sensor noise, at 30 fps. For the share
 * of frames hidden whole when nothing moves. `people: 2` puts two people side by side
 * (fr_two_people.jpg: a witness and a support person) in the same room instead.
 */
export function buildSteadyCameraVideo(
  ffmpeg: string,
  output: string,
  options: { seconds: number; width: number; height: number; people?: 1 | 2 },
): void {
  const { width: W, height: H } = options;
  const two = options.people === 2;
  execFileSync(
    ffmpeg,
    [
      '-v',
      'error',
      '-y',
      '-loop',
      '1',
      '-framerate',
      '30',
      '-t',
      String(options.seconds),
      '-i',
      join(faceTestdataDir(), two ? 'fr_two_people.jpg' : 'fr_obama.jpg'),
      '-vf',
      `scale=-2:${Math.round(H * (two ? 0.85 : 0.8))},pad=${W}:${H}:(ow-iw)/2:${Math.round(H * (two ? 0.15 : 0.2))}:color=0x707880,noise=alls=3:allf=t,format=yuv420p,setsar=1`,
      '-f',
      'yuv4mpegpipe',
      output,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
}
