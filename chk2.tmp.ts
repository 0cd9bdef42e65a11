import { anonymiseSamples, staticVoiceParams } from './media/core/voice/index.ts';
import { medianF0 } from './scripts/voice-eval/pitch.ts';
import { voicedSignal } from './tests/unit/voice/signals.ts';
const x = voicedSignal(48000, 2, 150);
for (const c of [-400,-300,-100,0,100,300,400]) {
  const y = anonymiseSamples(x, 48000, staticVoiceParams(1,0,c));
  console.log(c, medianF0(x,48000), medianF0(y,48000), 150*2**(c/1200));
}
