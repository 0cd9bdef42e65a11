/**
 * The one seam through which a protected witness's media leaves this machine. The camera goes
 * through face masking, the microphone through voice anonymisation; only their outputs are sent
 * (appData.source 'processed', which the host insists on). Fail closed: when a pipeline is missing
 * or cannot start, that track is replaced by black frames or silence, never the raw device. Where the
 * order allows no picture (or none that media/ can draw yet), the camera is not even opened: a
 * generated card is sent in its place (witness-picture.ts).
 */
import type {
  WitnessPicture,
  WitnessPipelineState,
  WitnessProtectionOrder,
} from '../contract/signalling';
import { pipelineStyleForOrder, PictureSummary, type MaskStyle } from './core/face/index';
import { cardTrack } from './witness-picture';
import type { VoicePreset } from './core/voice';
import {
  createFaceMaskingPipeline,
  type FaceMaskingPipeline,
  type FaceMaskingTuning,
} from './face/masking-pipeline';
import { openCameraAndMicrophone, type Outgoing } from './outgoing';
import { exposeWitnessPipelinesForTests } from './test-hooks';
import { newHearingVoiceSeed } from './voice/seed';
import { createVoiceAnonymiser, type VoiceAnonymiser } from './voice/voice-anonymiser';

export type WitnessProtection = {
  /**
   * masked: faces masked; whole-frame: the picture hidden (the detector is unsure, or the order's
   * style is not drawn yet); blocked: no masking; no-picture: the order allows no picture at all.
   */
  video: 'masked' | 'whole-frame' | 'blocked' | 'no-picture';
  /** The ordered mask style while masking runs (the label says what is done: silhouette, blur …). */
  style: MaskStyle | null;
  audio: 'anonymised' | 'silenced';
};

export type WitnessOutgoingOptions = {
  pseudonym: string;
  /** The court's order for this witness (from the host); missing: solid mask, standard voice. */
  protection?: WitnessProtectionOrder | undefined;
  /** The no-picture card's lines ("testimony excluding visual observation" in the court's languages). */
  noPictureCard?: readonly string[];
  /** The face detector's tuning (lab builds add their observer here). */
  faceMasking?: FaceMaskingTuning;
};

export type WitnessOutgoing = Outgoing & {
  protection(): WitnessProtection;
  /** Whether each pipeline runs, starts or has failed: reported to the host for the judge. */
  pipelineState(): WitnessPipelineState;
  /** Whether the camera and the microphone opened and still deliver (the practice call checks). */
  devices(): { camera: boolean; microphone: boolean };
};

export async function openWitnessOutgoing(
  options: WitnessOutgoingOptions,
): Promise<WitnessOutgoing> {
  const picture = pipelineStyleForOrder(options.protection?.faceStyle ?? 'solid');
  const raw = await openCameraAndMicrophone({
    // No camera frame may leave where the order allows no picture: the camera stays closed.
    video: picture.kind === 'masked' ? { width: { ideal: 640 }, height: { ideal: 480 } } : false,
    audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
  });
  const video =
    picture.kind === 'masked'
      ? maskedVideo(raw.getVideoTracks()[0], {
          ...options.faceMasking,
          pseudonym: options.pseudonym,
          style: picture.style,
        })
      : cardVideo(options.pseudonym, options.noPictureCard ?? []);
  const audio = anonymisedVoice(raw.getAudioTracks()[0], {
    preset: options.protection?.voicePreset ?? 'standard',
    seed: options.protection?.voiceSeed ?? newHearingVoiceSeed(),
  });
  /** The mask style now drawn: the order's, then a varied order's (changed in place). */
  let style = picture.kind === 'masked' ? picture.style : null;
  const protection = (): WitnessProtection => ({
    video: video.protection(),
    style,
    audio: audio.protection(),
  });
  exposeWitnessPipelinesForTests({ breakFace: video.breakForTest, breakVoice: audio.breakForTest });
  return {
    tracks: [
      { track: video.track, appData: { source: 'processed' } },
      { track: audio.track, appData: { source: 'processed' } },
    ],
    previewTrack: video.track,
    protection,
    pipelineState: () => ({
      video: video.health(),
      audio: audio.health(),
      picture: video.picture(),
    }),
    devices: () => ({
      camera: raw.getVideoTracks().some((track) => track.readyState === 'live'),
      microphone: raw.getAudioTracks().some((track) => track.readyState === 'live'),
    }),
    applyProtection(order) {
      const next = pipelineStyleForOrder(order.faceStyle);
      const sameVoice =
        order.voicePreset === (options.protection?.voicePreset ?? 'standard') &&
        order.voiceSeed === options.protection?.voiceSeed;
      // A new voice preset, or a picture of another kind, needs the pipelines opened again.
      if (!sameVoice || next.kind !== 'masked' || picture.kind !== 'masked') return 'reopen';
      if (!video.setStyle?.(next.style)) return 'reopen';
      style = next.style;
      return 'applied';
    },
    stop() {
      video.stop();
      audio.stop();
      raw.getTracks().forEach((track) => track.stop());
    },
  };
}

