/**
 * What the judge receives, judged by face detectors the masking pipeline does not use. A witness
 * joins with a fake camera of real faces moving (three portraits and a photo of two people, panned),
 * the judge's page receives the masked track over real WebRTC through the SFU, and a frame of the
 * judge's <video> is taken every half second for six seconds in each order style. The independent
 * judges (tests/e2e/support/independent-judge.ts) then look for a face in each: SSD MobileNet and
 * FaceBoxes may find none (the eval's third judge, the Tiny Face Detector, is not run live). Every
 * frame the witness's pipeline sent in those six seconds (tapped at the witness) is judged too.
 * `solid` is not sampled: it draws the same plan (the same head boxes and changed cells) as
 * pixelate and blur, filled flat instead of with their destroyed content, so a face the judge
 * cannot find under pixelate or blur is not there under solid either.
 * At the end the witness's sender is switched to the raw camera (a control inside the test): the
 * same sampling and each judge must then find faces, so a pass above is not a judge being blind.
 * The same run on photos the pipeline was never tuned on: face-live-held-out.spec.ts.
 */
import { join } from 'node:path';
import { faceTestdataDir } from '../../scripts/lib/face-test-video';
import { test } from './support/fixtures';
import { projectRoot } from './support/host-process';
import { runLiveJudged } from './support/live-judged-run';
import { buildPanningCamera } from './support/panning-camera';

/** Three portraits and a photo of two people, each held 2.5 s and panned for 1.5 s: a 16 s loop. */
const PICTURES = [
  join(faceTestdataDir(), 'fr_obama.jpg'),
  join(projectRoot, 'tests', 'fixtures', 'head-pose', 'sk_camera.jpg'),
  join(faceTestdataDir(), 'fr_two_people.jpg'),
  join(faceTestdataDir(), 'fr_biden.jpg'),
];

test('what the judge receives shows no face to an independent detector, in every order style', async () => {
  test.setTimeout(1_500_000);
  await runLiveJudged({
    area: 'face-live',
    buildCamera: (dir) =>
      buildPanningCamera(PICTURES, join(dir, 'witness.y4m'), { holdSeconds: 2.5, panSeconds: 1.5 }),
    styles: ['silhouette', 'pixelate', 'blur'],
    // Six seconds a style: at least one still hold and one pan of the 16 s camera loop each.
    samplesPerStyle: 12,
    sampleEveryMs: 500,
    // 10 fps for the six seconds, with room.
    tapFrames: 120,
  });
});
