/**
 * The fail-closed guard: decides, frame by frame, whether only the faces or the whole picture is
 * masked. Any doubt hides the whole frame; it comes back only after a run of confident frames.
 *
 * With `expectPerson` (a witness's pipeline: the witness is expected in the picture), a detection
 * that locates no head or face is doubt too: "nobody is here" is never a safe reading, so the
 * whole frame is hidden and only a run of confident detections that do locate someone reopens it.
 */
export type ProtectionReason =
  | 'detector-loading'
  /** Loaded and running, but no detection yet sure enough to reopen the picture. */
  | 'face-unsure'
  | 'detector-error'
  | 'detector-late'
  | 'face-lost'
  | 'scene-change'
  | 'nobody-located';

export type ProtectionState =
  { mode: 'masking-faces' } | { mode: 'whole-frame'; reason: ProtectionReason; recovering: number };

export type FrameVerdict =
  | {
      kind: 'detected';
      confident: boolean;
      lostFaces: number;
      sceneChange: boolean;
      /** Heads or faces located with confidence in this frame. */
      located: number;
    }
  | { kind: 'not-loaded' }
  | { kind: 'error' }
  | { kind: 'late' };

export const DEFAULT_RECOVERY_RUN = 3;

export class FailClosedGuard {
  private state: ProtectionState;

  /**
   * Live pipelines start closed (the detector is still loading); offline work starts ready.
   * `expectPerson`: the witness is expected in the picture, so nobody located hides the frame.
   */
  constructor(
    private readonly recoveryRun = DEFAULT_RECOVERY_RUN,
    startReady = false,
    private readonly expectPerson = false,
  ) {
    this.state = startReady
      ? { mode: 'masking-faces' }
      : { mode: 'whole-frame', reason: 'detector-loading', recovering: 0 };
  }

  get current(): ProtectionState {
    return this.state;
  }

  /** Feeds one frame's verdict; returns true when this frame must be masked whole. */
  onFrame(verdict: FrameVerdict): boolean {
    const trip = tripReason(verdict, this.expectPerson);
    if (trip) {
      this.state = { mode: 'whole-frame', reason: trip, recovering: 0 };
      return true;
    }
    if (this.state.mode === 'masking-faces') return false;
    // With expectPerson an empty detection has tripped above, so it never counts towards reopening.
    const confident = verdict.kind === 'detected' && verdict.confident;
    const recovering = confident ? this.state.recovering + 1 : 0;
    if (recovering >= this.recoveryRun) {
      this.state = { mode: 'masking-faces' };
      return false;
    }
    // Once the detector answers it is no longer starting; an unsure face must not read as "starting".
    const reason =
      this.state.reason === 'detector-loading' && verdict.kind === 'detected' && !confident
        ? 'face-unsure'
        : this.state.reason;
    this.state = { ...this.state, reason, recovering };
    return true;
  }
}

function tripReason(verdict: FrameVerdict, expectPerson: boolean): ProtectionReason | null {
  switch (verdict.kind) {
    case 'not-loaded':
      return 'detector-loading';
    case 'error':
      return 'detector-error';
    case 'late':
      return 'detector-late';
    case 'detected':
      if (verdict.sceneChange) return 'scene-change';
      if (verdict.lostFaces > 0) return 'face-lost';
      if (expectPerson && verdict.located === 0) return 'nobody-located';
      return null;
  }
}
