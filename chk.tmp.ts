import { readFileSync } from 'node:fs';
import { decodeWav } from './host/voice/wav.ts';
import { anonymiseSamples, drawVoiceParams } from './media/core/voice/index.ts';
import { medianF0, averageSpectrumBands, spectrumDistance } from './scripts/voice-eval/pitch.ts';
for (const f of ['vctk_p226_003','vctk_p225_002']) {
const a = decodeWav(readFileSync(`/work/shared/testdata/speech/${f}.wav`)); const x=a.channels[0]!;
const half1 = x.subarray(0, x.length/2), half2 = x.subarray(x.length/2);
for (const seed of ['a','b','c','d']) {
const y = anonymiseSamples(x, a.sampleRate, drawVoiceParams(seed,'standard'));
console.log(f, seed, drawVoiceParams(seed,'standard').pitchCents.toFixed(0), medianF0(x,a.sampleRate), medianF0(y,a.sampleRate), spectrumDistance(averageSpectrumBands(x,a.sampleRate), averageSpectrumBands(y,a.sampleRate)).toFixed(2), 'halves', spectrumDistance(averageSpectrumBands(half1,a.sampleRate), averageSpectrumBands(half2,a.sampleRate)).toFixed(2));
}}
