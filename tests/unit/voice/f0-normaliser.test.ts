import { describe, expect, it } from 'vitest';
import { anonymiseSamples, drawVoiceParams, VOICE_PRESETS } from '../../../media/core/voice';
import { F0Tracker } from '../../../media/core/voice/f0-tracker';
import { centsBetween, medianF0 } from '../../../scripts/voice-eval/pitch';
import { voicedSignal } from './signals';

const RATE = 16_000;
const SOURCE_PITCHES = [85, 110, 140, 175, 220, 280];

function trackedMean(samples: Float32Array, rate: number): number | null {
  const tracker = new F0Tracker(rate);
  const signal = Float64Array.from(samples);
  const hop = Math.round(rate * 0.02);
  for (let end = tracker.span; end <= signal.length; end += hop) tracker.update(signal, end);
  return tracker.meanF0();
}

function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

describe('F0 tracker', () => {
  it.each([16_000, 48_000])('finds the mean pitch of low and high voices at %i Hz', (rate) => {
    for (const f0 of SOURCE_PITCHES) {
      const mean = trackedMean(voicedSignal(rate, 0.6, f0), rate);
      expect(mean).not.toBeNull();
      expect(Math.abs(centsBetween(f0, mean!))).toBeLessThan(60);
    }
  });

  it('takes neither silence nor noise for a voice', () => {
    expect(trackedMean(new Float32Array(RATE), RATE)).toBeNull();
    const random = seeded(11);
    const noise = Float32Array.from({ length: RATE }, () => 0.3 * (random() * 2 - 1));
    let lowpassed = 0;
    const rumble = noise.map((value) => (lowpassed = 0.95 * lowpassed + 0.05 * value));
    expect(trackedMean(noise, RATE)).toBeNull();
    expect(trackedMean(rumble, RATE)).toBeNull();
  });
});

describe('F0 normaliser', () => {
  // Every hearing seed, every preset, low to high voices: the sent pitch is never left near the source's.
  // The floor is 175 cents; the 16 kHz median-F0 measurement has whole-sample lags (up to ~25 cents off
  // at 250 Hz), hence 140.
  it('moves the pitch at least ~150 cents away from the source for every seed (light)', () => {
    const sources = SOURCE_PITCHES.map((f0) => {
      const samples = voicedSignal(RATE, 0.6, f0);
      return { f0, samples, measured: medianF0(samples, RATE)! };
    });
    // Not standard or strong: they are many-to-one, every voice put on the key's target, so a voice
    // already there keeps its pitch, which then no longer tells it from anyone else's (many-to-one.test.ts).
    for (const preset of VOICE_PRESETS.filter(
      (p) => !drawVoiceParams('x', p).excitation.synthetic,
    )) {
      for (let seed = 0; seed < 8; seed++) {
        const hearing = drawVoiceParams(`normaliser-${seed}`, preset);
        for (const source of sources) {
          const sent = medianF0(anonymiseSamples(source.samples, RATE, hearing), RATE);
          expect(sent, `${preset} seed ${seed} at ${source.f0} Hz`).not.toBeNull();
          const moved = Math.abs(centsBetween(source.measured, sent!));
          expect(moved, `${preset} seed ${seed} at ${source.f0} Hz`).toBeGreaterThan(140);
        }
      }
    }
  });
});
