/**
 * A witness's practice call: joins the host's practice room with the witness's code, sends the
 * witness's real pipelines (the only source of a witness's tracks, witness-outgoing.ts: the raw
 * camera never leaves, even here), receives its own processed picture and voice back through the
 * host (the preview as the court would see it), measures the link for a while from getStats, and
 * reports the figures, which the host grades, stores and audits.
 */
import type { PracticeCall, PracticeClientReport } from '../../contract/practice';
import { MediaAccessError, type MediaAccessProblem } from '../local-devices';
import { joinMediaSession, type MediaSessionClient } from '../transport/media-session';
import {
  openWitnessOutgoing,
  type WitnessOutgoing,
  type WitnessProtection,
} from '../witness-outgoing';
import { lossPercent, readLinkSample, round, type LinkSample } from './link-stats';

export const PRACTICE_DURATION_MS = 20_000;
const SAMPLE_EVERY_MS = 1000;

export type PracticeProgress = {
  phase: 'connecting' | 'measuring' | 'reporting' | 'done';
  elapsedMs: number;
  durationMs: number;
  /** Own processed picture and voice, received back through the host. */
  previewVideo: MediaStreamTrack | null;
  previewAudio: MediaStreamTrack | null;
  protection: WitnessProtection | null;
  /** The camera or microphone could not be opened (why). */
  deviceProblem: MediaAccessProblem | null;
  sample: LinkSample | null;
};

export type PracticeCallOptions = {
  code: string;
  hostUrl?: string;
  durationMs?: number;
  /** The no-picture card's lines, where the order allows no picture. */
  noPictureCard?: readonly string[];
  onProgress?: (progress: PracticeProgress) => void;
};

export type PracticeCallRun = { result: Promise<PracticeCall>; stop(): void };

export function startPracticeCall(options: PracticeCallOptions): PracticeCallRun {
  const durationMs = options.durationMs ?? PRACTICE_DURATION_MS;
  let stopped = false;
  let session: MediaSessionClient | undefined;
  let outgoing: WitnessOutgoing | undefined;
  const progress: PracticeProgress = {
    phase: 'connecting',
    elapsedMs: 0,
    durationMs,
    previewVideo: null,
    previewAudio: null,
    protection: null,
    deviceProblem: null,
    sample: null,
  };
  const emit = () => options.onProgress?.({ ...progress });
  const stop = () => {
    stopped = true;
    session?.close();
    outgoing?.stop();
  };

  async function run(): Promise<PracticeCall> {
    session = await joinMediaSession({
      token: options.code,
      practice: true,
      ...(options.hostUrl ? { hostUrl: options.hostUrl } : {}),
    });
    const joined = session;
    joined.on('track', (remote) => {
      if (remote.kind === 'video') progress.previewVideo = remote.track;
      else progress.previewAudio = remote.track;
      emit();
    });
    try {
      outgoing = await openWitnessOutgoing({
        pseudonym: joined.self.displayName,
        protection: joined.witnessProtection,
        ...(options.noPictureCard ? { noPictureCard: options.noPictureCard } : {}),
      });
      for (const { track, appData } of outgoing.tracks) await joined.produce(track, appData);
    } catch (error) {
      if (!(error instanceof MediaAccessError)) throw error;
      progress.deviceProblem = error.problem;
    }
    progress.phase = 'measuring';
    const rtts: number[] = [];
    const started = performance.now();
    while (!stopped && performance.now() - started < durationMs) {
      await new Promise((resolve) => window.setTimeout(resolve, SAMPLE_EVERY_MS));
      progress.sample = readLinkSample(await joined.transportStats());
      if (progress.sample.rttMs !== null) rtts.push(progress.sample.rttMs);
      progress.protection = outgoing?.protection() ?? null;
      progress.elapsedMs = Math.min(durationMs, performance.now() - started);
      emit();
    }
    if (stopped) throw new Error('The practice call was stopped.');
    progress.phase = 'reporting';
    emit();
    const call = await joined.reportPractice(clientReport(progress, outgoing, rtts));
    progress.phase = 'done';
    emit();
    return call;
  }

  const result = run().finally(stop);
  return { result, stop };
}

function clientReport(
  progress: PracticeProgress,
  outgoing: WitnessOutgoing | undefined,
  rtts: number[],
): PracticeClientReport {
  const sample = progress.sample;
  const devices = outgoing?.devices() ?? { camera: false, microphone: false };
  const protection = outgoing?.protection();
  const sorted = [...rtts].sort((a, b) => a - b);
  const median = sorted.length ? sorted[Math.floor(sorted.length / 2)]! : null;
  return {
    durationMs: Math.round(progress.elapsedMs),
    camera: devices.camera,
    microphone: devices.microphone,
    picture: protection?.video ?? 'blocked',
    voice: protection?.audio ?? 'silenced',
    previewFrames: sample?.framesDecoded ?? 0,
    previewAudioPackets: sample?.audioPacketsReceived ?? 0,
    rttMs: median === null ? null : round(median),
    lossPercent: sample ? lossPercent(sample) : null,
    jitterMs: sample?.jitterMs === null || !sample ? null : round(sample.jitterMs),
    path: sample?.path ?? null,
  };
}
