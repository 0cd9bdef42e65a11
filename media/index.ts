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
  joinMediaSession,
  type MediaSessionClient,
  type MediaSessionEvents,
  type MediaSessionOptions,
  type RemoteTrack,
  type LocalTrack,
  type ReceiveStats,
} from './transport/media-session';
export { SignallingRequestError, type SignallingProblem } from './transport/signalling-client';
export {
  connectCourt,
  type CourtConnection,
  type CourtConnectionEvents,
  type CourtConnectionState,
} from './transport/court-connection';
export { openParticipantOutgoing, type Outgoing } from './outgoing';
export {
  openWitnessOutgoing,
  type WitnessOutgoing,
  type WitnessProtection,
} from './witness-outgoing';
export {
  createFaceMaskingPipeline,
  supportsFaceMasking,
  type FaceMaskingOptions,
  type FaceMaskingPipeline,
  type FaceMaskingSnapshot,
  type FaceMaskingTuning,
} from './face/masking-pipeline';
export {
  startPracticeCall,
  PRACTICE_DURATION_MS,
  type PracticeCallRun,
  type PracticeProgress,
} from './practice/practice-call';
export { installFaceDiagnosticsIfAsked } from './face/diagnostics';
export type { MaskStyle, ProtectionReason } from './core/face/index';
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
export {
  openConcealmentDemo,
  DEMO_MASK_STYLES,
  DEMO_VOICE_PRESETS,
  type ConcealmentDemo,
  type ConcealmentDemoSnapshot,
  type DemoListening,
  type DemoMaskStyle,
  type DemoVoicePreset,
} from './trainer/concealment-demo';
export {
  DIFFERENT_SPEAKER_BELOW,
  SAME_SPEAKER_AT,
  similarityReading,
  type SimilarityReading,
} from './core/voice/speaker-similarity';
