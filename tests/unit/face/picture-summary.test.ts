import { describe, expect, it } from 'vitest';
import { PICTURE_WINDOW_MS, PictureSummary } from '../../../media/core/face/picture-summary';

/** Feeds a summary 250 ms readings of a pipeline that hides `hiddenPerReading` of 8 frames each time. */
function readings(summary: PictureSummary, hiddenPerReading: number[], wholeFrameNow = false) {
  let out = 0;
  let whole = 0;
  return hiddenPerReading.map((hidden, i) => {
    out += 8;
    whole += hidden;
    return summary.observe(i * 250, { framesOut: out, framesMaskedWhole: whole }, wholeFrameNow);
  });
}

describe('PictureSummary: what the judge is told of the witness picture', () => {
  it('names the ordered style while most frames of the last second are masked', () => {
    expect(readings(new PictureSummary('silhouette'), [0, 1, 2, 3, 0, 0]).at(-1)).toBe(
      'silhouette',
    );
  });

  it('says hidden whole when at least half of the last second was hidden whole', () => {
    const said = readings(new PictureSummary('blur'), [0, 0, 0, 0, 8, 8, 8, 8]);
    expect(said.at(-1)).toBe('hidden-whole');
    // The word sums up a second: a single hidden reading after masked ones does not flip it.
    expect(said[4]).toBe('blur');
  });

  it('forgets frames older than the window', () => {
    const said = readings(new PictureSummary('solid'), [8, 8, 8, 8, 8, 0, 0, 0, 0, 0]);
    expect(said.at(-1)).toBe('solid');
    expect(PICTURE_WINDOW_MS).toBe(1_000);
  });

  it('with no frames at all, follows the mode the pipeline is in (a stalled camera is not a picture)', () => {
    const summary = new PictureSummary('pixelate');
    expect(summary.observe(0, { framesOut: 0, framesMaskedWhole: 0 }, true)).toBe('hidden-whole');
    expect(summary.observe(500, { framesOut: 0, framesMaskedWhole: 0 }, true)).toBe('hidden-whole');
  });
});
