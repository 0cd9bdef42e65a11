/**
 * The AudioWorklet side of the voice anonymiser: runs the same DSP as the CLI on every render quantum.
 * It only ever outputs processed audio; when it breaks, it outputs nothing and stops reporting.
 */
import { VoiceAnonymiser, drawVoiceParams, pitchOnlyVoiceParams } from '../core/voice';
import {
  VOICE_PROCESSOR_NAME,
  type VoiceProcessorCommand,
  type VoiceProcessorOptions,
  type VoiceProcessorReport,
} from './messages';

declare const sampleRate: number;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
  constructor(options?: { processorOptions?: unknown });
}
declare function registerProcessor(
  name: string,
  processor: new (options: { processorOptions?: unknown }) => AudioWorkletProcessor,
): void;

const REPORT_EVERY_SAMPLES = Math.round(sampleRate * 0.02);

class VoiceAnonymiserProcessor extends AudioWorkletProcessor {
  private readonly anonymiser: VoiceAnonymiser;
  private broken: 'throw' | 'stall' | null = null;
  private sinceReport = 0;
  private energy = 0;

  constructor(options: { processorOptions?: unknown }) {
    super(options);
    const { preset, seed } = options.processorOptions as VoiceProcessorOptions;
    const params =
      preset === 'pitch-only' ? pitchOnlyVoiceParams(seed) : drawVoiceParams(seed, preset);
    this.anonymiser = new VoiceAnonymiser(sampleRate, params);
    this.port.onmessage = (event: MessageEvent<VoiceProcessorCommand>) => {
      if (event.data.type === 'break') this.broken = event.data.mode;
    };
    this.report({ type: 'ready' });
  }

  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    if (this.broken === 'throw') throw new Error('voice processor broken on request');
    if (this.broken === 'stall') return true;
    const input = inputs[0]?.[0];
    const output = outputs[0];
    const first = output?.[0];
    if (!output || !first) return true;
    if (input) this.anonymiser.process(input, first);
    else this.anonymiser.process(new Float32Array(first.length), first);
    for (let channel = 1; channel < output.length; channel++) output[channel]!.set(first);
    for (const sample of first) this.energy += sample * sample;
    this.sinceReport += first.length;
    if (this.sinceReport >= REPORT_EVERY_SAMPLES) {
      this.report({ type: 'alive', level: Math.sqrt(this.energy / this.sinceReport) });
      this.sinceReport = 0;
      this.energy = 0;
    }
    return true;
  }

  private report(message: VoiceProcessorReport) {
    this.port.postMessage(message);
  }
}

registerProcessor(VOICE_PROCESSOR_NAME, VoiceAnonymiserProcessor);
