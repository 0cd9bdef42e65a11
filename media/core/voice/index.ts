/** Voice anonymisation DSP: pure TypeScript, shared by the AudioWorklet, the CLI and the evaluation. */
export { VoiceAnonymiser, LPC_ORDER, MIN_SAMPLE_RATE, MAX_SAMPLE_RATE } from './anonymiser';
export { anonymiseSamples } from './offline';
export {
  VOICE_PRESETS,
  drawVoiceParams,
  isVoicePreset,
  staticVoiceParams,
  pitchOnlyVoiceParams,
  type DemonstrationVoicePreset,
  type VoiceParams,
  type VoicePreset,
} from './params';
