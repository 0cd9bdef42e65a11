import { execFileSync } from 'node:child_process';
import { createNodeFaceDetector } from './host/face/node-detector.js';
import { findFaces } from './host/face/leak-check.js';
const dets = [await createNodeFaceDetector('back256'), await createNodeFaceDetector('front128')];
for (const f of process.argv.slice(2)) {
  const data = execFileSync('ffmpeg', ['-v','error','-i',f,'-f','rawvideo','-pix_fmt','rgba','-'], {maxBuffer: 1e9});
  const frame = {data: new Uint8Array(data), width:640, height:480};
  for (const tiles of [1,2,3]) {
    const found = await findFaces(dets, frame, {threshold: 0.3, tilesPerSide: tiles});
    console.log(f.split('/').pop(), tiles, JSON.stringify(found.map(d=>[d.model,d.tiled,Math.round(d.x),Math.round(d.y),Math.round(d.width),+d.score.toFixed(2)])));
  }
}
