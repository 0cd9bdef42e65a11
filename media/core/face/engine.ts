/**
 * One frame at a time: detect (within the frame budget), track, ask the fail-closed guard, mask.
 * The same engine runs in the browser pipeline and in the offline `incamera face mask` command.
 */
import { detectForMasking, FACE_SCORE_THRESHOLD, type FaceDetector } from './detector';
import { FailClosedGuard, type FrameVerdict, type ProtectionState } from './fail-closed';
import { maskRegions, maskWholeFrame } from './masks';
import { readPeople, readPeopleShapes, type PeopleModels } from './people';
import { unmaskedPersons } from './person-heads';
import { SceneChangeDetector } from './scene-change';
import { fillSilhouette } from './segmentation';
import { FaceTracker, unsureMaskBox } from './tracker';
import {
  doubtsThePicture,
  locatesHead,
  type Box,
  type FaceDetection,
  type MaskStyle,
  type RgbaFrame,
} from './types';

// Timers exist in every runtime this code runs in (browser, worker, Node); the portable lib omits them.
declare const setTimeout: (callback: () => void, ms: number) => unknown;
declare const clearTimeout: (handle: unknown) => void;

export type EngineOptions = {
  style: MaskStyle;
  /** Milliseconds a detection may take before the frame is masked whole; null = no limit (offline). */
  budgetMs: number | null;
  recoveryRun?: number;
  /** Offline work starts with the detector ready; live pipelines start closed. */
  startReady?: boolean;
  /** One witness is expected in every frame: a frame in which nobody is located is hidden whole. */
  expectPerson?: boolean;
  /**
   * BlazeFace also on overlapping tiles, about this many a side (detectForMasking), for small and
   * half-covered faces; offline only (each tile costs a detection). Default: whole frame only.
   */
  tilesPerSide?: number;
};

export type FrameOutcome = {
  state: ProtectionState;
  wholeFrame: boolean;
  /** Faces the detector found in this frame (score >= FACE_SCORE_THRESHOLD). */
  faces: number;
  /** The rectangles masked (empty when the whole frame was). */
  masks: Box[];
  detectMs: number | null;
  /** Heads the pose model placed in this frame (0 without a pose model). */
  headsLocated?: number;
  /** People masked by their body box: small, or no face or head found on them (person detector). */
  personsMasked?: number;
};

export class FaceMaskingEngine {
  private detector: FaceDetector | null = null;
  private people: PeopleModels = { pose: null, segmenter: null };
  private broken = false;
  private busy = false;
  private tracker: FaceTracker | null = null;
  private readonly scene = new SceneChangeDetector();
  private readonly guard: FailClosedGuard;

  constructor(private readonly options: EngineOptions) {
    this.guard = new FailClosedGuard(
      options.recoveryRun,
      options.startReady,
      options.expectPerson ?? false,
    );
  }

  get state(): ProtectionState {
    return this.guard.current;
  }

  setDetector(detector: FaceDetector | null): void {
    this.detector = detector;
  }

  /** Body pose (head location), every person and person segmentation, beside BlazeFace when set. */
  setPeopleModels(models: PeopleModels): void {
    this.people = models;
  }

  /** For tests and trainers' demonstrations: every detection throws until set back. */
  setDetectorBroken(broken: boolean): void {
    this.broken = broken;
  }

  setStyle(style: MaskStyle): void {
    this.options.style = style;
  }

  /** Masks the frame in place and says what was done. */
  async process(frame: RgbaFrame): Promise<FrameOutcome> {
    if (!this.tracker) this.tracker = new FaceTracker(frame.width, frame.height);
    const sceneChange = this.scene.update(frame);
    const started = Date.now();
    const detection = await this.detect(frame);
    const detectMs = detection.kind === 'detected' ? Date.now() - started : null;
    // Read before the verdict: a head the pose model placed counts as the witness located.
    const people = await this.readPeople(frame);
    let verdict: FrameVerdict;
    let unsure: FaceDetection[] = [];
    let faces = 0;
    if (detection.kind === 'detected') {
      const confidentFaces = detection.faces.filter((f) => f.score >= FACE_SCORE_THRESHOLD);
      unsure = detection.faces.filter((f) => f.score < FACE_SCORE_THRESHOLD);
      faces = confidentFaces.length;
      const update = this.tracker.update(confidentFaces);
      verdict = {
        kind: 'detected',
        // Edge candidates (weak faces cut by the frame's edge) are masked but do not hold the guard.
        confident: !unsure.some(doubtsThePicture),
        lostFaces: update.lost,
        sceneChange,
        located:
          confidentFaces.filter(locatesHead).length +
          (people.kind === 'read' ? people.headsLocated : 0),
      };
      if (sceneChange) this.tracker.reset();
    } else {
      verdict = detection;
    }
    const wholeFrame = this.guard.onFrame(verdict);
    if (wholeFrame) {
      maskWholeFrame(frame);
      return { state: this.guard.current, wholeFrame, faces, masks: [], detectMs };
    }
    const shapes =
      people.kind === 'read'
        ? await readPeopleShapes(frame, this.people, this.options.style)
        : people;
    if (people.kind === 'failed' || shapes.kind === 'failed') {
      maskWholeFrame(frame);
      return { state: this.guard.current, wholeFrame: true, faces, masks: [], detectMs };
    }
    const sureFaces = this.tracker.maskBoxes();
    const masks = [...sureFaces, ...unsure.map(unsureMaskBox), ...people.boxes];
    // An unsure face is masked but places no head, nor does a body box: neither answers for anyone.
    const personMasks = unmaskedPersons(shapes.persons, [...sureFaces, ...people.heads]);
    masks.push(...personMasks);
    if (shapes.silhouette) fillSilhouette(frame, shapes.silhouette);
    maskRegions(frame, masks, this.options.style);
    return {
      state: this.guard.current,
      wholeFrame,
      faces,
      masks,
      detectMs,
      headsLocated: people.headsLocated,
      personsMasked: personMasks.length,
    };
  }

  private async readPeople(frame: RgbaFrame) {
    if (this.broken) return { kind: 'failed' as const, reason: 'simulated failure' };
    return readPeople(frame, this.people);
  }

  private async detect(
    frame: RgbaFrame,
  ): Promise<
    { kind: 'detected'; faces: FaceDetection[] } | { kind: 'not-loaded' | 'error' | 'late' }
  > {
    const detector = this.detector;
    if (!detector) return { kind: 'not-loaded' };
    if (this.busy) return { kind: 'late' };
    this.busy = true;
    const running = (async () => {
      if (this.broken) throw new Error('face detector failure (simulated)');
      return detectForMasking(detector, frame, this.options.tilesPerSide);
    })().finally(() => {
      this.busy = false;
    });
    try {
      const faces = await withBudget(running, this.options.budgetMs);
      return faces ? { kind: 'detected', faces } : { kind: 'late' };
    } catch {
      return { kind: 'error' };
    }
  }
}

function withBudget<T>(work: Promise<T>, budgetMs: number | null): Promise<T | null> {
  if (budgetMs === null) return work;
  return new Promise<T | null>((resolve, reject) => {
    const timer = setTimeout(() => resolve(null), budgetMs);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
