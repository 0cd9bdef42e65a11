/**
 * The trainer's concealment demonstration: the camera and microphone of this machine go through the
 * witness's own pipelines (face masking, voice anonymisation) and the trainer sees, side by side, the
 * raw picture (this screen only; nothing here is ever sent anywhere) and what a court would receive,
 * with an attacker's face detector on the latter and a speaker-similarity meter between the voices.
 * The demonstration may also pick what must never protect a witness (masking off, a weak blur, a
 * pitch-only shift), so trainees see why those fail.
 */
import type { MaskStyle } from '../core/face';
import type { DemonstrationVoicePreset, VoicePreset } from '../core/voice';
import type { DemonstrationMaskStyle } from '../face/canvas-masks';
import {
  createDemonstrationMaskingPipeline,
  type DemonstrationMaskingPipeline,
  type FaceMaskingSnapshot,
  type FaceMaskingTuning,
} from '../face/masking-pipeline';
import { openCameraAndMicrophone } from '../outgoing';
import { createVoiceAnonymiser, type VoiceAnonymiser } from '../voice/voice-anonymiser';
import { newHearingVoiceSeed } from '../voice/seed';
import { startAttackerView, type AttackerResult } from './attacker-view';
import { disconnectQuietly, startSimilarityMeter } from './similarity-meter';

export type DemoMaskStyle = MaskStyle | DemonstrationMaskStyle;
export type DemoVoicePreset = VoicePreset | DemonstrationVoicePreset | 'off';
export const DEMO_MASK_STYLES: readonly DemoMaskStyle[] = [
  'solid',
  'pixelate',
  'blur',
  'silhouette',
  'weak-blur',
  'off',
];
export const DEMO_VOICE_PRESETS: readonly DemoVoicePreset[] = [
  'standard',
  'strong',
  'light',
  'pitch-only',
  'off',
];
export type DemoListening = 'none' | 'raw' | 'court';

export type ConcealmentDemoSnapshot = {
  maskStyle: DemoMaskStyle;
  voicePreset: DemoVoicePreset;
  detectorFailure: boolean;
  face: FaceMaskingSnapshot;
  voice: 'starting' | 'disguised' | 'muted' | 'stopped' | 'raw';
  attacker: AttackerResult;
  /** Speaker similarity of the raw and the court's voice, -1..1; null until enough speech. */
  similarity: number | null;
  listening: DemoListening;
  /** Which hearing's disguise is playing: 1 for the first key drawn, +1 for each new one. */
  hearingKey: number;
};

export type ConcealmentDemo = {
  /** The raw camera, for the trainer's own screen only. */
  showRaw(video: HTMLVideoElement | null): void;
  /** What the court receives: the masking pipeline's output. */
  showCourt(video: HTMLVideoElement | null): void;
  showAttackerView(canvas: HTMLCanvasElement | null): void;
  setMaskStyle(style: DemoMaskStyle): void;
  setVoicePreset(preset: DemoVoicePreset): void;
  /**
   * Draws another hearing's secret key: the same preset becomes another voice (every hearing gets its
   * own), and the meter starts over.
   */
  newHearingKey(): void;
  setDetectorFailure(failing: boolean): void;
  listenTo(which: DemoListening): void;
  snapshot(): ConcealmentDemoSnapshot;
  onChange(listener: (snapshot: ConcealmentDemoSnapshot) => void): () => void;
  stop(): void;
};

