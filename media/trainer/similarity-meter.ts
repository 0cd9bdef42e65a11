/**
 * Compares the raw and the disguised voice on this machine only (nothing is sent or kept): about
 * every 25 ms each side's latest 25 ms are added to a running MFCC mean, and the two means are
 * compared by cosine similarity (media/core/voice/speaker-similarity.ts says what that measures).
 */
import { CepstralMeanTracker, speakerSimilarity } from '../core/voice/speaker-similarity';

const POLL_MS = 25;

export type SimilarityMeter = {
  /** -1..1, or null until both voices have had enough speech. */
  similarity(): number | null;
  /** Starts over (after the preset changed). */
  reset(): void;
  stop(): void;
};

export function startSimilarityMeter(
  context: AudioContext,
  raw: AudioNode,
  disguised: () => AudioNode | null,
): SimilarityMeter {
  const rawAnalyser = context.createAnalyser();
  const disguisedAnalyser = context.createAnalyser();
  rawAnalyser.fftSize = disguisedAnalyser.fftSize = 2048;
  raw.connect(rawAnalyser);
  let connected: AudioNode | null = null;
  const frame = Math.round(context.sampleRate * 0.025);
  const buffer = new Float32Array(rawAnalyser.fftSize);
  let rawTracker = new CepstralMeanTracker(context.sampleRate);
  let disguisedTracker = new CepstralMeanTracker(context.sampleRate);

  const timer = window.setInterval(() => {
    const source = disguised();
    if (source !== connected) {
      disconnectQuietly(connected, disguisedAnalyser);
      source?.connect(disguisedAnalyser);
      connected = source;
    }
    rawAnalyser.getFloatTimeDomainData(buffer);
    rawTracker.addFrame(buffer.subarray(buffer.length - frame));
    if (!connected) return;
    disguisedAnalyser.getFloatTimeDomainData(buffer);
    disguisedTracker.addFrame(buffer.subarray(buffer.length - frame));
  }, POLL_MS);

  return {
    similarity: () => speakerSimilarity(rawTracker, disguisedTracker),
    reset() {
      rawTracker = new CepstralMeanTracker(context.sampleRate);
      disguisedTracker = new CepstralMeanTracker(context.sampleRate);
    },
    stop() {
      window.clearInterval(timer);
      disconnectQuietly(raw, rawAnalyser);
      disconnectQuietly(connected, disguisedAnalyser);
    },
  };
}

/** Disconnects one link; one already gone (its node was stopped) is fine. */
export function disconnectQuietly(from: AudioNode | null, to: AudioNode): void {
  try {
    from?.disconnect(to);
  } catch {
    // Already disconnected.
  }
}
