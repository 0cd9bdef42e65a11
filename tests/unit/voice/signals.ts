/**
 * A crude voiced sound for DSP tests: a glottal-like pulse train through three formant resonators,
 * with a slowly moving F0; `formantScale` above 1 is a shorter vocal tract. Not speech and not any speaker; real speech is used by the E2E test and
 * the evaluation.
 */
export function voicedSignal(
  sampleRate: number,
  seconds: number,
  f0: number,
  formantScale = 1,
): Float32Array {
  const length = Math.round(sampleRate * seconds);
  const source = new Float32Array(length);
  let phase = 0;
  for (let i = 0; i < length; i++) {
    const frequency = f0 * (1 + 0.05 * Math.sin((2 * Math.PI * 3 * i) / sampleRate));
    phase += frequency / sampleRate;
    if (phase >= 1) phase -= 1;
    source[i] = phase < 0.4 ? Math.sin(Math.PI * (phase / 0.4)) ** 2 - 0.4 : -0.4;
  }
  let signal: Float32Array = source;
  for (const [formant, bandwidth] of [
    [700, 90],
    [1200, 110],
    [2600, 160],
  ] as const) {
    signal = resonate(signal, sampleRate, formant * formantScale, bandwidth);
  }
  let peakValue = 0;
  for (const sample of signal) peakValue = Math.max(peakValue, Math.abs(sample));
  return signal.map((value) => (0.3 * value) / peakValue);
}

function resonate(input: Float32Array, rate: number, frequency: number, bandwidth: number) {
  const r = Math.exp((-Math.PI * bandwidth) / rate);
  const c1 = 2 * r * Math.cos((2 * Math.PI * frequency) / rate);
  const c2 = -r * r;
  const output = new Float32Array(input.length);
  let y1 = 0;
  let y2 = 0;
  for (let i = 0; i < input.length; i++) {
    const y = (1 - r) * input[i]! + c1 * y1 + c2 * y2;
    output[i] = y;
    y2 = y1;
    y1 = y;
  }
  return output;
}
