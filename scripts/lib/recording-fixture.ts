/**
 * Real media for the recorder without browsers: ffmpeg encodes a test picture (VP8) and a tone
 * (Opus) to RTP; the packets go into real SFU producers, exactly as the WebRTC transport would
 * hand them over after decryption. And a records database with one hearing and a protected witness.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { RtpPacket } from 'werift';
import { linkWitness } from '../../host/records/queries/hearing-witnesses.js';
import type { WritableDB } from '../../host/records/db-types.js';
import { WeriftProducer } from '../../host/sfu/producer.js';
import type { MediaKind } from '../../host/sfu/types.js';
import { resolveFfmpeg } from '../../host/tools/ffmpeg.js';
import { addProtectedHearing, newRecordsDatabase } from './records-db-fixture.js';

const FEEDER_MAX_SECONDS = 600;

export type LiveSource = { producer: WeriftProducer; pid: number | undefined; stop(): void };

/**
 * A producer fed by ffmpeg in real time (-re): a moving test picture or a 440 Hz tone. With
 * `untilSending`, it is returned only once its first packet has arrived.
 */
export async function liveSource(
  kind: MediaKind,
  options: { untilSending?: boolean } = {},
): Promise<LiveSource> {
  const producer = new WeriftProducer(
    kind,
    {
      codecs: [
        kind === 'video'
          ? { mimeType: 'video/VP8', payloadType: 96, clockRate: 90000 }
          : { mimeType: 'audio/opus', payloadType: 111, clockRate: 48000, channels: 2 },
      ],
      encodings: [{ ssrc: kind === 'video' ? 1111 : 2222 }],
    },
    {},
    { sendRtcp: () => undefined },
  );
  const socket: Socket = createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const port = socket.address().port;
  let arrived: (sent: boolean) => void = () => undefined;
  const firstPacket = new Promise<boolean>((resolve) => (arrived = resolve));
  socket.on('message', (message) => {
    const payloadType = (message[1] ?? 0) & 0x7f;
    const isRtcp = payloadType >= 72 && payloadType <= 76;
    if (message.length > 12 && !isRtcp) {
      producer.receiveRtp(RtpPacket.deSerialize(message));
      arrived(true);
    }
  });
  const input =
    kind === 'video'
      ? ['-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=15']
      : ['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000'];
  const encode =
    kind === 'video'
      ? [
          '-c:v',
          'libvpx',
          '-deadline',
          'realtime',
          '-cpu-used',
          '8',
          '-b:v',
          '300k',
          '-g',
          '10',
          '-keyint_min',
          '10',
        ]
      : ['-c:a', 'libopus', '-b:a', '48k', '-ac', '2'];
  const child: ChildProcess = spawn(
    resolveFfmpeg(),
    [
      '-hide_banner',
      '-loglevel',
      'error',
      '-re',
      ...input,
      ...encode,
      // A feeder orphaned by a killed test process (host-killed kills its child) ends on its own.
      '-t',
      String(FEEDER_MAX_SECONDS),
      '-f',
      'rtp',
      `rtp://127.0.0.1:${port}`,
    ],
    { stdio: 'ignore' },
  );
  const source = {
    producer,
    pid: child.pid,
    stop() {
      child.kill('SIGKILL');
      socket.close();
      producer.close();
    },
  };
  if (!options.untilSending) return source;
  // On a loaded machine ffmpeg can take seconds to start encoding: a recording begun before the
  // first packet would hold less than the test expects.
  const late = setTimeout(() => arrived(false), 30_000);
  const sent = await firstPacket;
  clearTimeout(late);
  if (!sent) {
    source.stop();
    throw new Error(`The ${kind} test source sent nothing in 30 s: is ffmpeg working?`);
  }
  return source;
}

export type RecordsFixture = {
  db: WritableDB;
  dbPath: string;
  dir: string;
  hearingId: number;
  pseudonym: string;
  /** The court's unlocked data key (the export signs with the key it opens). */
  key: Buffer;
};

export async function recordsWithHearing(): Promise<RecordsFixture> {
  const { dir, dbPath, db, key } = await newRecordsDatabase('incamera-recording-');
  const { hearingId, seats, witness } = addProtectedHearing(db, key, {
    caseNumber: 'CR-2026/7',
    courtroom: '3',
    seats: { judge: ['judge', 'Judge Bakyt'], witness: ['witness', 'Witness'] },
    order: { voicePreset: 'standard', faceStyle: 'solid' },
  });
  linkWitness(db, seats.witness, witness.id);
  return { db, dbPath, dir, hearingId, pseudonym: witness.pseudonym, key };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
