/**
 * Decides each live frame's masks while detection runs asynchronously (in a worker) on an earlier
 * frame. The camera frame is never held back for the detector, so the added latency is only the
 * drawing; safety comes from these rules instead:
 *
 * 1. Bounded age: a frame is masked with the faces found in a camera frame at most
 *    `maxDetectionAgeMs` older (default 100 ms, 3 frames at 30 fps); older or none: whole frame.
 * 2. Unseen pixels are masked: every thumbnail cell that differs from the frame the detector
 *    examined is masked (change-map.ts). A face entering, turning or being uncovered between
 *    detections therefore lands in changed cells and is hidden until a detection has looked at it.
 * 3. Padding grows with age and motion: each tracked face's mask (>= 30% padding, more above) grows
 *    by its measured speed plus 5% of its width for every frame of detection age.
 * 4. Scene change (abrupt change of the whole thumbnail): whole frame, tracks dropped, and results
 *    for frames before the cut are discarded; masking resumes only after a run of confident
 *    detections on frames after the cut (the FailClosedGuard's recovery run).
 * 5. Detector not loaded, throwing, or a tracked face lost inside the picture: whole frame, as in
 *    the offline engine (FailClosedGuard).
 */
import { changedRegions, CELL_CHANGE_THRESHOLD } from './change-map';
import { FACE_SCORE_THRESHOLD } from './detector';
import { FailClosedGuard, type ProtectionState } from './fail-closed';
import { SceneChangeDetector } from './scene-change';
import { FaceTracker, padForMask } from './tracker';
import type { Box, FaceDetection, RgbaFrame } from './types';

export type LivePlannerOptions = {
  /** Oldest detection (by its camera frame's capture time) masks may rest on. */
  maxDetectionAgeMs: number;
  /** Nominal frame interval, for turning detection age into frames of motion. */
  frameIntervalMs: number;
  /** Share of a face's width added to its mask per frame of detection age (unmeasured motion). */
  growthPerFrame: number;
  cellChangeThreshold: number;
  recoveryRun?: number;
};

export const DEFAULT_LIVE_PLANNER_OPTIONS: LivePlannerOptions = {
  maxDetectionAgeMs: 100,
  frameIntervalMs: 1000 / 30,
  growthPerFrame: 0.05,
  cellChangeThreshold: CELL_CHANGE_THRESHOLD,
};

export type MaskPlan =
  | { wholeFrame: true; state: ProtectionState }
  | {
      wholeFrame: false;
      state: ProtectionState;
      /** Face masks (drawn in the chosen style). */
      faces: Box[];
      /** Cells changed since the detector's frame (drawn solid). */
      changed: Box[];
      /** Age of the detection the masks rest on. */
      detectionAgeMs: number;
    };

/** A frame handed to the detector: its thumbnail is the reference for the change map. */
export type DetectionRequest = { seq: number };

type Examined = { thumb: RgbaFrame; capturedAt: number; unsure: FaceDetection[] };

export class LiveMaskPlanner {
  private readonly options: LivePlannerOptions;
  private readonly guard: FailClosedGuard;
  private readonly scene = new SceneChangeDetector();
  private readonly tracker: FaceTracker;
  private seq = 0;
  private epoch = 0;
  private ready = false;
  private broken = false;
  private inFlight: { seq: number; epoch: number; thumb: RgbaFrame; capturedAt: number } | null =
    null;
  private latest: Examined | null = null;
  private faces = 0;

  constructor(
    private readonly frameWidth: number,
    private readonly frameHeight: number,
    options: Partial<LivePlannerOptions> = {},
  ) {
    this.options = { ...DEFAULT_LIVE_PLANNER_OPTIONS, ...options };
    this.guard = new FailClosedGuard(this.options.recoveryRun);
    this.tracker = new FaceTracker(frameWidth, frameHeight);
  }

  get state(): ProtectionState {
    return this.guard.current;
  }

  get size(): { width: number; height: number } {
    return { width: this.frameWidth, height: this.frameHeight };
  }

