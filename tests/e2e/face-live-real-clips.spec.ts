/**
 * The live run of face-live-judged.spec.ts on real video instead of panned photos: two handheld
 * clips of the head-pose set (CC BY 2.0; tests/fixtures/head-pose/LICENSES.md) played in turn as
 * the witness's camera: a reception indoors, where a man at the back holds a phone up to his face
 * and four people stand in front, then hikers walking up to the camera, faces close and turning,
 * smaller ones behind. In each order style the judge's <video> is sampled over one whole loop,
 * every frame the witness sent is tapped, and the independent judges may find no face in any.
 * The raw camera sent at the end is the control: each judge must find faces there.
 */
import { join } from 'node:path';
import { test } from './support/fixtures';
import { projectRoot } from './support/host-process';
import { runLiveJudged } from './support/live-judged-run';
import { buildClipCamera } from './support/panning-camera';

const FIXTURES = join(projectRoot, 'tests', 'fixtures', 'head-pose');
/** The reception whole, then the hikers from 2 s, as the first of them comes close and passes. */
const CLIPS = [
  { file: join(FIXTURES, 'openmpf_reception.mp4'), from: 0, seconds: 3 },
  { file: join(FIXTURES, 'openmpf_hikers.mp4'), from: 2, seconds: 6 },
];
const LOOP_SECONDS = CLIPS.reduce((sum, clip) => sum + clip.seconds, 0);

test('real clips: what the judge receives shows no face to an independent detector', async () => {
  test.setTimeout(1_500_000);
  const samplesPerStyle = 12;
  await runLiveJudged({
    area: 'face-live-real-clips',
    buildCamera: (dir) => buildClipCamera(CLIPS, join(dir, 'real-clips.y4m')),
    // As in face-live-held-out.spec.ts: the recommended style, and pixelate, which keeps the most
    // of the picture around the head.
    styles: ['silhouette', 'pixelate'],
    samplesPerStyle,
    sampleEveryMs: (LOOP_SECONDS * 1000) / samplesPerStyle,
    tapFrames: Math.ceil(LOOP_SECONDS * 10 * 1.25),
  });
});
