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

  it('finds pitch-only distortion close to the original and the standard preset farther away', () => {
    const pitchOnly = anonymiseSamples(samples, rate, pitchOnlyVoiceParams('demo'));
    const standard = anonymiseSamples(samples, rate, drawVoiceParams('demo', 'standard'));
    const strong = anonymiseSamples(samples, rate, drawVoiceParams('demo', 'strong'));
    const scores = {
      pitchOnly: similarity(samples, pitchOnly, rate),
      standard: similarity(samples, standard, rate),
      strong: similarity(samples, strong, rate),
    };
    console.log('similarity to the original voice', scores);
    expect(scores.pitchOnly).toBeGreaterThan(scores.standard + 0.1);
    expect(scores.pitchOnly).toBeGreaterThan(scores.strong + 0.1);
  });

  it('tells two different speakers apart less than pitch-only distortion hides one', () => {
    const other = speech('vctk_p226_002.wav');
    const pitchOnly = anonymiseSamples(samples, rate, pitchOnlyVoiceParams('demo'));
    expect(similarity(samples, other.samples, rate)).toBeLessThan(
      similarity(samples, pitchOnly, rate),
    );
  });
});
