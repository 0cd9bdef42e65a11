import type { LocalDeviceOptions } from '../../../media';

const PROCESSING_KEY = 'incamera:microphone-processing';

/**
 * The court's choice of browser microphone processing (echo cancellation, noise suppression, auto
 * gain), kept on this machine. 'off' turns all three off, as when measuring the voice pipeline.
 */
export function microphoneProcessingPreference(): LocalDeviceOptions {
  let value: string | null;
  try {
    value = window.localStorage.getItem(PROCESSING_KEY);
  } catch {
    value = null;
  }
  if (value !== 'off') return {};
  return { echoCancellation: false, noiseSuppression: false, autoGainControl: false };
}