export async function openConcealmentDemo(
  options: { pseudonym?: string; faceMasking?: FaceMaskingTuning } = {},
): Promise<ConcealmentDemo> {
  const raw = await openCameraAndMicrophone({
    video: { width: { ideal: 640 }, height: { ideal: 480 } },
    audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
  });
  const camera = raw.getVideoTracks()[0];
  const microphone = raw.getAudioTracks()[0];
  if (!camera) throw new Error('no camera');
  const listeners = new Set<(snapshot: ConcealmentDemoSnapshot) => void>();
  const pipeline: DemonstrationMaskingPipeline = createDemonstrationMaskingPipeline(camera, {
    ...options.faceMasking,
    style: 'solid',
    ...(options.pseudonym ? { pseudonym: options.pseudonym } : {}),
  });
  let seed = newHearingVoiceSeed();
  const audio = new AudioContext();
  const rawSource = microphone
    ? audio.createMediaStreamSource(new MediaStream([microphone]))
    : null;
  const rawGain = audio.createGain();
  const courtGain = audio.createGain();
  rawGain.gain.value = courtGain.gain.value = 0;
  rawGain.connect(audio.destination);
  courtGain.connect(audio.destination);
  rawSource?.connect(rawGain);
  let voice: VoiceAnonymiser | null = null;
  let courtSource: AudioNode | null = null;

  let state: ConcealmentDemoSnapshot = {
    maskStyle: 'solid',
    voicePreset: 'standard',
    detectorFailure: false,
    face: pipeline.snapshot(),
    voice: 'starting',
    attacker: { faces: [], scans: 0, ready: false, failed: false },
    similarity: null,
    listening: 'none',
    hearingKey: 1,
  };
  const update = (next: Partial<ConcealmentDemoSnapshot>) => {
    state = { ...state, ...next };
    for (const listener of listeners) listener(state);
  };

  const startVoice = (preset: DemoVoicePreset) => {
    voice?.stop();
    voice = null;
    disconnectQuietly(courtSource, courtGain);
    courtSource = null;
    if (!microphone || !rawSource) return update({ voice: 'muted' });
    if (preset === 'off') {
      courtSource = rawSource;
      courtSource.connect(courtGain);
      return update({ voice: 'raw' });
    }
    const running = createVoiceAnonymiser(microphone, { preset, seed });
    voice = running;
    running.onState((next) => update({ voice: next.phase }));
    courtSource = audio.createMediaStreamSource(new MediaStream([running.outputTrack]));
    courtSource.connect(courtGain);
    update({ voice: running.state().phase });
  };
  startVoice('standard');

  const meter = rawSource ? startSimilarityMeter(audio, rawSource, () => courtSource) : null;
  const attacker = startAttackerView(pipeline.outputTrack.clone(), (result) =>
    update({ attacker: result }),
  );
  const offFace = pipeline.onState((face) => {
    state = { ...state, face };
  });
  const ticker = window.setInterval(
    () => update({ similarity: meter?.similarity() ?? null, face: pipeline.snapshot() }),
    500,
  );
  const attach = (video: HTMLVideoElement | null, track: MediaStreamTrack) => {
    if (!video) return;
    video.muted = true;
    video.srcObject = new MediaStream([track]);
    void video.play().catch(() => undefined);
  };

  return {
    showRaw: (video) => attach(video, camera),
    showCourt: (video) => attach(video, pipeline.outputTrack),
    showAttackerView: (canvas) => attacker.setCanvas(canvas),
    setMaskStyle(style) {
      pipeline.setStyle(style);
      update({ maskStyle: style });
    },
    setVoicePreset(preset) {
      startVoice(preset);
      meter?.reset();
      update({ voicePreset: preset, similarity: null });
    },
    newHearingKey() {
      seed = newHearingVoiceSeed();
      startVoice(state.voicePreset);
      meter?.reset();
      update({ similarity: null, hearingKey: state.hearingKey + 1 });
    },
    setDetectorFailure(failing) {
      pipeline.setDetectorBroken(failing);
      update({ detectorFailure: failing });
    },
    listenTo(which) {
      rawGain.gain.value = which === 'raw' ? 1 : 0;
      courtGain.gain.value = which === 'court' ? 1 : 0;
      if (audio.state !== 'running') void audio.resume();
      update({ listening: which });
    },
    snapshot: () => state,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      window.clearInterval(ticker);
      offFace();
      listeners.clear();
      meter?.stop();
      attacker.stop();
      voice?.stop();
      pipeline.stop();
      void audio.close();
      raw.getTracks().forEach((track) => track.stop());
    },
  };
}
