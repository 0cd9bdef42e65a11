import type { DemonstrationVoicePreset, VoicePreset } from '../core/voice';

/** The AudioWorklet processor's registered name. */
export const VOICE_PROCESSOR_NAME = 'incamera-voice-anonymiser';

export type VoiceProcessorOptions = {
  preset: VoicePreset | DemonstrationVoicePreset;
  seed: string;
};

/** Processor -> page. */
export type VoiceProcessorReport =
  | { type: 'ready' }
  /** Sent about every 20 ms while the DSP produces output; `level` is the output's RMS. */
  | { type: 'alive'; level: number };

/** Page -> processor: only for tests and trainers' demonstrations of the fail-closed guard. */
export type VoiceProcessorCommand = { type: 'break'; mode: 'throw' | 'stall' };
