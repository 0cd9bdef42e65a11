/**
 * The face detector's own thread: BlazeFace through onnxruntime-web, and the body-pose and
 * person-segmentation models through TF.js wasm, off the frame path. The page transfers a
 * VideoFrame (or a clone of the camera frame); the worker answers in camera-frame pixels.
 *
 * Each detection is a crop pass or a whole pass (CropSchedule, media/core/face/crop-schedule.ts):
 * a crop pass samples a 128 square around each followed head and runs BlazeFace front-128 on
 * it; a whole pass letterboxes the frame once to a 256 square and runs BlazeFace back-256, the pose
 * model when ModelSchedule says, and segmentation when the silhouette is due
 * (silhouette-schedule.ts). Both squares are sampled from the frame's own I420/NV12 planes
 * (plane-sampler.ts) where the frame has them, else drawn with a 2D canvas. A crop pass that does
 * not find the face runs the whole pass on the same frame. See worker-detector.ts for the page's
 * side.
 */
import {
  CropSchedule,
  EDGE_SCORE_THRESHOLD,
  keepForMasking,
  letterboxRegion,
  ModelSchedule,
  readPose,
  samplePlanarSquare,
  silhouetteGrid,
  UNSURE_SCORE_THRESHOLD,
  type BlazeFaceModel,
  type CropSquare,
  type FaceDetection,
  type FaceDetector,
  type PersonSegmenter,
  type PlanarFrame,
  type PoseLocator,
  type PoseReading,
  type RgbaFrame,
  type SilhouetteRequest,
  type SquareRegion,
} from '../core/face';
import { detectorThreads, loadBrowserFaceDetector } from './browser-detector';
import { readPlanes } from './frame-planes';
import { loadBrowserPeopleModels } from './browser-people';
import type {
  DetectorReply,
  DetectorRequest,
  ModelTimes,
  SilhouetteCells,
} from './worker-protocol';

type WorkerScope = {
  onmessage: ((event: MessageEvent<DetectorRequest>) => void) | null;
  postMessage(message: DetectorReply, transfer?: Transferable[]): void;
};
const scope = self as unknown as WorkerScope;

/** The square every whole pass reads: BlazeFace back-256 and selfie segmentation at their size. */
const SQUARE = 256;
/** The crop pass's square: BlazeFace front-128's input. */
const CROP = 128;
/** A head or body from the pose model counts as a sure face for the tracker. */
const POSE_SCORE = 0.9;
/** Which models each whole pass runs (the pose model every few while BlazeFace sees a sure face). */
const schedule = new ModelSchedule();

type Models = {
  whole: FaceDetector;
  /** Null when crop passes are off (the page chose front-128 as its whole-frame model). */
  crop: FaceDetector | null;
  pose: PoseLocator;
  segmenter: PersonSegmenter;
  square: OffscreenCanvasRenderingContext2D;
  cropSquare: OffscreenCanvasRenderingContext2D;
};
let models: Models | null = null;
let crops: CropSchedule | null = null;
let broken = false;

function context2d(side: number) {
  const context = new OffscreenCanvas(side, side).getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2D canvas in the detector worker');
  context.imageSmoothingQuality = 'low';
  return context;
}

async function load(model: BlazeFaceModel, threads: number | undefined, baseUrl: string) {
  try {
    const [whole, crop, people] = await Promise.all([
      loadBrowserFaceDetector(model, { threads, baseUrl }),
      model === 'back256' ? loadBrowserFaceDetector('front128', { threads, baseUrl }) : null,
      loadBrowserPeopleModels(baseUrl),
    ]);
    models = { whole, crop, ...people, square: context2d(SQUARE), cropSquare: context2d(CROP) };
    scope.postMessage({ type: 'ready', threads: detectorThreads() });
  } catch (error) {
    scope.postMessage({ type: 'failed', message: String(error) });
  }
}

async function detect(seq: number, frame: VideoFrame, silhouette?: SilhouetteRequest) {
  const started = performance.now();
  const frameReader = lazyPlanes(frame, spareBuffers.pop());
  const planes = frameReader.planes;
  try {
    if (broken) throw new Error('face detector failure (simulated)');
    if (!models) throw new Error('face detector not loaded');
    const width = frame.displayWidth;
    const height = frame.displayHeight;
    const capturedAt = frame.timestamp / 1000;
    if (!crops || crops.size.width !== width || crops.size.height !== height)
      crops = new CropSchedule(width, height);
    const times: ModelTimes = { crop: null, prepare: 0, face: 0, pose: null, segment: null };
    const pass = models.crop ? crops.next(capturedAt) : ({ kind: 'whole' } as const);
    if (pass.kind === 'crop') {
      const cropStarted = performance.now();
      const found: FaceDetection[][] = [];
      for (const square of pass.crops)
        found.push(await cropPass(models, frame, square, await planes()));
      times.crop = performance.now() - cropStarted;
      const reported = crops.recordCrop(pass, found);
      if (reported) {
        const heads = pass.crops.length;
        const detectMs = performance.now() - started;
        const reply = { type: 'result', seq, faces: reported, detectMs, heads, times } as const;
        scope.postMessage({ ...reply, facesExamined: false, reference: false, silhouette: null });
        return;
      }
    }
    const answer = await wholePass(models, frame, silhouette, times, planes);
    answer.faces.push(...crops.recordWhole(capturedAt, answer.faces));
    scope.postMessage(
      { type: 'result', seq, ...answer, detectMs: performance.now() - started, times },
      answer.silhouette ? [answer.silhouette.cells.buffer] : [],
    );
  } catch (error) {
    scope.postMessage({ type: 'error', seq, message: String(error) });
  } finally {
    frame.close();
    await frameReader.release();
  }
}

