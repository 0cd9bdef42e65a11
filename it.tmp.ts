import { readFileSync, writeFileSync } from 'node:fs';
import { decodeWav, encodeWav } from './host/voice/wav.ts';
import { anonymiseSamples, drawVoiceParams } from './media/core/voice/index.ts';
const a = decodeWav(readFileSync('/work/shared/testdata/speech/vctk_p226_003.wav'));
const p = drawVoiceParams('s1', 'standard');
let y;
for (let k=0;k<3;k++){ const c0=process.cpuUsage(); const t0 = performance.now(); y=anonymiseSamples(a.channels[0]!, a.sampleRate, p); const c=process.cpuUsage(c0); const d=a.channels[0]!.length/a.sampleRate; console.log((performance.now()-t0)/1000/d, (c.user+c.system)/1e6/d); }
writeFileSync('/tmp/out.wav', encodeWav({ sampleRate: a.sampleRate, channels: [y!] }));
