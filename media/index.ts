/** media/'s public entry: the only module the UI imports from the media pipeline. */
export {
  openLocalDevices,
  MediaAccessError,
  type LocalDevices,
  type LocalDeviceOptions,
  type LocalDeviceSnapshot,
  type MediaAccessProblem,
} from './local-devices';
export {
  STALL_LIMIT_MS,
  type VoiceAnonymiser,
  type VoiceAnonymiserOptions,
  type VoiceFailure,
  type VoiceState,
} from './voice/voice-anonymiser';
export { VOICE_PRESETS, isVoicePreset, type VoicePreset } from './core/voice';
export { exposeVoiceForTests } from './test-hooks';
export { newHearingVoiceSeed } from './voice/seed';
