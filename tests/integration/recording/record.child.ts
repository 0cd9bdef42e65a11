/**
 * A stand-in host for the kill test: records a witness (live test picture and tone) into the given
 * records database's recordings folder and prints the pids of its media sources, then carries on
 * until it is killed.
 */
import { silentLogger } from '../../../host/logger';
import { HearingRecorder } from '../../../host/recording/hearing-recorder';
import { recordingsRootFor } from '../../../host/recording/layout';
import { resolveFfmpeg } from '../../../host/tools/ffmpeg';
import { liveSource } from '../../../scripts/lib/recording-fixture';

const [dbPath, hearingId] = process.argv.slice(2);
const sources = [await liveSource('video'), await liveSource('audio')];
const recorder = new HearingRecorder({
  root: recordingsRootFor(dbPath!),
  hearingId: Number(hearingId),
  ffmpeg: resolveFfmpeg(),
  log: silentLogger(),
  roles: new Set(['witness']),
});
await recorder.start(
  false,
  sources.map((s) => ({
    producer: s.producer,
    peerId: 'p2',
    role: 'witness',
    label: 'witness W-TEST',
  })),
);
process.stdout.write(`${JSON.stringify({ sourcePids: sources.map((s) => s.pid) })}\n`);
setInterval(() => undefined, 1000);
