/**
 * The fail-closed guard: decides, frame by frame, whether only the faces or the whole picture is
 * masked. Any doubt hides the whole frame; it comes back only after a run of confident frames.
 */
export type ProtectionReason =
  'detector-loading' | 'detector-error' | 'detector-late' | 'face-lost' | 'scene-change';

export type ProtectionState =
  { mode: 'masking-faces' } | { mode: 'whole-frame'; reason: ProtectionReason; recovering: number };

export type FrameVerdict =
  | { kind: 'detected'; confident: boolean; lostFaces: number; sceneChange: boolean }
  | { kind: 'not-loaded' }
  | { kind: 'error' }
  | { kind: 'late' };

export const DEFAULT_RECOVERY_RUN = 3;

export class FailClosedGuard {
  private state: ProtectionState;

  /** Live pipelines start closed (the detector is still loading); offline work starts ready. */
  constructor(
    private readonly recoveryRun = DEFAULT_RECOVERY_RUN,
    startReady = false,
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
    const trip = tripReason(verdict);
    if (trip) {
      this.state = { mode: 'whole-frame', reason: trip, recovering: 0 };
      return true;
    }
    if (this.state.mode === 'masking-faces') return false;
    const confident = verdict.kind === 'detected' && verdict.confident;
    const recovering = confident ? this.state.recovering + 1 : 0;
    if (recovering >= this.recoveryRun) {
      this.state = { mode: 'masking-faces' };
      return false;
    }
    this.state = { ...this.state, recovering };
    return true;
  }
}

function tripReason(verdict: FrameVerdict): ProtectionReason | null {
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
      return null;
  }
}