  /** Confident faces in the latest detection. */
  get faceCount(): number {
    return this.faces;
  }

  detectorReady(): void {
    this.ready = true;
  }

  /**
   * The detector threw (or, `permanently`, could not load or its worker died): whole frame until a
   * run of confident detections.
   */
  detectorFailed(permanently = false): void {
    if (permanently) this.ready = false;
    this.inFlight = null;
    this.guard.onFrame({ kind: 'error' });
  }

  /** Tests and demonstrations: treat every detection as a failure from now on (or not). */
  setBroken(broken: boolean): void {
    this.broken = broken;
    if (broken) this.detectorFailed();
  }

  /**
   * One camera frame, described by its thumbnail. Returns its mask plan, and a detection request
   * when the detector is idle (the caller sends this frame to it).
   */
  onFrame(thumb: RgbaFrame, capturedAt: number): { plan: MaskPlan; request: DetectionRequest | null } {
    const seq = ++this.seq;
    if (this.scene.update(thumb)) {
      this.epoch++;
      this.tracker.reset();
      this.latest = null;
      this.faces = 0;
      this.guard.onFrame({ kind: 'detected', confident: false, lostFaces: 0, sceneChange: true });
    }
    let request: DetectionRequest | null = null;
    if (this.ready && !this.inFlight) {
      this.inFlight = { seq, epoch: this.epoch, thumb, capturedAt };
      request = { seq };
    }
    return { plan: this.plan(thumb, capturedAt), request };
  }

  /** The detector's answer for frame `seq` (all candidates from UNSURE_SCORE_THRESHOLD up). */
  onDetection(seq: number, detections: readonly FaceDetection[]): void {
    const examined = this.inFlight;
    if (!examined || examined.seq !== seq) return;
    this.inFlight = null;
    if (this.broken) {
      this.guard.onFrame({ kind: 'error' });
      return;
    }
    // A result for a frame before a scene cut says nothing about the new scene.
    if (examined.epoch !== this.epoch) return;
    const confident = detections.filter((f) => f.score >= FACE_SCORE_THRESHOLD);
    const unsure = detections.filter((f) => f.score < FACE_SCORE_THRESHOLD);
    const update = this.tracker.update(confident);
    this.guard.onFrame({
      kind: 'detected',
      confident: unsure.length === 0,
      lostFaces: update.lost,
      sceneChange: false,
    });
    this.faces = confident.length;
    this.latest = { thumb: examined.thumb, capturedAt: examined.capturedAt, unsure };
  }

  /** The detector threw on frame `seq`. */
  onDetectionError(seq: number): void {
    if (this.inFlight?.seq !== seq) return;
    this.detectorFailed();
  }

  private plan(thumb: RgbaFrame, capturedAt: number): MaskPlan {
    const state = this.guard.current;
    if (state.mode === 'whole-frame') return { wholeFrame: true, state };
    const latest = this.latest;
    const age = latest ? capturedAt - latest.capturedAt : Infinity;
    if (!latest || age > this.options.maxDetectionAgeMs)
      return {
        wholeFrame: true,
        state: { mode: 'whole-frame', reason: 'detector-late', recovering: 0 },
      };
    const ageFrames = Math.max(0, age / this.options.frameIntervalMs);
    const faces = this.tracker.activeTracks.map((track) => {
      const speed = Math.hypot(track.vx, track.vy);
      const padded = padForMask(track.box, speed);
      const grow = ageFrames * (speed + this.options.growthPerFrame * track.box.width);
      return {
        x: padded.x - grow,
        y: padded.y - grow,
        width: padded.width + 2 * grow,
        height: padded.height + 2 * grow,
      };
    });
    for (const unsure of latest.unsure) faces.push(padForMask(unsure, 0));
    const changed = changedRegions(
      thumb,
      latest.thumb,
      this.frameWidth,
      this.frameHeight,
      this.options.cellChangeThreshold,
    );
    return { wholeFrame: false, state, faces, changed, detectionAgeMs: age };
  }
}
