import { readFileSync } from 'node:fs';
import { decodeWav } from './host/voice/wav.ts';
import { autocorrelate, levinson, polynomialRoots } from './media/core/voice/lpc.ts';
const a = decodeWav(readFileSync('/work/shared/testdata/speech/vctk_p226_003.wav')).channels[0]!;
const N=960, H=480, r=new Float64Array(21), lp=new Float64Array(21), w=new Float64Array(21);
const roots={re:new Float64Array(20),im:new Float64Array(20)};
for (const warm of [false,true]) {
 const c0=process.cpuUsage(); let fails=0, frames=0; let conv=false;
 for (let rep=0;rep<3;rep++) for (let s=0;s+N<a.length;s+=H){ const f=new Float64Array(N); for(let i=0;i<N;i++) f[i]=a[s+i]!*(0.5-0.5*Math.cos(2*Math.PI*i/N)); autocorrelate(f,20,r); levinson(r,20,lp,w); conv = (warm&&conv&&polynomialRoots(lp,20,roots,true)) || polynomialRoots(lp,20,roots,false); if(!conv) fails++; frames++; }
 const c=process.cpuUsage(c0); console.log(warm, (c.user+c.system)/1000/frames, 'ms/frame', fails);
}
