/**
 * The recorder's ffmpeg takes RTP only from the host's forwarder: a stream sent to its port from any
 * other socket (another local process; the network) is not recorded. Real ffmpeg on both ends.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FORWARDER_ADDRESS, SOURCE_FILTERED, trackSdp } from '../../../host/recording/sdp';
import { freeRtpPort, recorderFfmpegArgs } from '../../../host/recording/track-recorder';
import { resolveFfmpeg } from '../../../host/tools/ffmpeg';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function recorder(port: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'incamera-rtp-source-'));
  writeFileSync(join(dir, 'stream.sdp'), trackSdp('audio', port));
  children.push(spawn(resolveFfmpeg(), recorderFfmpegArgs(), { cwd: dir, stdio: 'ignore' }));
  return dir;
}

/** Opus over RTP to the recorder's port, sent from `localaddr:localport`. */
function sender(port: number, from: { address: string; port: number }) {
  const url = `rtp://127.0.0.1:${port}?localaddr=${from.address}&localrtpport=${from.port}&localrtcpport=${from.port + 1}&pkt_size=1200`;
  const child = spawn(
    resolveFfmpeg(),
    [
      ...['-hide_banner', '-loglevel', 'error', '-re', '-f', 'lavfi'],
      ...['-i', 'sine=frequency=440:duration=8', '-c:a', 'libopus', '-payload_type', '100'],
      ...['-ssrc', '1234', '-f', 'rtp', url],
    ],
    { stdio: 'ignore' },
  );
  children.push(child);
}

const recordedSomething = (dir: string) =>
  existsSync(join(dir, 'segments.csv')) &&
  readFileSync(join(dir, 'segments.csv'), 'utf8').length > 0;

describe.runIf(SOURCE_FILTERED)("the recorder's RTP input", () => {
  it('records what comes from the forwarder address and port only', async () => {
    const foreignPort = await freeRtpPort();
    const foreign = recorder(foreignPort);
    const ownPort = await freeRtpPort();
    const own = recorder(ownPort);
    await sleep(1500);
    // Another local process: it cannot send from the forwarder's address and the recorder's port.
    sender(foreignPort, { address: '127.0.0.1', port: await freeRtpPort() });
    sender(ownPort, { address: FORWARDER_ADDRESS, port: ownPort });
    await sleep(7000);
    expect(recordedSomething(own)).toBe(true);
    expect(recordedSomething(foreign)).toBe(false);
  });

  it('listens on loopback only, connected to the forwarder', async () => {
    const port = await freeRtpPort();
    recorder(port);
    const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
    let line: string | undefined;
    for (let i = 0; i < 50 && !line; i++) {
      await sleep(100);
      line = readFileSync('/proc/net/udp', 'utf8')
        .split('\n')
        .find((l) =>
          l
            .trim()
            .split(/\s+/)[1]
            ?.endsWith(`:${hex(port)}`),
        );
    }
    const [, local, remote] = line!.trim().split(/\s+/);
    expect(local).toBe(`0100007F:${hex(port)}`);
    expect(remote).toBe(`0200007F:${hex(port)}`);
  });
});
