import { autocorrelate, levinson, polynomialFromRoots, polynomialRoots, type Roots } from './lpc';
import { ExcitationShifter } from './excitation';
import { F0Mapping } from './f0-mapping';
import { F0Tracker } from './f0-tracker';
import { LevelNormaliser } from './level';
import { LongTermNormaliser } from './long-term';
import { TractLengthEstimator } from './tract-length';
import type { VoiceParams } from './params';
import { hashSeed } from './prng';
import { PhraseHop } from './phrase-hop';
import { SyntheticExcitation } from './synthetic-excitation';
import { warpPoles, type FrameWarp } from './warp';

export const LPC_ORDER = 20;
export const MIN_SAMPLE_RATE = 8_000;
export const MAX_SAMPLE_RATE = 96_000;
const MAX_PITCH_RATIO = 1.45;
const SILENCE_ENERGY = 1e-9;
const CLIP_KNEE = 0.8;
const MIN_FORMANT_SCALE = 0.8;
const MAX_FORMANT_SCALE = 1.4;
const ENVELOPE_SMOOTHING_HZ = 60;

/**
 * The voice anonymiser as a stream: block in, block out, any block size, state kept between blocks.
 * Per 20 ms frame (10 ms hop): LPC analysis, the excitation (LPC residual) resampled for the F0 shift,
 * the poles warped (McAdams, VTLN, a uniform formant scale, timbre, bandwidth), resynthesis, energy
 * matched, overlap-add.
 * Output sample j is input sample j - delaySamples processed, so the algorithmic delay is one frame.
 */
export class VoiceAnonymiser {
  readonly sampleRate: number;
  readonly frameLength: number;
  readonly hop: number;
  readonly delaySamples: number;
  private readonly params: VoiceParams;
  private readonly analysisWindow: Float64Array;
  private readonly sqrtWindow: Float64Array;
  private readonly history: Float64Array;
  private readonly pending: Float64Array;
  private readonly overlap: Float64Array;
  private readonly ready: Float64Array;
  private readonly frame: Float64Array;
  private readonly residual: Float64Array;
  private readonly excitation: Float64Array;
  private readonly synthesis: Float64Array;
  private readonly correlation = new Float64Array(LPC_ORDER + 1);
  private readonly predictor = new Float64Array(LPC_ORDER + 1);
  private readonly warpedPredictor = new Float64Array(LPC_ORDER + 1);
  private readonly scratch = new Float64Array(LPC_ORDER + 1);
  private readonly roots: Roots = {
    re: new Float64Array(LPC_ORDER),
    im: new Float64Array(LPC_ORDER),
  };
  private readonly warpedRoots: Roots = {
    re: new Float64Array(LPC_ORDER),
    im: new Float64Array(LPC_ORDER),
  };
  private readonly shifter: ExcitationShifter;
  private readonly longTerm: LongTermNormaliser;
  private readonly f0: F0Tracker;
  private readonly tract: TractLengthEstimator;
  private readonly synthetic: SyntheticExcitation | null;
  private readonly f0Mapping = new F0Mapping();
  private readonly phraseHop: PhraseHop;
  private readonly level: LevelNormaliser;
  private readonly dcCoefficient: number;
  /**
   * With a synthetic excitation the envelope is smoothed over ~`ENVELOPE_SMOOTHING_HZ`, so that a high
   * voice's harmonics (which a 20 ms predictor resolves) do not carry its own pitch into the output.
   */
  private readonly lagWindow: number;
  private dcInput = 0;
  private dcOutput = 0;
  private hopPosition = 0;
  private rootsConverged = false;
  private frameIndex = 0;

