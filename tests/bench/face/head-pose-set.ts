/**
 * The head-pose test set (tests/fixtures/head-pose/manifest.json): real photos plus variants
 * derived from them in memory, short videos of people moving built with ffmpeg at run time
 * (frames drawn here, encoded to H.264 and decoded again, so the eval sees codec artefacts), and
 * real video clips read as they are.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { openFrameWriter, probeMedia, readRgbaFrames } from '../../../host/face/media-files.js';
import { projectRoot } from '../../../cli/project.js';
import { faceTestdataDir } from '../../../scripts/lib/face-test-video.js';
import type { Box } from '../../../media/core/face/types.js';
import { dim, fillEllipse, place, placeBox, toImage, wrapHead, type Image } from './image-ops.js';

type Quad = [number, number, number, number];
type Derive = {
  canvas?: [number, number];
  faceHeight: number;
  faceAt?: [number, number];
  angle?: number;
  mirror?: boolean;
  dim?: [number, number];
  occlude?: Quad;
  wrap?: boolean;
};
type Manifest = {
  sources: Record<string, { file: string; pose: string; faces: Quad[] }>;
  images: Array<{ id: string; source: string; class?: string; derive?: Derive }>;
  videos: Array<{
    id: string;
    source: string;
    about: string;
    canvas: [number, number];
    frames: number;
    from: Omit<Derive, 'canvas'>;
    to: Omit<Derive, 'canvas'>;
    mirrorFromHalf?: boolean;
  }>;
  clips: Array<{ id: string; file: string; about: string; every: number }>;
};

export type PoseImage = {
  id: string;
  poseClass: string;
  derived: boolean;
  image: Image;
  /** Where the faces are (hand-drawn boxes, carried through the derivation). */
  faces: Box[];
};
/**
 * `faces` per frame; a real clip has no hand-drawn boxes (`facesFromJudges`): the eval puts its
 * faces where the independent judges find one on the unmasked frame.
 */
export type PoseVideo = {
  id: string;
  about: string;
  frames: Image[];
  faces: Box[][];
  facesFromJudges?: boolean;
};

const SKIN: readonly [number, number, number] = [196, 148, 118];
const SCARF: readonly [number, number, number] = [46, 52, 92];
const manifestDir = join(projectRoot, 'tests', 'fixtures', 'head-pose');

function readManifest(): Manifest {
  return JSON.parse(readFileSync(join(manifestDir, 'manifest.json'), 'utf8')) as Manifest;
}

/** Whether an entry of the set is chosen: every one, or those whose id starts with a prefix. */
export type PoseSetFilter = (id: string) => boolean;
export const byIdPrefix =
  (prefixes: readonly string[] | undefined): PoseSetFilter =>
  (id) =>
    !prefixes || prefixes.some((p) => id.startsWith(p));

/** `shared/NAME` (../shared/testdata/faces), `npm/PACKAGE/PATH` (an installed package) or `fixtures/NAME`. */
function sourcePath(file: string): string {
  const [where, ...rest] = file.split('/');
  if (where === 'shared') return join(faceTestdataDir(), rest.join('/'));
  if (where === 'npm') {
    const nameParts = rest[0]?.startsWith('@') ? 2 : 1;
    const pkg = rest.slice(0, nameParts).join('/');
    const require = createRequire(import.meta.url);
    return join(dirname(require.resolve(`${pkg}/package.json`)), ...rest.slice(nameParts));
  }
  return join(manifestDir, rest.join('/'));
}

async function decodeImage(file: string): Promise<Image> {
  const path = sourcePath(file);
  const info = await probeMedia(path);
  for await (const data of readRgbaFrames(path, info))
    return toImage({ data, width: info.width, height: info.height });
  throw new Error(`${path} has no frames`);
}

const asBox = ([x, y, width, height]: Quad): Box => ({ x, y, width, height });

function derive(src: Image, srcFaces: Box[], d: Derive): { image: Image; faces: Box[] } {
  const [width, height] = d.canvas ?? [640, 480];
  const anchor = srcFaces[0]!;
  const base = {
    width,
    height,
    scale: d.faceHeight / anchor.height,
    angleDeg: d.angle ?? 0,
    mirror: d.mirror ?? false,
  };
  const unclipped = anchorOffset(src, base, anchor);
  const [fx, fy] = d.faceAt ?? [0.5, 0.45];
  const placement = {
    ...base,
    centreX: fx * width - unclipped.cx,
    centreY: fy * height - unclipped.cy,
  };
  let image = place(src, placement);
  const faces = srcFaces
    .map((f) => placeBox(src, placement, f))
    .filter((f): f is Box => f !== null);
  if (d.dim) image = dim(image, d.dim[0], d.dim[1]);
  for (const face of faces) {
    if (d.occlude) {
      const [u, v, w, h] = d.occlude;
      fillEllipse(
        image,
        {
          x: face.x + u * face.width,
          y: face.y + v * face.height,
          width: w * face.width,
          height: h * face.height,
        },
        SKIN,
      );
    }
    if (d.wrap) wrapHead(image, face, SCARF);
  }
  return { image, faces };
}

