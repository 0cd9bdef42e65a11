import { describe, expect, it } from 'vitest';
import {
  VOICE_PRESETS,
  anonymiseSamples,
  drawVoiceParams,
  pitchOnlyVoiceParams,
} from '../../../media/core/voice';
import {
  CepstralMeanTracker,
  SAME_SPEAKER_AT,
  similarityReading,
} from '../../../media/core/voice/speaker-similarity';
import { loadSpeechAt, meterSimilarity } from '../../../scripts/voice-eval/meter';
import { testdataDir } from '../../e2e/support/testdata';
import { join } from 'node:path';

// Every shared speech file at 48 kHz (the rate the live demonstration runs at), several hearing seeds.
const recordings = loadSpeechAt(join(testdataDir(), 'speech'));
const SEEDS = ['meter-test-1', 'meter-test-2', 'meter-test-3'];
const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

describe('the demonstration speaker-similarity meter', () => {
  it('scores a voice against itself as 1 and silence as nothing', () => {
    const { samples, sampleRate } = recordings[0]!;
    expect(meterSimilarity(samples, samples, sampleRate)).toBeCloseTo(1, 6);
    const silent = new CepstralMeanTracker(sampleRate);
    silent.addRecording(new Float32Array(sampleRate * 2));
    expect(silent.frames).toBe(0);
  });

  it('never reads two different people as the same speaker', () => {
    for (const a of recordings)
      for (const b of recordings) {
        if (a.speaker === b.speaker) continue;
        const length = Math.min(a.samples.length, b.samples.length);
        const similarity = meterSimilarity(
          a.samples.subarray(0, length),
          b.samples.subarray(0, length),
          a.sampleRate,
        );
        expect(similarity, `${a.file} vs ${b.file}`).toBeLessThan(SAME_SPEAKER_AT);
      }
  });

  it.each(recordings.map((r) => [r.file, r] as const))(
    '%s: pitch-only reads "same speaker" and every preset clearly lower, for every seed',
    (file, recording) => {
      const { samples, sampleRate } = recording;
      const reading = (params: Parameters<typeof anonymiseSamples>[2]) =>
        meterSimilarity(samples, anonymiseSamples(samples, sampleRate, params), sampleRate);
      const pitchOnly = SEEDS.map((seed) => reading(pitchOnlyVoiceParams(seed)));
      const presets = VOICE_PRESETS.map((preset) =>
        SEEDS.map((seed) => reading(drawVoiceParams(seed, preset))),
      );
      console.log(file, {
        pitchOnly,
        ...Object.fromEntries(VOICE_PRESETS.map((p, i) => [p, presets[i]])),
      });
      for (const score of pitchOnly) expect(similarityReading(score)).toBe('same');
      VOICE_PRESETS.forEach((preset, p) => {
        SEEDS.forEach((seed, s) => {
          expect(presets[p]![s], `${preset}, seed ${seed}`).toBeLessThan(pitchOnly[s]! - 0.1);
        });
        expect(mean(presets[p]!), `${preset} on average`).toBeLessThan(mean(pitchOnly) - 0.3);
      });
      // Most preset readings say "different speaker" outright.
      const different = presets.flat().filter((v) => similarityReading(v) === 'different');
      expect(different.length).toBeGreaterThanOrEqual(Math.ceil(presets.flat().length / 2));
    },
  );
});
