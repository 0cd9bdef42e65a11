import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeWav } from '../../../host/voice/wav';
import { anonymiseSamples, drawVoiceParams, pitchOnlyVoiceParams } from '../../../media/core/voice';
import {
  CepstralMeanTracker,
  speakerSimilarity,
} from '../../../media/core/voice/speaker-similarity';
import { testdataDir } from '../../e2e/support/testdata';

function speech(file: string) {
  const audio = decodeWav(readFileSync(join(testdataDir(), 'speech', file)));
  return { samples: audio.channels[0]!, rate: audio.sampleRate };
}

function similarity(a: Float32Array, b: Float32Array, rate: number): number {
  const ta = new CepstralMeanTracker(rate);
  const tb = new CepstralMeanTracker(rate);
  ta.addRecording(a);
  tb.addRecording(b);
  const score = speakerSimilarity(ta, tb);
  expect(score).not.toBeNull();
  return score!;
}

describe('the demonstration speaker-similarity meter', () => {
  const { samples, rate } = speech('vctk_p225_002.wav');

  it('scores a voice against itself as 1 and silence as nothing', () => {
    expect(similarity(samples, samples, rate)).toBeCloseTo(1, 6);
    const silent = new CepstralMeanTracker(rate);
    silent.addRecording(new Float32Array(rate * 2));
    expect(silent.frames).toBe(0);
  });

  it('finds pitch-only distortion closer to the original than the standard preset, over seeds', () => {
    // A crude teaching meter (one voice, long-term MFCC mean): single seeds scatter, so average
    // several. It does not rank `strong` reliably below pitch-only for this voice (eval:voice's
    // z-normalised attacker does); the demonstration's guide says so.
    const seeds = ['demo', 'a', 'b', 'c', 'd'];
    const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
    const pitchOnly = mean(
      seeds.map((seed) =>
        similarity(samples, anonymiseSamples(samples, rate, pitchOnlyVoiceParams(seed)), rate),
      ),
    );
    const standard = mean(
      seeds.map((seed) =>
        similarity(
          samples,
          anonymiseSamples(samples, rate, drawVoiceParams(seed, 'standard')),
          rate,
        ),
      ),
    );
    console.log('mean similarity to the original voice', { pitchOnly, standard });
    expect(pitchOnly).toBeGreaterThan(standard + 0.2);
  });

  it('tells two different speakers apart less than pitch-only distortion hides one', () => {
    const other = speech('vctk_p226_002.wav');
    const pitchOnly = anonymiseSamples(samples, rate, pitchOnlyVoiceParams('demo'));
    expect(similarity(samples, other.samples, rate)).toBeLessThan(
      similarity(samples, pitchOnly, rate),
    );
  });
});
