import { execFileSync } from 'node:child_process';
import { createNodeFaceDetector } from './host/face/node-detector.js';
import { readdirSync } from 'node:fs';
const dir = '/work/shared/testdata/faces';
for (const model of ['back256','front128'] as const) {
const det = await createNodeFaceDetector(model);
for (const f of readdirSync(dir)) {
  const probe = execFileSync('ffprobe', ['-v','error','-select_streams','v:0','-show_entries','stream=width,height','-of','csv=p=0', `${dir}/${f}`]).toString().trim().split(',').map(Number);
  const [w,h] = probe as [number,number];
  const data = execFileSync('ffmpeg', ['-v','error','-i',`${dir}/${f}`,'-f','rawvideo','-pix_fmt','rgba','-'], {maxBuffer: 1e9});
  const t0 = performance.now();
  const dets = await det.detect({data: new Uint8Array(data), width:w, height:h}, 0.3);
  console.log(model, f, w, h, (performance.now()-t0).toFixed(1), JSON.stringify(dets.map(d=>[d.x,d.y,d.width,d.height,d.score].map(v=>+v.toFixed(2)))));
}}