/** Where the face's centre lands relative to the source's centre on the canvas. */
function anchorOffset(
  src: Image,
  p: { scale: number; angleDeg: number; mirror: boolean },
  face: Box,
) {
  const a = (p.angleDeg * Math.PI) / 180;
  let dx = (face.x + face.width / 2 - src.width / 2) * p.scale;
  const dy = (face.y + face.height / 2 - src.height / 2) * p.scale;
  if (p.mirror) dx = -dx;
  return { cx: dx * Math.cos(a) - dy * Math.sin(a), cy: dx * Math.sin(a) + dy * Math.cos(a) };
}

export async function loadHeadPoseImages(chosen: PoseSetFilter = () => true): Promise<PoseImage[]> {
  const manifest = readManifest();
  const sources = new Map<string, Image>();
  const images: PoseImage[] = [];
  for (const entry of manifest.images.filter((e) => chosen(e.id))) {
    const source = manifest.sources[entry.source];
    if (!source) throw new Error(`head-pose manifest: unknown source ${entry.source}`);
    let src = sources.get(entry.source);
    if (!src) sources.set(entry.source, (src = await decodeImage(source.file)));
    const faces = source.faces.map(asBox);
    const made = entry.derive ? derive(src, faces, entry.derive) : { image: src, faces };
    images.push({
      id: entry.id,
      poseClass: entry.class ?? source.pose,
      derived: Boolean(entry.derive),
      ...made,
    });
  }
  return images;
}

const lerp = (a: number, b: number, t: number) => a + (b - a) * t;

/** Draws each video's frames, encodes them with ffmpeg into `dir` and decodes them back. */
export async function buildHeadPoseVideos(
  dir: string,
  chosen: PoseSetFilter = () => true,
  fps = 8,
): Promise<PoseVideo[]> {
  const manifest = readManifest();
  const videos: PoseVideo[] = [];
  for (const v of manifest.videos.filter((e) => chosen(e.id))) {
    const source = manifest.sources[v.source]!;
    const src = await decodeImage(source.file);
    const faces: Box[][] = [];
    const path = join(dir, `${v.id}.mp4`);
    const [width, height] = v.canvas;
    const writer = openFrameWriter(path, '.mp4', { kind: 'video', width, height, fps });
    for (let i = 0; i < v.frames; i++) {
      const t = i / Math.max(1, v.frames - 1);
      const fromDim: [number, number] = v.from.dim ?? [1, 1];
      const toDim: [number, number] = v.to.dim ?? [1, 1];
      const made = derive(src, source.faces.map(asBox), {
        canvas: v.canvas,
        faceHeight: lerp(v.from.faceHeight, v.to.faceHeight, t),
        faceAt: [
          lerp(v.from.faceAt?.[0] ?? 0.5, v.to.faceAt?.[0] ?? 0.5, t),
          lerp(v.from.faceAt?.[1] ?? 0.45, v.to.faceAt?.[1] ?? 0.45, t),
        ],
        angle: lerp(v.from.angle ?? 0, v.to.angle ?? 0, t),
        mirror: v.mirrorFromHalf ? t >= 0.5 : false,
        dim: [lerp(fromDim[0], toDim[0], t), lerp(fromDim[1], toDim[1], t)],
      });
      faces.push(made.faces);
      await writer.write(new Uint8Array(made.image.data.buffer));
    }
    await writer.finish();
    const frames: Image[] = [];
    const info = await probeMedia(path);
    for await (const data of readRgbaFrames(path, info))
      frames.push(toImage({ data, width: info.width, height: info.height }));
    videos.push({ id: v.id, about: v.about, frames: frames.slice(0, faces.length), faces });
  }
  return videos;
}

/** The real clips, every `every`-th frame decoded as it is; faces are left to the judges. */
export async function loadHeadPoseClips(chosen: PoseSetFilter = () => true): Promise<PoseVideo[]> {
  const clips: PoseVideo[] = [];
  for (const clip of readManifest().clips.filter((c) => chosen(c.id))) {
    const path = sourcePath(clip.file);
    const info = await probeMedia(path);
    const frames: Image[] = [];
    let n = 0;
    for await (const data of readRgbaFrames(path, info))
      if (n++ % clip.every === 0)
        frames.push(toImage({ data, width: info.width, height: info.height }));
    const faces = frames.map(() => []);
    clips.push({ id: clip.id, about: clip.about, frames, faces, facesFromJudges: true });
  }
  return clips;
}
