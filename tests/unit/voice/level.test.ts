import { describe, expect, it } from 'vitest';
import { anonymiseSamples, drawVoiceParams } from '../../../media/core/voice';
import { LevelNormaliser } from '../../../media/core/voice/level';
import { voicedSignal } from './signals';

const RATE = 16_000;
const db = (energy: number) => 10 * Math.log10(energy);

describe('level normaliser', () => {
  it("compresses the loudness contour around the speaker's voiced level and gates the floor", () => {
    const level = new LevelNormaliser(0.5, 25, 2);
    for (let i = 0; i < 200; i++) level.map(1, true);
    // A frame 10 dB above the level comes out 5 dB above it; 10 dB below, 5 dB below.
    expect(db(level.map(10, false))).toBeCloseTo(5, 5);
    expect(db(level.map(0.1, false))).toBeCloseTo(-5, 5);
    // 35 dB below: 10 dB under the gate, so 17.5 (compressed) + 2 x 10 (expanded) dB down.
    expect(db(level.map(10 ** -3.5, false))).toBeCloseTo(-37.5, 5);
  });

  it('is off in the presets unless set, and set it keeps a stream finite and its level near', () => {
    const params = drawVoiceParams('level', 'standard');
    expect(new LevelNormaliser(params.level.compression, params.level.gateDb, 2).active).toBe(
      false,
    );
    const input = voicedSignal(RATE, 1, 130);
    const levelled = { ...params, level: { compression: 0.6, gateDb: 25, expansion: 2 } };
    const output = anonymiseSamples(input, RATE, levelled);
    expect(output.every(Number.isFinite)).toBe(true);
    const energy = (xs: Float32Array) => xs.reduce((sum, x) => sum + x * x, 0);
    expect(Math.abs(db(energy(output) / energy(input)))).toBeLessThan(6);
  });
});
