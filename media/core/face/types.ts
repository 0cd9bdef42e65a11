/** Shared shapes of the face-masking core. Coordinates are pixels of the frame, origin top-left. */
export type Box = { x: number; y: number; width: number; height: number };

/**
 * What a detection located: a face (BlazeFace), a head (placed from body keypoints, whatever its
 * angle), a whole person whose head could not be placed, a weak face candidate cut by the frame's
 * edge (see keepForMasking), or an unsure face only a tile found (offline, detectForMasking). Faces
 * and heads count as "someone is located" for the witness-expected rule; person regions, edge and
 * tile candidates are masked but do not count.
 */
export type LocatedKind = 'face' | 'head' | 'person' | 'edge' | 'tile';

/** A located region; `kind` absent means a face (the BlazeFace detector's own answers). */
export type FaceDetection = Box & { score: number; kind?: LocatedKind };

/** Whether a detection places a head (a face is a head seen from the front). */
export function locatesHead(detection: FaceDetection): boolean {
  const kind = detection.kind ?? 'face';
  return kind === 'face' || kind === 'head';
}

/**
 * Whether an unsure candidate (below the face threshold) is a doubt that hides the whole frame:
 * edge and tile candidates are masked where they are instead.
 */
export function doubtsThePicture(unsure: FaceDetection): boolean {
  return unsure.kind !== 'edge' && unsure.kind !== 'tile';
}

/** A frame as RGBA bytes, row-major, 4 bytes a pixel (ImageData's layout). */
export type RgbaFrame = { data: Uint8ClampedArray | Uint8Array; width: number; height: number };

/** 'silhouette': the whole person one flat shape (segmentation), heads solid; background kept. */
export type MaskStyle = 'solid' | 'pixelate' | 'blur' | 'silhouette';

export const MASK_STYLES: readonly MaskStyle[] = ['solid', 'pixelate', 'blur', 'silhouette'];

/** The four raw outputs of the BlazeFace barracuda ONNX models (see blazeface.ts). */
export type BlazeFaceOutputs = {
  scores16: Float32Array;
  boxes16: Float32Array;
  scores8: Float32Array;
  boxes8: Float32Array;
};

/** Runs the model on an NHWC [1,size,size,3] tensor in [-1,1]; supplied by ort-web in each runtime. */
export type ModelRunner = (input: Float32Array, size: number) => Promise<BlazeFaceOutputs>;

export function boxArea(box: Box): number {
  return Math.max(0, box.width) * Math.max(0, box.height);
}

export function intersectionOverUnion(a: Box, b: Box): number {
  const x0 = Math.max(a.x, b.x);
  const y0 = Math.max(a.y, b.y);
  const x1 = Math.min(a.x + a.width, b.x + b.width);
  const y1 = Math.min(a.y + a.height, b.y + b.height);
  const inner = Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
  const union = boxArea(a) + boxArea(b) - inner;
  return union > 0 ? inner / union : 0;
}

export function clampBox(box: Box, width: number, height: number): Box {
  const x0 = Math.max(0, Math.floor(box.x));
  const y0 = Math.max(0, Math.floor(box.y));
  const x1 = Math.min(width, Math.ceil(box.x + box.width));
  const y1 = Math.min(height, Math.ceil(box.y + box.height));
  return { x: x0, y: y0, width: Math.max(0, x1 - x0), height: Math.max(0, y1 - y0) };
}
