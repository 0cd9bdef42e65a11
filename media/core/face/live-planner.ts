/**
 * Decides each live frame's masks while detection runs asynchronously (in a worker) on an earlier
 * frame. The camera frame is never held back for the detector, so the added latency is only the
 * drawing; safety comes from these rules instead:
 *
 * 1. Bounded age: a frame is masked with the faces found in a camera frame at most
 *    `maxDetectionAgeFrames` frame intervals older (3: 100 ms at 30 fps), and never more than
 *    `maxDetectionAgeMs` (300 ms); older or none: whole frame. The interval is measured from the
 *    frames' capture times, so a 10 fps camera gets 300 ms and a 30 fps one 100 ms.
 * 2. Unseen pixels are masked: every thumbnail cell that differs from the frame the detector
 *    last examined whole (not a crop pass following known heads; at most `maxReferenceAgeMs` older,
 *    else whole frame) is masked (change-map.ts). A face entering, turning or being uncovered between
 *    detections therefore lands in changed cells and is hidden until a detection has looked at it.
 * 3. Padding grows with age and motion: each tracked face's mask (>= 30% padding, more above) grows
 *    by its measured speed plus 5% of its width for every frame of detection age.
 * 4. Scene change (abrupt change of the whole thumbnail): whole frame, tracks dropped, and results
 *    for frames before the cut are discarded; masking resumes only after a run of confident
 *    detections on frames after the cut (the FailClosedGuard's recovery run).
 * 5. Detector not loaded, throwing, or a tracked face lost inside the picture: whole frame, as in
 *    the offline engine (FailClosedGuard).
 * 6. The witness is expected in the picture (`expectPerson`, on unless a caller turns it off): a
 *    detection that locates no head or face hides the whole frame, and only a run of detections
 *    that locate someone brings the picture back. Detections of kind 'head' (from a pose model)
 *    count as located as BlazeFace's faces do; 'person' regions are masked but do not.
 * 7. With `personCensus` (the witness's pipeline), the people a census counted that no placed head
 *    answers for are masked whole, and no census yet, a stale one or a failed census hides the
 *    whole frame (person-census.ts).
 * 8. ...and every cell that changed since the census's frame outside the people it counted (after
 *    a scene cut, until a newer census: anywhere) is masked, as someone not counted yet may be
 *    there, until a census has looked at it (asked for sooner while there are such cells:
 *    `censusWanted`).
 */
import { changedRegions } from './change-map';
import { FACE_SCORE_THRESHOLD } from './detector';
import { FailClosedGuard, type ProtectionState } from './fail-closed';
import {
  DEFAULT_LIVE_PLANNER_OPTIONS,
  type DetectionRequest,
  type LivePlannerOptions,
  type MaskPlan,
} from './live-plan';
import { censusPart, type PersonCensus } from './person-census';
import { headsAmong } from './person-heads';
import { SceneChangeDetector } from './scene-change';
import { mergeTouching } from './merge-touching';
import { agedTrackMask, FaceTracker, unsureMaskBox } from './tracker';
import { doubtsThePicture, locatesHead, type FaceDetection, type RgbaFrame } from './types';

export { DEFAULT_LIVE_PLANNER_OPTIONS, type LivePlannerOptions, type MaskPlan } from './live-plan';