type PipelineOutput<P> = {
  track: MediaStreamTrack;
  /** Changes the mask's style in place; false where this output cannot (no masking pipeline). */
  setStyle?(style: MaskStyle): boolean;
  protection(): P;
  health(): WitnessPipelineState['video'];
  /** What the court receives of the picture (video only; audio answers undefined). */
  picture(): WitnessPicture | undefined;
  breakForTest(): void;
  stop(): void;
};

/** The camera through face masking (which itself hides whole frames while unsure), else black. */
function maskedVideo(
  camera: MediaStreamTrack | undefined,
  options: FaceMaskingTuning & { pseudonym: string; style: MaskStyle },
): PipelineOutput<WitnessProtection['video']> {
  let pipeline: FaceMaskingPipeline | undefined;
  try {
    if (camera) pipeline = createFaceMaskingPipeline(camera, options);
  } catch {
    pipeline = undefined;
  }
  if (pipeline) {
    const running = pipeline;
    // What the court is told it sees: the style now drawn (a varied order changes it in place).
    let summary = new PictureSummary(options.style);
    return {
      track: running.outputTrack,
      picture: () => {
        const snapshot = running.snapshot();
        return summary.observe(performance.now(), snapshot, snapshot.mode === 'whole-frame');
      },
      protection: () => (running.snapshot().mode === 'masking-faces' ? 'masked' : 'whole-frame'),
      health: () => {
        const snapshot = running.snapshot();
        if (snapshot.detectorFailed || snapshot.reason === 'detector-error') return 'failed';
        return snapshot.reason === 'detector-loading' ? 'starting' : 'running';
      },
      breakForTest: () => running.setDetectorBroken(true),
      setStyle: (style) => {
        running.setStyle(style);
        summary = new PictureSummary(style);
        return true;
      },
      stop: () => running.stop(),
    };
  }
  const black = blackFrames();
  return {
    track: black.track,
    protection: () => 'blocked',
    picture: () => 'blocked',
    health: () => 'failed',
    breakForTest: () => undefined,
    stop: black.stop,
  };
}

/** A card in place of the camera: the order's no-picture notice and the pseudonym. */
function cardVideo(
  pseudonym: string,
  noPictureLines: readonly string[],
): PipelineOutput<WitnessProtection['video']> {
  const card = cardTrack({ lines: noPictureLines, pseudonym });
  return {
    track: card.track,
    protection: () => 'no-picture',
    picture: () => 'no-picture',
    health: () => 'running',
    breakForTest: () => undefined,
    stop: card.stop,
  };
}

/** The microphone through the voice anonymiser (silent whenever its DSP is not running), else silence. */
function anonymisedVoice(
  microphone: MediaStreamTrack | undefined,
  settings: { preset: VoicePreset; seed: string },
): PipelineOutput<WitnessProtection['audio']> {
  let voice: VoiceAnonymiser | undefined;
  try {
    if (microphone) voice = createVoiceAnonymiser(microphone, settings);
  } catch {
    voice = undefined;
  }
  if (voice) {
    const running = voice;
    return {
      track: running.outputTrack,
      picture: () => undefined,
      protection: () => (running.state().phase === 'disguised' ? 'anonymised' : 'silenced'),
      health: () => {
        const phase = running.state().phase;
        return phase === 'disguised' ? 'running' : phase === 'starting' ? 'starting' : 'failed';
      },
      breakForTest: () => running.breakForTest('throw'),
      stop: () => running.stop(),
    };
  }
  const quiet = silence();
  return {
    track: quiet.track,
    protection: () => 'silenced',
    picture: () => undefined,
    health: () => 'failed',
    breakForTest: () => undefined,
    stop: quiet.stop,
  };
}

/** A 640x480 black video track (the fail-closed picture). */
export function blackFrames(): { track: MediaStreamTrack; stop(): void } {
  const canvas = document.createElement('canvas');
  canvas.width = 640;
  canvas.height = 480;
  const context = canvas.getContext('2d')!;
  const paint = () => {
    context.fillStyle = '#000';
    context.fillRect(0, 0, canvas.width, canvas.height);
  };
  paint();
  const timer = window.setInterval(paint, 200);
  const track = canvas.captureStream(5).getVideoTracks()[0]!;
  return {
    track,
    stop() {
      window.clearInterval(timer);
      track.stop();
    },
  };
}

/** A silent audio track (the fail-closed voice). */
export function silence(): { track: MediaStreamTrack; stop(): void } {
  const context = new AudioContext();
  const destination = context.createMediaStreamDestination();
  const track = destination.stream.getAudioTracks()[0]!;
  return {
    track,
    stop() {
      track.stop();
      void context.close();
    },
  };
}
