/**
 * Restoration by the disguise's own parameter family: every processed clip is run through the
 * anonymiser's static inverse (pitch in cents, uniform formant scale, McAdams alpha), with no
 * normalisation, drift or envelope change, then the shared attacker's ignorant attack. The best inverse
 * counts (picked with the answers, so optimistic for the attacker). The grid is coarse and fixed: it was
 * chosen on a couple of keys as the inverses that came closest, and each point costs one attacker run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { anonymiseSamples, staticVoiceParams } from '../../media/core/voice/index.js';
import { ignorantEer } from './shared-attacker.js';
import { writeSet, type DevRecording } from './speech-dev.js';

export type Inverse = { cents: number; scale: number; alpha: number };

export const INVERSE_GRID: Inverse[] = [
  { cents: -300, scale: 0.9, alpha: 1 },
  { cents: -500, scale: 0.85, alpha: 1 },
];

export function familyRestoration(
  setDir: string,
  recordings: DevRecording[],
  processed: Float32Array[],
  work: string,
  grid: Inverse[] = INVERSE_GRID,
): { eer: number; inverse: Inverse } {
  let best = { eer: 1, inverse: grid[0]! };
  for (const inverse of grid) {
    const dir = mkdtempSync(join(work, 'inverse-'));
    const base = staticVoiceParams(inverse.alpha, 0, inverse.cents, inverse.scale);
    // The anonymiser never shifts below `minShiftCents` (0 in the static params): let the inverse go down.
    const params = { ...base, pitch: { ...base.pitch, minShiftCents: inverse.cents } };
    writeSet(
      join(dir, 'set'),
      recordings,
      processed.map((samples, i) => anonymiseSamples(samples, recordings[i]!.sampleRate, params)),
    );
    const eer = ignorantEer(setDir, join(dir, 'set'), join(dir, 'attack'));
    if (eer < best.eer) best = { eer, inverse };
    rmSync(dir, { recursive: true, force: true });
  }
  return best;
}
