/**
 * The live voice anonymiser: microphone -> AudioWorklet (the DSP) -> gate -> MediaStreamDestination.
 * Its output track is the only audio the witness machine sends. Fail closed: the gate opens only while
 * the processor reports fresh output; an error, a stall of 100 ms, or a processor that never became
 * ready leaves the gate shut and the track silent. The raw microphone connects to nothing but the
 * processor.
 */
import type { DemonstrationVoicePreset, VoicePreset } from '../core/voice';
import workletUrl from './worklet.ts?worker&url';
import {
  VOICE_PROCESSOR_NAME,
  type VoiceProcessorCommand,
  type VoiceProcessorOptions,
  type VoiceProcessorReport,
} from './messages';

export type VoiceFailure = 'error' | 'stalled' | 'not-ready' | 'unsupported';

export type VoiceState =
  | { phase: 'starting' }
  | { phase: 'disguised' }
  | { phase: 'muted'; reason: VoiceFailure }
  | { phase: 'stopped' };

export type VoiceAnonymiserOptions = { preset: VoicePreset; seed: string };
/** The trainer's demonstration may also show a pitch-only shift (never a witness's). */
export type DemonstrationVoiceOptions = {
  preset: VoicePreset | DemonstrationVoicePreset;
  seed: string;
};

export type VoiceAnonymiser = {
  /** The anonymised track: the one to send and record. Silent whenever the DSP is not running. */
  readonly outputTrack: MediaStreamTrack;
  state(): VoiceState;
  onState(listener: (state: VoiceState) => void): () => void;
  /** RMS of what is sent (after the gate), 0..1. */
  level(): number;
  /** Breaks the processor on purpose, to show and test that the guard mutes the voice. */
  breakForTest(mode: 'throw' | 'stall'): void;
  stop(): void;
};

export const STALL_LIMIT_MS = 100;
const READY_LIMIT_MS = 3000;
const WATCH_EVERY_MS = 20;

export function createVoiceAnonymiser(
  inputTrack: MediaStreamTrack,
  options: VoiceAnonymiserOptions | DemonstrationVoiceOptions,
): VoiceAnonymiser {
  const context = new AudioContext({ latencyHint: 'interactive' });
  const gate = context.createGain();
  gate.gain.value = 0;
  const destination = context.createMediaStreamDestination();
  gate.connect(destination);
  const analyser = context.createAnalyser();
  analyser.fftSize = 1024;
  gate.connect(analyser);
  const meterSamples = new Float32Array(analyser.fftSize);

  let current: VoiceState = { phase: 'starting' };
  const listeners = new Set<(state: VoiceState) => void>();
  let node: AudioWorkletNode | null = null;
  let source: MediaStreamAudioSourceNode | null = null;
  let lastAlive = 0;
  let failedForGood = false;
  let stopped = false;
  const startedAt = performance.now();

  const setState = (next: VoiceState) => {
    const open = next.phase === 'disguised';
    // Shut at once; open only on fresh output.
    gate.gain.cancelScheduledValues(context.currentTime);
    gate.gain.setValueAtTime(open ? 1 : 0, context.currentTime);
    if (JSON.stringify(next) === JSON.stringify(current)) return;
    current = next;
    for (const listener of listeners) listener(next);
  };
  const fail = (reason: VoiceFailure, permanent: boolean) => {
    if (permanent) failedForGood = true;
    if (current.phase !== 'stopped') setState({ phase: 'muted', reason });
  };

  const watchdog = window.setInterval(() => {
    if (current.phase === 'stopped' || failedForGood) return;
    const now = performance.now();
    if (!node) {
      if (now - startedAt > READY_LIMIT_MS) fail('not-ready', false);
      return;
    }
    if (now - lastAlive > STALL_LIMIT_MS) fail(lastAlive === 0 ? 'not-ready' : 'stalled', false);
  }, WATCH_EVERY_MS);

  void (async () => {
    try {
      await context.audioWorklet.addModule(workletUrl);
      if (stopped) return;
      const processorOptions: VoiceProcessorOptions = {
        preset: options.preset,
        seed: options.seed,
      };
      node = new AudioWorkletNode(context, VOICE_PROCESSOR_NAME, {
        numberOfInputs: 1,
        numberOfOutputs: 1,
        outputChannelCount: [1],
        channelCount: 1,
        channelCountMode: 'explicit',
        processorOptions,
      });
      node.onprocessorerror = () => fail('error', true);
      node.port.onmessage = (event: MessageEvent<VoiceProcessorReport>) => {
        if (event.data.type !== 'alive' || failedForGood || current.phase === 'stopped') return;
        lastAlive = performance.now();
        if (current.phase !== 'disguised') setState({ phase: 'disguised' });
      };
      source = context.createMediaStreamSource(new MediaStream([inputTrack]));
      source.connect(node);
      node.connect(gate);
      if (context.state !== 'running') await context.resume();
    } catch {
      fail('unsupported', true);
    }
  })();

  return {
    outputTrack: destination.stream.getAudioTracks()[0]!,
    state: () => current,
    onState(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    level() {
      analyser.getFloatTimeDomainData(meterSamples);
      let sum = 0;
      for (const sample of meterSamples) sum += sample * sample;
      return Math.sqrt(sum / meterSamples.length);
    },
    breakForTest(mode) {
      const command: VoiceProcessorCommand = { type: 'break', mode };
      node?.port.postMessage(command);
    },
    stop() {
      stopped = true;
      window.clearInterval(watchdog);
      setState({ phase: 'stopped' });
      source?.disconnect();
      node?.disconnect();
      for (const track of destination.stream.getTracks()) track.stop();
      void context.close();
    },
  };
}
