import { describe, expect, it } from 'vitest';
import { VoiceAnonymiser, anonymiseSamples, drawVoiceParams } from '../../../media/core/voice';
import { voicedSignal } from './signals';

const RATE = 48_000;
const params = drawVoiceParams('hearing-42', 'standard');

function seeded(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

function rms(samples: Float32Array, from = 0, to = samples.length): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += samples[i]! ** 2;
  return Math.sqrt(sum / Math.max(1, to - from));
}

function peak(samples: Float32Array): number {
  let value = 0;
  for (const sample of samples) value = Math.max(value, Math.abs(sample));
  return value;
}

const inputs: Record<string, () => Float32Array> = {
  silence: () => new Float32Array(RATE),
  'white noise': () => {
    const random = seeded(7);
    return Float32Array.from({ length: RATE }, () => random() * 2 - 1);
  },
  DC: () => new Float32Array(RATE).fill(0.9),
  'full-scale square': () =>
    Float32Array.from({ length: RATE }, (_, i) => (Math.floor(i / 120) % 2 ? 1 : -1)),
  'clipped speech-like': () =>
    voicedSignal(RATE, 1, 140).map((value) => Math.max(-1, Math.min(1, value * 8))),
  'full-scale voice': () => {
    const voice = voicedSignal(RATE, 1, 120);
    const scale = 1 / peak(voice);
    return voice.map((value) => value * scale);
  },
};

describe('voice anonymiser DSP', () => {
  for (const [name, make] of Object.entries(inputs)) {
    it(`gives finite, unclipped output on ${name}`, () => {
      for (const preset of ['light', 'standard', 'strong'] as const) {
        const output = anonymiseSamples(make(), RATE, drawVoiceParams('s', preset));
        expect(output.every(Number.isFinite)).toBe(true);
        expect(peak(output)).toBeLessThan(1);
      }
    });
  }

  it('is silent on silence and on DC', () => {
    expect(peak(anonymiseSamples(inputs.silence!(), RATE, params))).toBe(0);
    const dc = anonymiseSamples(inputs.DC!(), RATE, params);
    // The DC blocker settles within a few frames; the end is a step back to zero.
    expect(rms(dc, RATE / 4, (3 * RATE) / 4)).toBeLessThan(1e-3);
  });

  it('gives the same output in 128-sample blocks, odd blocks, and all at once', () => {
    const input = voicedSignal(RATE, 0.6, 130);
    const whole = new Float32Array(input.length);
    new VoiceAnonymiser(RATE, params).process(input, whole);
    const quantum = new Float32Array(input.length);
    const streamed = new VoiceAnonymiser(RATE, params);
    for (let start = 0; start < input.length; start += 128) {
      const end = Math.min(start + 128, input.length);
      streamed.process(input.subarray(start, end), quantum.subarray(start, end));
    }
    expect(quantum).toEqual(whole);
    const odd = new Float32Array(input.length);
    const oddStream = new VoiceAnonymiser(RATE, params);
    const random = seeded(3);
    for (let start = 0; start < input.length;) {
      const end = Math.min(input.length, start + 1 + Math.floor(random() * 700));
      oddStream.process(input.subarray(start, end), odd.subarray(start, end));
      start = end;
    }
    expect(odd).toEqual(whole);
  });

  it('delays the stream by exactly one 20 ms frame, and the offline helper removes it', () => {
    for (const rate of [16_000, 22_050, 44_100, 48_000]) {
      const anonymiser = new VoiceAnonymiser(rate, params);
      expect(anonymiser.delaySamples).toBe(2 * Math.round(rate * 0.01));
      expect((anonymiser.delaySamples / rate) * 1000).toBeLessThanOrEqual(20.1);
    }
    // A burst of voice between 0.5 s and 0.8 s comes out at the same place.
    const input = new Float32Array(RATE);
    input.set(voicedSignal(RATE, 0.3, 150), RATE / 2);
    const output = anonymiseSamples(input, RATE, params);
    expect(output.length).toBe(input.length);
    const ms = RATE / 1000;
    expect(rms(output, 0, 480 * ms)).toBeLessThan(1e-4);
    expect(rms(output, 520 * ms, 780 * ms)).toBeGreaterThan(0.02);
    expect(rms(output, 830 * ms, RATE)).toBeLessThan(1e-4);
  });

  it('keeps the energy of speech within 6 dB at every preset and rate', () => {
    for (const rate of [16_000, 44_100, 48_000]) {
      const input = voicedSignal(rate, 1, 125);
      for (const preset of ['light', 'standard', 'strong'] as const) {
        const output = anonymiseSamples(input, rate, drawVoiceParams('energy', preset));
        const ratioDb = 20 * Math.log10(rms(output) / rms(input));
        expect(Math.abs(ratioDb)).toBeLessThan(6);
      }
    }
  });

  it('gives the same output for the same seed and different output for another seed', () => {
    const input = voicedSignal(RATE, 0.5, 140);
    const first = anonymiseSamples(input, RATE, drawVoiceParams('seed-a', 'standard'));
    const again = anonymiseSamples(input, RATE, drawVoiceParams('seed-a', 'standard'));
    const other = anonymiseSamples(input, RATE, drawVoiceParams('seed-b', 'standard'));
    expect(again).toEqual(first);
    let difference = 0;
    for (let i = 0; i < first.length; i++) difference += (first[i]! - other[i]!) ** 2;
    expect(Math.sqrt(difference / first.length)).toBeGreaterThan(0.1 * rms(first));
    expect(drawVoiceParams('seed-a', 'standard')).not.toEqual(
      drawVoiceParams('seed-b', 'standard'),
    );
  });

  it('draws parameters inside each preset, stronger presets warping further', () => {
    for (let i = 0; i < 50; i++) {
      const standard = drawVoiceParams(`s${i}`, 'standard');
      const strong = drawVoiceParams(`s${i}`, 'strong');
      // Both many-to-one; strong puts every voice further up, hops further per phrase, and smooths more.
      expect(strong.excitation.synthetic && standard.excitation.synthetic).toBe(true);
      expect(strong.pitchCents).toBeGreaterThan(standard.pitchCents);
      expect(strong.phraseHop.scale).toBeGreaterThan(standard.phraseHop.scale);
      expect(strong.bandwidthFactor).toBeGreaterThanOrEqual(standard.bandwidthFactor);
      expect(strong.excitation.range).toBeLessThan(standard.excitation.range);
    }
  });

  it('refuses sample rates it was not built for', () => {
    expect(() => new VoiceAnonymiser(4000, params)).toThrow(RangeError);
    expect(() => new VoiceAnonymiser(Number.NaN, params)).toThrow(RangeError);
  });

  it('survives NaN and infinite input samples', () => {
    const input = voicedSignal(RATE, 0.3, 150);
    input[1000] = Number.NaN;
    input[2000] = Number.POSITIVE_INFINITY;
    expect(anonymiseSamples(input, RATE, params).every(Number.isFinite)).toBe(true);
  });
});

