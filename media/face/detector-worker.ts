/**
 * The face detector's own thread: BlazeFace through onnxruntime-web, and the body-pose and
 * person-segmentation models through TF.js wasm, off the frame path. The page transfers a
 * VideoFrame (or a clone of the camera frame); the worker letterboxes it once to a 256-pixel
 * square with the 2D canvas (no full-size pixel read-back), runs the models on that square and
 * answers in camera-frame pixels. See worker-detector.ts for the page's side.
 */
import {
  letterboxRegion,
  ModelSchedule,
  readPose,
  silhouetteGrid,
  EDGE_SCORE_THRESHOLD,
  keepForMasking,
  type BlazeFaceModel,
  type FaceDetection,
  type FaceDetector,
  type PersonSegmenter,
  type PoseLocator,
  type PoseReading,
  type RgbaFrame,
  type SquareRegion,
} from '../core/face';
import { detectorThreads, loadBrowserFaceDetector } from './browser-detector';
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

/** The square every model reads: BlazeFace back-256 and selfie segmentation at their own size. */
const SQUARE = 256;
/** A head or body from the pose model counts as a sure face for the tracker. */
const POSE_SCORE = 0.9;
/** Which models each detection runs (pose alone in turn with BlazeFace while it sees a sure face). */
const schedule = new ModelSchedule();

let detector: FaceDetector | null = null;
let pose: PoseLocator | null = null;
let segmenter: PersonSegmenter | null = null;
let broken = false;
let context: OffscreenCanvasRenderingContext2D | null = null;

async function load(model: BlazeFaceModel, threads: number | undefined, baseUrl: string) {
  try {
    const [faces, people] = await Promise.all([
      loadBrowserFaceDetector(model, { threads, baseUrl }),
      loadBrowserPeopleModels(baseUrl),
    ]);
    detector = faces;
    pose = people.pose;
    segmenter = people.segmenter;
    context = new OffscreenCanvas(SQUARE, SQUARE).getContext('2d', { willReadFrequently: true });
    scope.postMessage({ type: 'ready', threads: detectorThreads() });
  } catch (error) {
    scope.postMessage({ type: 'failed', message: String(error) });
  }
}

async function detect(seq: number, frame: VideoFrame, segment: boolean) {
  const started = performance.now();
  try {
    if (broken) throw new Error('face detector failure (simulated)');
    if (!detector || !pose || !segmenter || !context) throw new Error('face detector not loaded');
    const width = frame.displayWidth;
    const height = frame.displayHeight;
    const region = letterboxRegion(width, height);
    const scale = SQUARE / region.side;
    context.fillStyle = '#000';
    context.fillRect(0, 0, SQUARE, SQUARE);
    context.imageSmoothingQuality = 'low';
    context.drawImage(frame, -region.x * scale, -region.y * scale, width * scale, height * scale);
    frame.close();
    const image = context.getImageData(0, 0, SQUARE, SQUARE);
    const times: ModelTimes = {
      prepare: performance.now() - started,
      face: 0,
      pose: null,
      segment: null,
    };
    const timed = async <T>(step: 'face' | 'pose' | 'segment', work: () => Promise<T>) => {
      const begun = performance.now();
      const result = await work();
      times[step] = performance.now() - begun;
      return result;
    };
    const square: RgbaFrame = { data: image.data, width: SQUARE, height: SQUARE };
    const toCamera = (x: number, y: number) => ({
      x: region.x + x / scale,
      y: region.y + y / scale,
    });
    const located = () => locateByPose(square, toCamera, width, height);
    const found = await timed('face', () => detector!.detect(square, EDGE_SCORE_THRESHOLD));
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
    const reading: PoseReading | null = schedule.poseAfterFaces(
      faces.filter((f) => f.kind !== 'edge').map((f) => f.score),
    )
      ? await timed('pose', located)
      : null;
    schedule.record({ pose: reading !== null });
    if (reading?.kind === 'head') faces.push({ ...reading.head, score: POSE_SCORE });
    else if (reading?.kind === 'person') faces.push({ ...reading.person, score: POSE_SCORE });
    const silhouette = segment
      ? await timed('segment', () => segmentPeople(square, region, width, height))
      : null;
    scope.postMessage(
      {
        type: 'result',
        seq,
        faces,
        detectMs: performance.now() - started,
        heads: reading?.kind === 'head' ? 1 : 0,
        facesExamined: true,
        silhouette,
        times,
      },
      silhouette ? [silhouette.cells.buffer] : [],
    );
  } catch (error) {
    scope.postMessage({ type: 'error', seq, message: String(error) });
  } finally {
    frame.close();
  }
}

async function locateByPose(
  square: RgbaFrame,
  toCamera: (x: number, y: number) => { x: number; y: number },
  width: number,
  height: number,
) {
  const located = await pose!.locate(square);
  const keypoints = located.keypoints.map((k) => ({ ...toCamera(k.x, k.y), score: k.score }));
  return readPose(keypoints, width, height);
}

async function segmentPeople(
  square: RgbaFrame,
  region: SquareRegion,
  width: number,
  height: number,
): Promise<SilhouetteCells> {
  const mask = await segmenter!.segment(square);
  // The square is the letterbox region itself, so the mask maps onto the camera frame through it.
  const grid = silhouetteGrid({ ...mask, region }, width, height);
  return { cells: grid.cells, columns: grid.columns, rows: grid.rows, cell: grid.cell };
}

scope.onmessage = ({ data: message }) => {
  if (message.type === 'load') void load(message.model, message.threads, message.baseUrl);
  else if (message.type === 'detect')
    void detect(message.seq, message.frame, message.segment ?? false);
  else broken = message.broken;
};
