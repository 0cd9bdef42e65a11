/**
 * What the court receives of the witness's picture, in one word for people: the ordered style, or
 * the whole picture hidden. The live pipeline switches between masking and hiding the whole frame
 * several times a second when the machine is short of CPU, so the word the judge is told sums up the
 * last second of frames instead of the newest one: hidden whole when at least half of them were.
 */
import type { WitnessPicture } from '../../../contract/signalling';
import type { MaskStyle } from './types';

export const PICTURE_WINDOW_MS = 1_000;
/** Share of the window's frames hidden whole from which the picture counts as hidden whole. */
export const HIDDEN_WHOLE_SHARE = 0.5;

type Sample = { at: number; framesOut: number; framesMaskedWhole: number };

export class PictureSummary {
  private samples: Sample[] = [];

  constructor(private readonly style: MaskStyle) {}

  /**
   * One reading of the pipeline's counters (monotonic) and its current mode, at `at` ms. Returns the
   * style while most frames of the last PICTURE_WINDOW_MS were masked, else 'hidden-whole'.
   */
  observe(at: number, counters: Omit<Sample, 'at'>, wholeFrameNow: boolean): WitnessPicture {
    this.samples.push({ at, ...counters });
    while (this.samples.length > 2 && this.samples[1]!.at <= at - PICTURE_WINDOW_MS)
      this.samples.shift();
    const first = this.samples[0]!;
    const frames = counters.framesOut - first.framesOut;
    // No frame since the window began (a stalled camera): the mode the pipeline is in decides.
    if (frames <= 0) return wholeFrameNow ? 'hidden-whole' : this.style;
    const hidden = (counters.framesMaskedWhole - first.framesMaskedWhole) / frames;
    return hidden >= HIDDEN_WHOLE_SHARE ? 'hidden-whole' : this.style;
  }
}