describe('what a restoration attack cannot undo', () => {
  it('pulls a low and a high voice toward one pitch, while still shifting each', async () => {
    const { medianF0, centsBetween } = await import('../../../scripts/voice-eval/pitch');
    const hearing = drawVoiceParams('normalise', 'light');
    const low = voicedSignal(RATE, 1.5, 100);
    const high = voicedSignal(RATE, 1.5, 220);
    const lowOut = medianF0(anonymiseSamples(low, RATE, hearing), RATE)!;
    const highOut = medianF0(anonymiseSamples(high, RATE, hearing), RATE)!;
    const spreadIn = centsBetween(medianF0(low, RATE)!, medianF0(high, RATE)!);
    const spreadOut = centsBetween(lowOut, highOut);
    // Light pulls every voice part of the way toward the reference and never lowers a high one below
    // its own pitch: the spread shrinks. (Standard and strong put every voice on the key's target:
    // many-to-one.test.ts.)
    expect(spreadOut).toBeLessThan(0.9 * spreadIn);
    expect(Math.abs(centsBetween(100, lowOut))).toBeGreaterThan(140);
    expect(Math.abs(centsBetween(220, highOut))).toBeGreaterThan(140);
  });

  it("pulls a low voice's formants up and a high voice's down (formant normalisation)", async () => {
    const { averageSpectrumBands } = await import('../../../scripts/voice-eval/pitch');
    const { VARIANTS, variantParams } = await import('../../../scripts/voice-eval/variants');
    // The standard of before many-to-one, which keyed this on pitch; standard now normalises the
    // tract by its own estimate (tract-length.test.ts, many-to-one.test.ts).
    const landed = VARIANTS.find((v) => v.name === 'landed-standard')!;
    const drawn = variantParams(landed, 'normalise');
    expect(drawn.pitch.formantNormalisation).toBeGreaterThan(0);
    // Without the long-term normalisation, which flattens a steady vowel's average spectrum whatever
    // its formants, so that the scale alone is measured.
    const hearing = { ...drawn, longTerm: { ...drawn.longTerm, strength: 0 } };
    const without = { ...hearing, pitch: { ...hearing.pitch, formantNormalisation: 0 } };
    // Power-weighted centre of the band spectrum, in octaves above 200 Hz. The harmonics stay where
    // they are, so the centre moves less than the envelope (at 100 Hz: 0.03 octave for a 0.12 scale).
    const centre = (samples: Float32Array) => {
      const power = averageSpectrumBands(samples, RATE).map((db) => 10 ** (db / 10));
      const total = power.reduce((sum, value) => sum + value, 0);
      return power.reduce((sum, value, band) => sum + (value * (band + 0.5)) / 3, 0) / total;
    };
    for (const [f0, direction] of [
      [100, 1],
      [220, -1],
    ] as const) {
      const voice = voicedSignal(RATE, 1.5, f0);
      const moved = centre(anonymiseSamples(voice, RATE, hearing));
      const unmoved = centre(anonymiseSamples(voice, RATE, without));
      expect(direction * (moved - unmoved), `${f0} Hz`).toBeGreaterThan(0.02);
    }
  });
});
