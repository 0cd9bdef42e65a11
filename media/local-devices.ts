/**
 * The witness's camera and microphone, opened on this machine. The raw tracks stay inside media/:
 * the UI gets a preview attached to its <video> and plain snapshots of the device state.
 */
import {
  createVoiceAnonymiser,
  type VoiceAnonymiser,
  type VoiceAnonymiserOptions,
} from './voice/voice-anonymiser';

export type MediaAccessProblem = 'denied' | 'notFound' | 'busy' | 'insecure' | 'other';

export class MediaAccessError extends Error {
  constructor(
    readonly problem: MediaAccessProblem,
    detail: string,
  ) {
    super(detail);
    this.name = 'MediaAccessError';
  }
}

export type LocalDeviceSnapshot = {
  videoLabel: string | null;
  width: number | null;
  height: number | null;
  audioLabel: string | null;
};

export type LocalDevices = {
  snapshot(): LocalDeviceSnapshot;
  /** Root-mean-square level of the microphone, 0..1. */
  level(): number;
  /** The raw camera track, to feed createFaceMaskingPipeline; never send or show it as is. */
  cameraTrack(): MediaStreamTrack | null;
  /**
   * Starts the voice anonymiser on the microphone. Its output track is the only audio to send; the raw
   * microphone track never leaves media/.
   */
  anonymiseVoice(options: VoiceAnonymiserOptions): VoiceAnonymiser | null;
  stop(): void;
};

export type LocalDeviceOptions = {
  /** Courts choose; the voice pipeline measures with these off. */
  echoCancellation?: boolean;
  noiseSuppression?: boolean;
  autoGainControl?: boolean;
};

export async function openLocalDevices(options: LocalDeviceOptions = {}): Promise<LocalDevices> {
  if (!window.isSecureContext || !navigator.mediaDevices?.getUserMedia) {
    throw new MediaAccessError('insecure', 'getUserMedia is only available in a secure context');
  }
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      video: { width: { ideal: 1280 }, height: { ideal: 720 }, frameRate: { ideal: 30 } },
      audio: {
        echoCancellation: options.echoCancellation ?? true,
        noiseSuppression: options.noiseSuppression ?? true,
        autoGainControl: options.autoGainControl ?? true,
      },
    });
  } catch (error) {
    throw classifyAccessError(error);
  }
  const meter = createLevelMeter(stream);
  let voice: VoiceAnonymiser | null = null;

  return {
    snapshot() {
      const video = stream.getVideoTracks()[0];
      const audio = stream.getAudioTracks()[0];
      const settings = video?.getSettings();
      return {
        videoLabel: video && video.readyState === 'live' ? video.label || 'camera' : null,
        width: settings?.width ?? null,
        height: settings?.height ?? null,
        audioLabel: audio && audio.readyState === 'live' ? audio.label || 'microphone' : null,
      };
    },
    level: meter.level,
    cameraTrack: () => stream.getVideoTracks()[0] ?? null,
    anonymiseVoice(voiceOptions) {
      const microphone = stream.getAudioTracks()[0];
      if (!microphone) return null;
      voice?.stop();
      voice = createVoiceAnonymiser(microphone, voiceOptions);
      return voice;
    },
    stop() {
      voice?.stop();
      voice = null;
      meter.close();
      for (const track of stream.getTracks()) track.stop();
    },
  };
}

function createLevelMeter(stream: MediaStream) {
  if (stream.getAudioTracks().length === 0) return { level: () => 0, close: () => undefined };
  const context = new AudioContext();
  const analyser = context.createAnalyser();
  analyser.fftSize = 1024;
  context.createMediaStreamSource(stream).connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  return {
    level() {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const sample of samples) sum += sample * sample;
      return Math.sqrt(sum / samples.length);
    },
    close: () => void context.close(),
  };
}

export function classifyAccessError(error: unknown): MediaAccessError {
  const name = error instanceof DOMException ? error.name : '';
  const detail = error instanceof Error ? error.message : String(error);
  if (name === 'NotAllowedError' || name === 'SecurityError')
    return new MediaAccessError('denied', detail);
  if (name === 'NotFoundError' || name === 'OverconstrainedError')
    return new MediaAccessError('notFound', detail);
  if (name === 'NotReadableError' || name === 'AbortError')
    return new MediaAccessError('busy', detail);
  return new MediaAccessError('other', detail);
}
