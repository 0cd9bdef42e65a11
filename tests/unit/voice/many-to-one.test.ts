import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeWav } from '../../../host/voice/wav';
import {
  VoiceAnonymiser,
  anonymiseSamples,
  drawVoiceParams,
  type VoiceParams,
} from '../../../media/core/voice';
import { centsBetween, medianF0 } from '../../../scripts/voice-eval/pitch';
import { VARIANTS, variantParams } from '../../../scripts/voice-eval/variants';
import { testdataDir } from '../../e2e/support/testdata';
import { voicedSignal } from './signals';

const RATE = 16_000;
const hopping = VARIANTS.find((v) => v.name === 'm2o-hop-f0')!;

/** The key's target F0 at the start of a hearing (drift starts from its phase, so within ±70 cents). */
function targetF0(params: VoiceParams): number {
  return params.pitch.referenceHz * 2 ** (params.pitchCents / 1200);
}

describe("many-to-one disguise (standard): a synthetic excitation on the key's target voice", () => {
  it("puts a man's and a woman's real voice on the key's target pitch, beyond the residual shift's +630-cent cap", () => {
    const setDir = join(testdataDir(), 'speech-dev');
    const voices = ['vcc16_SM1/vcc16_SM1_100008.16k.wav', 'vcc16_TF1/vcc16_TF1_100008.16k.wav'].map(
      (file) => decodeWav(new Uint8Array(readFileSync(join(setDir, file)))).channels[0]!,
    );
    const sources = voices.map((voice) => medianF0(voice, RATE)!);
    for (const key of ['m2o-1', 'm2o-2', 'm2o-3']) {
      const params = drawVoiceParams(key, 'standard');
      const target = targetF0(params);
      // Cold (no warm-up: the speaker's mean is still settling), with the key's drift and intonation
      // kept at 0.7-0.9 of its range: a woman's 3 s reads up to ~270 cents under the target here.
      const outs = voices.map((voice) => medianF0(anonymiseSamples(voice, RATE, params), RATE)!);
      outs.forEach((out, k) => {
        const off = Math.abs(centsBetween(target, out));
        expect(off, `${key}: ${sources[k]} Hz became ${out} Hz, target ${target} Hz`).toBeLessThan(
          300,
        );
      });
      const spreadIn = Math.abs(centsBetween(sources[0]!, sources[1]!));
      expect(Math.abs(centsBetween(outs[0]!, outs[1]!)), key).toBeLessThan(0.3 * spreadIn);
    }
  });

  it('is a stream like the residual path: same output in any block size, finite, energy kept', () => {
    for (const [name, params] of [
      ['standard', drawVoiceParams('blocks', 'standard')],
      [hopping.name, variantParams(hopping, 'blocks')],
    ] as const) {
      const input = voicedSignal(48_000, 0.8, 130);
      const whole = new Float32Array(input.length);
      new VoiceAnonymiser(48_000, params).process(input, whole);
      const streamed = new Float32Array(input.length);
      const stream = new VoiceAnonymiser(48_000, params);
      for (let start = 0; start < input.length; start += 128) {
        const end = Math.min(start + 128, input.length);
        stream.process(input.subarray(start, end), streamed.subarray(start, end));
      }
      expect(streamed).toEqual(whole);
      expect(whole.every(Number.isFinite)).toBe(true);
      const energy = (xs: Float32Array) => xs.reduce((sum, x) => sum + x * x, 0);
      const ratioDb = 10 * Math.log10(energy(whole) / energy(input));
      expect(Math.abs(ratioDb), name).toBeLessThan(6);
    }
  });

  it('gives each phrase a neighbouring voice: a pause changes the pitch, within the range', () => {
    const params = variantParams(hopping, 'phrases');
    const phrase = voicedSignal(RATE, 1, 140);
    const pause = new Float32Array(RATE / 2);
    const speech = new Float32Array(3 * phrase.length + 2 * pause.length);
    for (let k = 0; k < 3; k++) speech.set(phrase, k * (phrase.length + pause.length));
    const out = anonymiseSamples(speech, RATE, params);
    const pitches = [0, 1, 2].map((k) => {
      const start = k * (phrase.length + pause.length) + RATE / 4;
      return medianF0(out.subarray(start, start + RATE / 2), RATE)!;
    });
    const spread = Math.max(...pitches.map((p) => Math.abs(centsBetween(pitches[0]!, p))));
    expect(spread).toBeGreaterThan(30);
    expect(spread).toBeLessThan(2 * params.phraseHop.cents + 150);
  });
});
