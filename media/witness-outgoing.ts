/**
 * The one seam through which a protected witness's media leaves this machine. The camera goes
 * through face masking, the microphone through voice anonymisation; only their outputs are sent
 * (appData.source 'processed', which the host insists on). Fail closed: when a pipeline is missing
 * or cannot start, that track is replaced by black frames or silence, never the raw device.
 */
import { openCameraAndMicrophone, type Outgoing } from './outgoing';

export type WitnessProtection = {
  video: 'masked' | 'blocked';
  audio: 'anonymised' | 'silenced';
};

export type WitnessOutgoingOptions = {
  pseudonym: string;
};

export type WitnessOutgoing = Outgoing & {
  protection(): WitnessProtection;
};

export async function openWitnessOutgoing(
  _options: WitnessOutgoingOptions,
): Promise<WitnessOutgoing> {
  const raw = await openCameraAndMicrophone({
    video: { width: { ideal: 640 }, height: { ideal: 480 } },
    audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
  });
  // The face and voice pipelines are not in this build yet: send nothing of the raw devices.
  const video = blackFrames();
  const audio = silence();
  const protection: WitnessProtection = { video: 'blocked', audio: 'silenced' };
  return {
    tracks: [
      { track: video.track, appData: { source: 'processed' } },
      { track: audio.track, appData: { source: 'processed' } },
    ],
    previewTrack: video.track,
    protection: () => protection,
    stop() {
      video.stop();
      audio.stop();
      raw.getTracks().forEach((track) => track.stop());
    },
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
