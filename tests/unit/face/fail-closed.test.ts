import { describe, expect, it } from 'vitest';
import { FailClosedGuard, type FrameVerdict } from '../../../media/core/face/fail-closed';

const ok: FrameVerdict = {
  kind: 'detected',
  confident: true,
  lostFaces: 0,
  sceneChange: false,
  located: 1,
};
const nobody: FrameVerdict = { ...ok, located: 0 };

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

  it('says the face is unsure, not that the detector is starting, once unsure detections arrive', () => {
    const guard = new FailClosedGuard(3);
    guard.onFrame({ kind: 'not-loaded' });
    expect(guard.onFrame({ ...ok, confident: false })).toBe(true);
    expect(guard.current).toEqual({ mode: 'whole-frame', reason: 'face-unsure', recovering: 0 });
    expect(guard.onFrame({ kind: 'not-loaded' })).toBe(true);
    expect(guard.current).toMatchObject({ reason: 'detector-loading' });
  });

  it.each([
    [{ kind: 'error' } as FrameVerdict, 'detector-error'],
    [{ kind: 'late' } as FrameVerdict, 'detector-late'],
    [{ ...ok, lostFaces: 1 } as FrameVerdict, 'face-lost'],
    [{ ...ok, sceneChange: true } as FrameVerdict, 'scene-change'],
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
    expect(guard.onFrame({ ...ok, confident: false })).toBe(true);
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

  it('with expectPerson, trips on a detection that locates nobody and reopens only on located ones', () => {
    const guard = new FailClosedGuard(3, true, true);
    expect(guard.onFrame(ok)).toBe(false);
    expect(guard.onFrame(nobody)).toBe(true);
    expect(guard.current).toEqual({ mode: 'whole-frame', reason: 'nobody-located', recovering: 0 });
    for (let i = 0; i < 10; i++) expect(guard.onFrame(nobody)).toBe(true);
    guard.onFrame(ok);
    guard.onFrame(ok);
    expect(guard.onFrame(nobody)).toBe(true);
    guard.onFrame(ok);
    guard.onFrame(ok);
    expect(guard.onFrame(ok)).toBe(false);
  });

  it('without expectPerson, a detection of nobody is a confident frame (still images)', () => {
    const guard = new FailClosedGuard(3, true);
    expect(guard.onFrame(nobody)).toBe(false);
  });
});