/**
 * Plane buffers to reuse: allocating 1.4 MB for every detection cost 8.7 ms (copying into a
 * reused one 0.1 ms). Each detection holds its own until it answers, so one that overlaps a
 * late one never reads another frame's pixels.
 */
const spareBuffers: Uint8Array[] = [];

/**
 * The frame's own planes, read once per detection and only if a pass asks (null: use a canvas),
 * into a spare buffer; `release` hands the buffer back for a later detection.
 */
function lazyPlanes(frame: VideoFrame, spare: Uint8Array | undefined) {
  let read: Promise<PlanarFrame | null> | null = null;
  return {
    planes: (): Promise<PlanarFrame | null> => (read ??= readPlanes(frame, spare)),
    async release(): Promise<void> {
      const used = (await read)?.data ?? spare;
      if (used) spareBuffers.push(used);
    },
  };
}

/** BlazeFace front-128 on the square around one followed head; sure and unsure faces. */
async function cropPass(
  m: Models,
  frame: VideoFrame,
  crop: CropSquare,
  planes: PlanarFrame | null,
): Promise<FaceDetection[]> {
  const { x, y, side } = crop;
  let square: RgbaFrame;
  if (planes) square = samplePlanarSquare(planes, { x, y, side }, CROP);
  else {
    m.cropSquare.drawImage(frame, x, y, side, side, 0, 0, CROP, CROP);
    const image = m.cropSquare.getImageData(0, 0, CROP, CROP);
    square = { data: image.data, width: CROP, height: CROP };
  }
  const found = await m.crop!.detect(square, UNSURE_SCORE_THRESHOLD);
  const scale = side / CROP;
  return found.map((f) => ({
    x: x + f.x * scale,
    y: y + f.y * scale,
    width: f.width * scale,
    height: f.height * scale,
    score: f.score,
  }));
}

async function wholePass(
  m: Models,
  frame: VideoFrame,
  wish: SilhouetteRequest | undefined,
  times: ModelTimes,
  planes: () => Promise<PlanarFrame | null>,
) {
  const begun = performance.now();
  const width = frame.displayWidth;
  const height = frame.displayHeight;
  const region = letterboxRegion(width, height);
  const scale = SQUARE / region.side;
  const planar = await planes();
  let square: RgbaFrame;
  if (planar) square = samplePlanarSquare(planar, region, SQUARE);
  else {
    m.square.fillStyle = '#000';
    m.square.fillRect(0, 0, SQUARE, SQUARE);
    m.square.drawImage(frame, -region.x * scale, -region.y * scale, width * scale, height * scale);
    const image = m.square.getImageData(0, 0, SQUARE, SQUARE);
    square = { data: image.data, width: SQUARE, height: SQUARE };
  }
  times.prepare = performance.now() - begun;
  const timed = async <T>(step: 'face' | 'pose' | 'segment', work: () => Promise<T>) => {
    const stepBegun = performance.now();
    const result = await work();
    times[step] = performance.now() - stepBegun;
    return result;
  };
  const toCamera = (x: number, y: number) => ({
    x: region.x + x / scale,
    y: region.y + y / scale,
  });
  const found = await timed('face', () => m.whole.detect(square, EDGE_SCORE_THRESHOLD));
  const faces: FaceDetection[] = keepForMasking(
    found.map((f) => ({
      ...toCamera(f.x, f.y),
      width: f.width / scale,
      height: f.height / scale,
      score: f.score,
    })),
    width,
    height,
  );
  const scores = faces.filter((f) => f.kind !== 'edge').map((f) => f.score);
  const reading: PoseReading | null = schedule.poseAfterFaces(scores)
    ? await timed('pose', () => locateByPose(m.pose, square, toCamera, width, height))
    : null;
  schedule.record({ pose: reading !== null });
  if (reading?.kind === 'head') faces.push({ ...reading.head, score: POSE_SCORE, kind: 'head' });
  else if (reading?.kind === 'person')
    faces.push({ ...reading.person, score: POSE_SCORE, kind: 'person' });
  // Nobody located: the frame is hidden whole anyway (silhouette-schedule.ts).
  const silhouette =
    wish === 'segment' && faces.length > 0
      ? await timed('segment', () => segmentPeople(m.segmenter, square, region, width, height))
      : null;
  const heads = reading?.kind === 'head' ? 1 : 0;
  return { faces, heads, facesExamined: true, reference: wish !== 'keep', silhouette };
}

async function locateByPose(
  pose: PoseLocator,
  square: RgbaFrame,
  toCamera: (x: number, y: number) => { x: number; y: number },
  width: number,
  height: number,
) {
  const located = await pose.locate(square);
  const keypoints = located.keypoints.map((k) => ({ ...toCamera(k.x, k.y), score: k.score }));
  return readPose(keypoints, width, height);
}

async function segmentPeople(
  segmenter: PersonSegmenter,
  square: RgbaFrame,
  region: SquareRegion,
  width: number,
  height: number,
): Promise<SilhouetteCells> {
  const mask = await segmenter.segment(square);
  // The square is the letterbox region itself, so the mask maps onto the camera frame through it.
  const grid = silhouetteGrid({ ...mask, region }, width, height);
  return { cells: grid.cells, columns: grid.columns, rows: grid.rows, cell: grid.cell };
}

scope.onmessage = ({ data: message }) => {
  if (message.type === 'load') void load(message.model, message.threads, message.baseUrl);
  else if (message.type === 'detect') void detect(message.seq, message.frame, message.silhouette);
  else broken = message.broken;
};