  constructor(sampleRate: number, params: VoiceParams) {
    if (!(sampleRate >= MIN_SAMPLE_RATE && sampleRate <= MAX_SAMPLE_RATE)) {
      throw new RangeError(
        `sample rate ${sampleRate} Hz is outside ${MIN_SAMPLE_RATE}-${MAX_SAMPLE_RATE} Hz`,
      );
    }
    this.sampleRate = sampleRate;
    this.params = params;
    this.hop = Math.round(sampleRate * 0.01);
    this.frameLength = 2 * this.hop;
    this.delaySamples = this.frameLength;
    const n = this.frameLength;
    this.analysisWindow = new Float64Array(n);
    this.sqrtWindow = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const hann = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / n);
      this.analysisWindow[i] = hann;
      this.sqrtWindow[i] = Math.sqrt(hann);
    }
    this.shifter = new ExcitationShifter(sampleRate, n, this.hop);
    this.longTerm = new LongTermNormaliser(
      sampleRate,
      n,
      params.longTerm.tilt,
      params.longTerm.strength,
    );
    this.f0 = new F0Tracker(sampleRate);
    this.tract = new TractLengthEstimator(sampleRate);
    this.synthetic = params.excitation.synthetic
      ? new SyntheticExcitation(sampleRate, n, this.hop, hashSeed(JSON.stringify(params.drift)))
      : null;
    this.phraseHop = new PhraseHop(
      params.phraseHop.scale,
      params.phraseHop.cents,
      hashSeed(`phrase:${JSON.stringify(params.drift)}`),
    );
    this.level = new LevelNormaliser(
      params.level.compression,
      params.level.gateDb,
      params.level.expansion,
    );
    this.history = new Float64Array(
      Math.max(this.shifter.span(MAX_PITCH_RATIO) + LPC_ORDER + 4, this.f0.span, this.tract.span),
    );
    this.pending = new Float64Array(this.hop);
    this.overlap = new Float64Array(n);
    this.ready = new Float64Array(this.hop);
    this.frame = new Float64Array(n);
    this.residual = new Float64Array(this.history.length);
    this.excitation = new Float64Array(n);
    this.synthesis = new Float64Array(n);
    this.dcCoefficient = 1 - (2 * Math.PI * 40) / sampleRate;
    this.lagWindow = params.excitation.synthetic
      ? (2 * Math.PI * ENVELOPE_SMOOTHING_HZ) / sampleRate
      : 0.0025;
  }

  /** Processes input into output (same length; they may be the same array). */
  process(input: Float32Array, output: Float32Array): void {
    if (output.length < input.length) throw new RangeError('output is shorter than input');
    for (let i = 0; i < input.length; i++) {
      const raw = input[i]!;
      const x = Number.isFinite(raw) ? Math.max(-4, Math.min(4, raw)) : 0;
      // One-pole DC blocker: offsets and rumble carry no speech and upset the predictor.
      this.dcOutput = x - this.dcInput + this.dcCoefficient * this.dcOutput;
      this.dcInput = x;
      output[i] = softClip(this.ready[this.hopPosition]!);
      this.pending[this.hopPosition] = this.dcOutput;
      this.hopPosition++;
      if (this.hopPosition === this.hop) {
        this.hopPosition = 0;
        this.processFrame();
      }
    }
  }

  /** The running per-speaker estimates (for the evaluation's checks; never sent anywhere). */
  speakerEstimates(): { formantHz: number; meanF0: number | null } {
    return { formantHz: this.tract.formantHz(), meanF0: this.f0.meanF0() };
  }

  reset(): void {
    this.history.fill(0);
    this.overlap.fill(0);
    this.ready.fill(0);
    this.residual.fill(0);
    this.shifter.reset();
    this.longTerm.reset();
    this.f0.reset();
    this.tract.reset();
    this.synthetic?.reset();
    this.f0Mapping.reset();
    this.phraseHop.reset();
    this.level.reset();
    this.rootsConverged = false;
    this.dcInput = 0;
    this.dcOutput = 0;
    this.hopPosition = 0;
    this.frameIndex = 0;
  }

  private processFrame(): void {
    const { history, hop, frameLength: n } = this;
    const length = history.length;
    history.copyWithin(0, hop);
    history.set(this.pending, length - hop);

    let targetEnergy = 0;
    for (let i = 0; i < n; i++) {
      const value = history[length - n + i]! * this.analysisWindow[i]!;
      this.frame[i] = value;
      targetEnergy += value * value;
    }
    const speech = targetEnergy > SILENCE_ENERGY * n;
    // Every other hop is plenty for a mean with a 2 s time constant; a synthetic excitation needs each.
    const meanHop = this.frameIndex % 2 === 0;
    if (!speech) this.f0.silence();
    else if (this.synthetic || meanHop) this.f0.update(history, length, meanHop);
    if (speech && meanHop && this.f0.voiced && this.params.tract.normalisation > 0) {
      this.tract.update(history, length);
    }
    if (this.synthetic || meanHop)
      this.phraseHop.advance(speech && this.f0.voiced, this.frameIndex);
    const warp = this.frameWarp();
    if (this.synthetic) {
      const f0 = this.f0Mapping.map(
        this.f0.lastF0,
        this.f0.meanF0(),
        warp.targetF0,
        this.params.excitation.range,
      );
      this.synthetic.advance(f0, this.params.excitation.breathiness);
    }
    if (speech && this.level.active) targetEnergy = this.level.map(targetEnergy, this.f0.voiced);
    if (speech) this.synthesiseFrame(warp, targetEnergy);
    this.frameIndex++;

    for (let i = 0; i < hop; i++) this.ready[i] = this.overlap[i]!;
    this.overlap.copyWithin(0, hop);
    this.overlap.fill(0, n - hop);
  }

  private synthesiseFrame(warp: FrameWarp & { ratio: number }, targetEnergy: number): void {
    const { frameLength: n, predictor: a, warpedPredictor: b } = this;
    autocorrelate(this.frame, LPC_ORDER, this.correlation, this.lagWindow);
    levinson(this.correlation, LPC_ORDER, a, this.scratch);
    this.rootsConverged =
      (this.rootsConverged && polynomialRoots(a, LPC_ORDER, this.roots, true)) ||
      polynomialRoots(a, LPC_ORDER, this.roots, false);
    const warped =
      this.rootsConverged &&
      warpPoles(this.roots, LPC_ORDER, this.sampleRate, warp, this.warpedRoots);
    if (warped) polynomialFromRoots(this.warpedRoots, LPC_ORDER, b, this.scratch);
    else b.set(a);

    const excitation = this.excitation;
    const sqrtWindow = this.sqrtWindow;
    if (this.synthetic) this.synthetic.read(excitation);
    else this.shiftResidual(warp.ratio);
    let energy = 0;
    const y = this.synthesis;
    for (let i = 0; i < LPC_ORDER; i++) {
      let value = excitation[i]! * sqrtWindow[i]!;
      for (let k = 1; k <= i; k++) value -= b[k]! * y[i - k]!;
      y[i] = value;
    }
    for (let i = LPC_ORDER; i < n; i++) {
      let value = excitation[i]! * sqrtWindow[i]!;
      for (let k = 1; k <= LPC_ORDER; k++) value -= b[k]! * y[i - k]!;
      y[i] = value;
    }
    this.longTerm.apply(y, this.analysisWindow);
    for (let i = 0; i < n; i++) {
      const value = y[i]! * this.sqrtWindow[i]!;
      y[i] = value;
      energy += value * value;
    }
    if (!(energy > 0) || !Number.isFinite(energy)) return;
    const gain = Math.sqrt(targetEnergy / energy);
    for (let i = 0; i < n; i++) this.overlap[i] = this.overlap[i]! + gain * y[i]!;
  }

  /** The speaker's own excitation (the LPC residual), resampled for the F0 shift, into `excitation`. */
  private shiftResidual(ratio: number): void {
    const { history, predictor: a } = this;
    const length = history.length;
    const slide = this.shifter.align(history, length, ratio);
    const first = Math.max(LPC_ORDER, this.shifter.firstIndex(length, ratio, slide));
    const residual = this.residual;
    for (let i = first; i < length; i++) {
      let e = 0;
      for (let k = 0; k <= LPC_ORDER; k++) e += a[k]! * history[i - k]!;
      residual[i] = e;
    }
    this.shifter.render(residual, history, length, ratio, slide, this.excitation);
  }

  private frameWarp(): FrameWarp & { ratio: number; targetF0: number } {
    const { drift } = this.params;
    const seconds = (this.frameIndex * this.hop) / this.sampleRate;
    const wave = (k: number) =>
      Math.sin(2 * Math.PI * (drift.ratesHz[k] ?? 0) * seconds + (drift.phases[k] ?? 0));
    const alphaDrift = 0.7 * wave(0) + 0.3 * wave(2);
    const betaDrift = 0.7 * wave(1) + 0.3 * wave(0);
    const centsDrift = 0.7 * wave(2) + 0.3 * wave(1);
    const cents =
      this.params.pitchCents + drift.cents * centsDrift + 1200 * Math.log2(this.phraseHop.f0Factor);
    const ratio = this.pitchRatio(cents);
    // The formants follow this speaker's own pitch change, and are pulled toward the vocal tract that
    // goes with the reference pitch, as a uniform scale of ratio^follow * (reference / mean F0)^
    // normalisation on top of the hearing's: a consistent other voice, not a robot, and a different
    // scale for every speaker, so no single global inverse restores them all.
    const { formantFollow, formantNormalisation, referenceHz } = this.params.pitch;
    const mean = this.f0.meanF0();
    const { targetHz, normalisation } = this.params.tract;
    const hop = this.phraseHop.scale(targetHz >= this.tract.formantHz() ? 1 : -1);
    const scale =
      Math.pow(ratio, formantFollow) *
      (mean === null ? 1 : Math.pow(referenceHz / mean, formantNormalisation)) *
      Math.pow(targetHz / this.tract.formantHz(), normalisation);
    return {
      alpha: this.params.mcAdamsAlpha * (1 + drift.alpha * alphaDrift),
      beta: this.params.vtlnBeta + drift.beta * betaDrift,
      scale: Math.min(
        MAX_FORMANT_SCALE,
        Math.max(MIN_FORMANT_SCALE, this.params.formantScale * hop * scale),
      ),
      bandwidthFactor: this.params.bandwidthFactor,
      timbre: this.params.timbre,
      ratio,
      targetF0: this.params.pitch.referenceHz * Math.pow(2, cents / 1200),
    };
  }

  /**
   * F0 normalisation then shift: the speaker's running mean F0 is pulled toward a common reference
   * (by `normalisation`, 0..1) and the hearing's shift applied, always upward and never less than
   * `minShiftCents` above the speaker's own pitch (drift included). Speakers' pitches converge, so no
   * single inverse shift restores them. A fixed direction means a voice near the hearing's target is
   * never flipped between above and below its own pitch as drift or the running mean move.
   */
  private pitchRatio(cents: number): number {
    const { normalisation, referenceHz, minShiftCents } = this.params.pitch;
    const mean = this.f0.meanF0();
    const normalising = mean === null ? 0 : 1200 * normalisation * Math.log2(referenceHz / mean);
    const shift = Math.max(minShiftCents, cents + normalising);
    return Math.min(MAX_PITCH_RATIO - 0.01, Math.pow(2, shift / 1200));
  }
}

/** Transparent below the knee, then bends smoothly so nothing ever reaches full scale. */
function softClip(value: number): number {
  const magnitude = Math.abs(value);
  if (magnitude <= CLIP_KNEE) return value;
  const headroom = 0.99 - CLIP_KNEE;
  return Math.sign(value) * (CLIP_KNEE + headroom * Math.tanh((magnitude - CLIP_KNEE) / headroom));
}