type Examined = {
  thumb: RgbaFrame;
  capturedAt: number;
  unsure: FaceDetection[];
  /** The heads this detection placed (sure faces, the pose model's head): the census's answers. */
  heads: FaceDetection[];
};

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
  /**
   * The thumbnail of the newest detection that looked at the whole frame for faces. A crop pass
   * (following known heads, crop-schedule.ts) does not vouch for faces that appeared elsewhere since,
   * so the change map keeps comparing with this one until a whole pass has looked again.
   */
  private faceReference: { thumb: RgbaFrame; capturedAt: number } | null = null;
  private faces = 0;
  private lastCapturedAt: number | null = null;
  /** Smoothed interval between the frames handed to onFrame (starts at 30 fps). */
  private frameIntervalMs = 1000 / 30;
  private census: PersonCensus | null = null;
  private censusFailed = false;
  private uncounted = false;
  private personsMasked = 0;
  private sceneCutAt = -Infinity;

  constructor(
    private readonly frameWidth: number,
    private readonly frameHeight: number,
    options: Partial<LivePlannerOptions> = {},
  ) {
    this.options = { ...DEFAULT_LIVE_PLANNER_OPTIONS, ...options };
    this.guard = new FailClosedGuard(this.options.recoveryRun, false, this.options.expectPerson);
    this.tracker = new FaceTracker(frameWidth, frameHeight);
  }

  get state(): ProtectionState {
    return this.guard.current;
  }

  get size(): { width: number; height: number } {
    return { width: this.frameWidth, height: this.frameHeight };
  }

  /** Capture time (ms) of the whole-frame look the change map compares with; null after a cut. */
  get referenceCapturedAt(): number | null {
    return this.faceReference?.capturedAt ?? null;
  }

  /**
   * Heads in the latest detection (a face and the pose model's head on it count once), and person
   * regions masked for want of a head.
   */
  get faceCount(): number {
    return this.faces;
  }

  /** The last frame planned had cells changed outside the census's people (rule 8). */
  get censusWanted(): boolean {
    return this.uncounted;
  }

  /** People the last frame planned masks whole, as no placed head answers for them (rule 7). */
  get personsMaskedWhole(): number {
    return this.personsMasked;
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

  /** The newest person census (rule 7); one older than held, or of another frame size, is ignored. */
  onCensus(census: PersonCensus): void {
    const { width, height } = census.size;
    if (width !== this.frameWidth || height !== this.frameHeight) return;
    if (!this.census || census.capturedAt >= this.census.capturedAt) this.census = census;
  }

  /** The census could not load or its worker died: whole frame from now on (rule 7). */
  onCensusFailed(): void {
    this.censusFailed = true;
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
  onFrame(
    thumb: RgbaFrame,
    capturedAt: number,
  ): { plan: MaskPlan; request: DetectionRequest | null } {
    const seq = ++this.seq;
    if (this.lastCapturedAt !== null && capturedAt > this.lastCapturedAt) {
      const interval = Math.min(200, capturedAt - this.lastCapturedAt);
      this.frameIntervalMs = 0.8 * this.frameIntervalMs + 0.2 * interval;
    }
    this.lastCapturedAt = capturedAt;
    if (this.scene.update(thumb)) {
      this.epoch++;
      this.sceneCutAt = capturedAt;
      this.tracker.reset();
      this.latest = null;
      this.faceReference = null;
      this.faces = 0;
      this.guard.onFrame({
        kind: 'detected',
        confident: false,
        lostFaces: 0,
        sceneChange: true,
        located: 0,
      });
    }
    let request: DetectionRequest | null = null;
    if (this.ready && !this.inFlight) {
      this.inFlight = { seq, epoch: this.epoch, thumb, capturedAt };
      request = { seq };
    }
    return { plan: this.plan(thumb, capturedAt), request };
  }

  /**
   * The detectors' answer for frame `seq`: all candidates from UNSURE_SCORE_THRESHOLD up, BlazeFace's
   * faces and any heads or person regions another model located in the same frame.
   * `facesExamined`: false for a crop pass that followed known heads (see crop-schedule.ts), and for a
   * whole pass that kept an older silhouette (silhouette-schedule.ts): no new reference.
   * Returns whether the frame became the reference (a stale or ignored answer does not).
   */
  onDetection(seq: number, detections: readonly FaceDetection[], facesExamined = true): boolean {
    const examined = this.inFlight;
    if (!examined || examined.seq !== seq) return false;
    this.inFlight = null;
    if (this.broken) {
      this.guard.onFrame({ kind: 'error' });
      return false;
    }
    // A result for a frame before a scene cut says nothing about the new scene.
    if (examined.epoch !== this.epoch) return false;
    const confident = detections.filter((f) => f.score >= FACE_SCORE_THRESHOLD);
    // Edge candidates (weak faces cut by the frame's edge) are masked but do not hold the guard.
    const unsure = detections.filter((f) => f.score < FACE_SCORE_THRESHOLD);
    const update = this.tracker.update(confident);
    this.guard.onFrame({
      kind: 'detected',
      confident: !unsure.some(doubtsThePicture),
      lostFaces: update.lost,
      sceneChange: false,
      located: confident.filter(locatesHead).length,
    });
    const heads = confident.filter(locatesHead);
    // A face and the pose model's head on it are one head (the witness is not "2 faces").
    this.faces = headsAmong(heads).length + confident.length - heads.length;
    this.latest = { thumb: examined.thumb, capturedAt: examined.capturedAt, unsure, heads };
    if (facesExamined)
      this.faceReference = { thumb: examined.thumb, capturedAt: examined.capturedAt };
    return facesExamined;
  }

  /** The detector threw on frame `seq`. */
  onDetectionError(seq: number): void {
    if (this.inFlight?.seq !== seq) return;
    this.detectorFailed();
  }

  private plan(thumb: RgbaFrame, capturedAt: number): MaskPlan {
    this.uncounted = false;
    this.personsMasked = 0;
    const state = this.guard.current;
    if (state.mode === 'whole-frame') return { wholeFrame: true, state };
    const latest = this.latest;
    const census = this.options.personCensus
      ? censusPart(
          this.census,
          this.censusFailed,
          latest?.heads ?? [],
          thumb,
          capturedAt,
          this.sceneCutAt,
        )
      : { persons: [], people: 0, uncounted: [] };
    if ('hide' in census)
      return {
        wholeFrame: true,
        state: { mode: 'whole-frame', reason: census.hide, recovering: 0 },
      };
    const age = latest ? capturedAt - latest.capturedAt : Infinity;
    const maxAge = Math.min(
      this.options.maxDetectionAgeMs,
      this.options.maxDetectionAgeFrames * this.frameIntervalMs,
    );
    // The small allowance absorbs capture-time jitter of a frame that is on time.
    const reference = this.faceReference;
    if (
      !latest ||
      !reference ||
      age > maxAge + 2 ||
      capturedAt - reference.capturedAt > this.options.maxReferenceAgeMs
    )
      return {
        wholeFrame: true,
        state: { mode: 'whole-frame', reason: 'detector-late', recovering: 0 },
      };
    const ageFrames = Math.max(0, age / this.frameIntervalMs);
    const faces = this.tracker.activeTracks.map((track) =>
      agedTrackMask(track, ageFrames, this.options.growthPerFrame),
    );
    for (const unsure of latest.unsure) faces.push(unsureMaskBox(unsure));
    // Overlapping masks become one rectangle: a notched outline can itself look like a face.
    const changed = changedRegions(
      thumb,
      reference.thumb,
      this.frameWidth,
      this.frameHeight,
      this.options.cellChangeThreshold,
    );
    this.uncounted = census.uncounted.length > 0;
    this.personsMasked = census.people;
    return {
      wholeFrame: false,
      state,
      // A person's mask is not merged with a head's: their bounding box would hide the witness too.
      faces: [...mergeTouching(faces), ...mergeTouching(census.persons)],
      changed: [...changed, ...census.uncounted],
      detectionAgeMs: age,
    };
  }
}
