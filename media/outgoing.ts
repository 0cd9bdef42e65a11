/**
 * What a participant sends. Ordinary participants (judge, counsel) send their camera and
 * microphone. A protected witness sends only what witness-outgoing.ts makes of them.
 */
import type { WitnessPipelineState, WitnessProtectionOrder } from '../contract/signalling';
import { classifyAccessError, MediaAccessError } from './local-devices';

export type OutgoingTrack = {
  track: MediaStreamTrack;
  appData: Record<string, string>;
};

export type Outgoing = {
  readonly tracks: readonly OutgoingTrack[];
  /** The video track that is sent, for a self-preview of exactly that. */
  readonly previewTrack: MediaStreamTrack | null;
  /** A protected witness's outgoing reports its pipelines (face, voice) for the judge. */
  pipelineState?(): WitnessPipelineState;
  /**
   * A protected witness's outgoing applies a varied order in place where it can ('applied'), or
   * asks to be opened again under the new order ('reopen').
   */
  applyProtection?(order: WitnessProtectionOrder): 'applied' | 'reopen';
  stop(): void;
};

export async function openCameraAndMicrophone(
  constraints: MediaStreamConstraints = { video: { width: { ideal: 640 } }, audio: true },
): Promise<MediaStream> {
  if (!window.isSecureContext || !navigator.mediaDevices?.getUserMedia)
    throw new MediaAccessError('insecure', 'getUserMedia is only available in a secure context');
  try {
    return await navigator.mediaDevices.getUserMedia(constraints);
  } catch (error) {
    throw classifyAccessError(error);
  }
}

/** A judge's or counsel's camera and microphone, sent as they are. */
export async function openParticipantOutgoing(): Promise<Outgoing> {
  const stream = await openCameraAndMicrophone();
  const video = stream.getVideoTracks()[0] ?? null;
  return {
    tracks: stream.getTracks().map((track) => ({ track, appData: { source: 'camera' } })),
    previewTrack: video,
    stop: () => stream.getTracks().forEach((track) => track.stop()),
  };
}
