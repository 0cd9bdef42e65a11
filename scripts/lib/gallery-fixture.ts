/**
 * A recorded hearing on disk, exactly in the recorder's format (part.json, track.json, 2 s WebM
 * segments listed in segments.csv by ffmpeg's segment muxer), made quickly from ffmpeg's lavfi
 * sources instead of live RTP. Open parts show a test picture and a 440 Hz tone; closed-session
 * (sealed) parts hold a red picture and a 3 kHz tone that must never reach the public.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { hearingRecordingDir, partDirName, writeJsonAtomic } from '../../host/recording/layout.js';
import { segmentMuxerArgs } from '../../host/recording/track-recorder.js';

export type FixturePart = { closedSession: boolean; fromS: number; toS: number };
export type FixturePicture = { width: number; height: number; fps: number };
const SMALL: FixturePicture = { width: 160, height: 120, fps: 10 };

export async function recordedHearing(options: {
  root: string;
  hearingId: number;
  /**
   * The wall-clock instant the first part starts. A function is asked once the media is written,
   * so a slow machine (making the media takes a while) still gets a recording laid around "now".
   */
  t0Ms: number | (() => number);
  ffmpeg: string;
  parts: FixturePart[];
  /** Participants recorded in the open parts (the witness only by default). */
  peers?: { peerId: string; role: string }[];
  picture?: FixturePicture;
}): Promise<void> {
  const picture = options.picture ?? SMALL;
  const peers = options.peers ?? [{ peerId: 'p2', role: 'witness' }];
  const metadata: (() => void)[] = [];
  const iso = (t0Ms: number, seconds: number) => new Date(t0Ms + seconds * 1000).toISOString();
  let partNumber = 0;
  for (const part of options.parts) {
    partNumber++;
    const number = partNumber;
    const dir = join(
      hearingRecordingDir(options.root, options.hearingId),
      partDirName(number, part.closedSession),
    );
    metadata.push(() =>
      writeJsonAtomic(join(dir, 'part.json'), {
        part: number,
        hearingId: options.hearingId,
        closedSession: part.closedSession,
        startedAt: iso(t0Ms, part.fromS),
        stoppedAt: iso(t0Ms, part.toS),
      }),
    );
    for (const peer of peers)
      for (const kind of ['video', 'audio'] as const) {
        const trackId = `${peer.role}-${peer.peerId}-${kind}-${number}`;
        const trackDir = join(dir, trackId);
        mkdirSync(trackDir, { recursive: true });
        await writeSegments(
          options.ffmpeg,
          trackDir,
          kind,
          part.closedSession,
          part.toS - part.fromS,
          picture,
        );
        metadata.push(() =>
          writeJsonAtomic(join(trackDir, 'track.json'), {
            trackId,
            peerId: peer.peerId,
            role: peer.role,
            label: peer.role === 'witness' ? 'witness W-1' : peer.role,
            kind,
            startedAt: iso(t0Ms, part.fromS),
            firstPacketAt: iso(t0Ms, part.fromS),
            stoppedAt: iso(t0Ms, part.toS),
          }),
        );
      }
  }
  const t0Ms = typeof options.t0Ms === 'function' ? options.t0Ms() : options.t0Ms;
  for (const write of metadata) write();
}

function writeSegments(
  ffmpeg: string,
  dir: string,
  kind: 'audio' | 'video',
  sealed: boolean,
  seconds: number,
  picture: FixturePicture,
): Promise<void> {
  const size = `size=${picture.width}x${picture.height}:rate=${picture.fps}`;
  const source =
    kind === 'video'
      ? [
          '-f',
          'lavfi',
          '-i',
          sealed ? `color=c=red:${size}` : `testsrc2=${size}`,
          '-c:v',
          'libvpx',
          '-deadline',
          'realtime',
          '-cpu-used',
          '16',
          '-b:v',
          '200k',
          '-g',
          String(picture.fps),
        ]
      : [
          '-f',
          'lavfi',
          '-i',
          `sine=frequency=${sealed ? 3000 : 440}:sample_rate=48000`,
          '-c:a',
          'libopus',
          '-b:a',
          '48k',
          '-ac',
          '2',
        ];
  const args = [
    '-hide_banner',
    '-loglevel',
    'error',
    ...source,
    '-t',
    String(seconds),
    ...segmentMuxerArgs(),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpeg, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(stderr))));
  });
}
