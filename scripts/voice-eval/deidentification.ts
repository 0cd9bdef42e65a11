/**
 * The attacker's equal error rates for `npm run eval:voice`: original vs anonymised, anonymised vs
 * anonymised, and after restoration (a search over the inverse of the McAdams/VTLN/formant-scale/F0
 * family, and the exact inverse of the seed's static parameters).
 */
import {
  anonymiseSamples,
  staticVoiceParams,
  type VoiceParams,
} from '../../media/core/voice/index.js';
import { segmentRecording, type Recording } from './corpus.js';
import { equalErrorRate, scoreTrials, segmentStatistics, type Trial } from './speaker-attack.js';
import { anonymiseAfterWarmUp } from './warm-up.js';

const SEGMENT_SECONDS = 1;

export type SegmentSet = { speakers: string[]; stats: Float64Array[] };
export type Restoration = {
  search: {
    eer: number;
    alpha: number;
    beta: number;
    cents: number;
    scale: number;
    tried: number;
  };
  exact: number;
};

export const describeTrials = (trials: Trial[]) =>
  `${trials.filter((t) => t.target).length} target + ${trials.filter((t) => !t.target).length} non-target trials`;

export function createAttack(recordings: Recording[], warm = true) {
  const statistics = (processed: Float32Array[]): SegmentSet => {
    const segments = recordings.flatMap((recording, index) =>
      segmentRecording(recording, processed[index]!, SEGMENT_SECONDS),
    );
    return { speakers: segments.map((s) => s.speaker), stats: segments.map(segmentStatistics) };
  };
  /** Cold: each file from a fresh anonymiser (what the restoration's static inverse needs). */
  const anonymiseAll = (params: VoiceParams, inputs: Float32Array[]) =>
    inputs.map((samples, index) =>
      anonymiseSamples(samples, recordings[index]!.sampleRate, params),
    );
  /** The anonymised speech the attacker is given: after all of the speaker's speech, unless `warm` is false. */
  const anonymiseSpeech = (params: VoiceParams) => {
    const inputs = recordings.map((r) => r.samples);
    if (!warm) return anonymiseAll(params, inputs);
    return recordings.map((recording, index) => {
      const sameVoice = recordings.flatMap((r, i) =>
        r.speaker === recording.speaker && r.sampleRate === recording.sampleRate
          ? [inputs[i]!]
          : [],
      );
      return anonymiseAfterWarmUp(sameVoice, inputs[index]!, recording.sampleRate, params);
    });
  };
  const original = statistics(recordings.map((r) => r.samples));
  /** Enrolment on the original speech, trials on `other` (z-normalised over both). */
  const crossTrials = (other: SegmentSet) =>
    scoreTrials(
      original.stats,
      other.stats,
      original.speakers,
      [...original.stats, ...other.stats],
      false,
    );
  const withinTrials = (set: SegmentSet) =>
    scoreTrials(set.stats, set.stats, set.speakers, set.stats, true);

  const restorationEer = (anonymised: Float32Array[], params: VoiceParams) =>
    equalErrorRate(crossTrials(statistics(anonymiseAll(params, anonymised))));

  /** The best inverse found (picked with the answers, so optimistic for the attacker) and the exact one. */
  function restore(anonymised: Float32Array[], truth: VoiceParams): Restoration {
    const exact = restorationEer(
      anonymised,
      staticVoiceParams(
        1 / truth.mcAdamsAlpha,
        -truth.vtlnBeta,
        -truth.pitchCents,
        1 / truth.formantScale,
      ),
    );
    let best = { eer: 1, alpha: 1, beta: 0, cents: 0, scale: 1 };
    let tried = 0;
    const tryInverse = (alpha: number, beta: number, cents: number, scale: number) => {
      tried++;
      const eer = restorationEer(anonymised, staticVoiceParams(alpha, beta, cents, scale));
      if (eer < best.eer) best = { eer, alpha, beta, cents, scale };
    };
    for (let cents = -500; cents <= 500; cents += 100)
      for (const [alpha, scale] of [
        [0.8, 1],
        [1, 1],
        [1.25, 1],
        [1, 0.8],
        [1, 0.9],
      ] as const)
        tryInverse(alpha, 0, cents, scale);
    const coarse = { ...best };
    for (const alpha of [0.9, 1.1]) tryInverse(coarse.alpha * alpha, 0, coarse.cents, coarse.scale);
    for (const scale of [0.95, 1.05])
      tryInverse(best.alpha, 0, best.cents, Math.min(1.1, best.scale * scale));
    for (const beta of [-0.12, -0.06, 0.06, 0.12])
      tryInverse(best.alpha, beta, best.cents, best.scale);
    for (const cents of [best.cents - 50, best.cents + 50])
      tryInverse(best.alpha, best.beta, cents, best.scale);
    return { search: { ...best, tried }, exact };
  }

  return {
    originalTrials: () => withinTrials(original),
    anonymiseSpeech,
    statistics,
    crossTrials,
    withinTrials,
    restore,
  };
}
