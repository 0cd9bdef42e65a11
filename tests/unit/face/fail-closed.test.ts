import { describe, expect, it } from 'vitest';
import { FailClosedGuard, type FrameVerdict } from '../../../media/core/face/fail-closed';

const ok: FrameVerdict = { kind: 'detected', confident: true, lostFaces: 0, sceneChange: false };

function recovered(guard: FailClosedGuard) {
  for (let i = 0; i < 3; i++) guard.onFrame(ok);
  expect(guard.current.mode).toBe('masking-faces');
}

describe('FailClosedGuard', () => {
  it('masks the whole frame until the detector is loaded and then a run of confident frames', () => {
    const guard = new FailClosedGuard(3);
    expect(guard.onFrame({ kind: 'not-loaded' })).toBe(true);
    expect(guard.current).toEqual({
      mode: 'whole-frame',
      reason: 'detector-loading',
      recovering: 0,
    });
    expect(guard.onFrame(ok)).toBe(true);
    expect(guard.onFrame(ok)).toBe(true);
    expect(guard.onFrame(ok)).toBe(false);
    expect(guard.current.mode).toBe('masking-faces');
  });

  it.each([
    [{ kind: 'error' } as FrameVerdict, 'detector-error'],
    [{ kind: 'late' } as FrameVerdict, 'detector-late'],
    [
      { kind: 'detected', confident: true, lostFaces: 1, sceneChange: false } as FrameVerdict,
      'face-lost',
    ],
    [
      { kind: 'detected', confident: true, lostFaces: 0, sceneChange: true } as FrameVerdict,
      'scene-change',
    ],
  ])('trips to whole-frame on %j', (verdict, reason) => {
    const guard = new FailClosedGuard(3);
    recovered(guard);
    expect(guard.onFrame(verdict)).toBe(true);
    expect(guard.current).toMatchObject({ mode: 'whole-frame', reason });
  });

  it('restarts the recovery run on an unsure frame or a new failure', () => {
    const guard = new FailClosedGuard(3);
    guard.onFrame({ kind: 'error' });
    guard.onFrame(ok);
    guard.onFrame(ok);
    expect(
      guard.onFrame({ kind: 'detected', confident: false, lostFaces: 0, sceneChange: false }),
    ).toBe(true);
    guard.onFrame(ok);
    guard.onFrame(ok);
    expect(guard.onFrame({ kind: 'error' })).toBe(true);
    guard.onFrame(ok);
    guard.onFrame(ok);
    expect(guard.current.mode).toBe('whole-frame');
    expect(guard.onFrame(ok)).toBe(false);
  });

  it('starts open for offline work where the detector is already loaded', () => {
    const guard = new FailClosedGuard(3, true);
    expect(guard.onFrame(ok)).toBe(false);
  });
});
