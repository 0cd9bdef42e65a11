/**
 * Real WebRTC over loopback: Chromium pages using media/'s mediasoup-client wrapper (through the
 * built lab page) send and receive through the host's werift SFU, with the host's lab policy.
 */
import { createSocket } from 'node:dgram';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from './support/browser';
import { expect, saveScreenshot, test } from './support/fixtures';
import { startHostProcess, type HostProcess } from './support/host-process';
import { labReport, openLab, type LabWindow } from './support/sfu-lab';
import { testdataDir } from './support/testdata';
import { buildBindingRequest, stunResponseClass } from '../../host/sfu/stun-integrity';
import { connectTestClient } from '../integration/support/signalling-client';

let host: HostProcess;
let browser: Browser;

test.beforeAll(async () => {
  host = await startHostProcess(['--lab-tokens']);
  browser = await chromium.launch(
    chromiumLaunchOptions({ audio: join(testdataDir(), 'speech', 'vctk_p225_002.wav') }),
  );
});

test.afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

const openLabPage = (token: string): Promise<Page> => openLab(browser, host.url, token);
const report = labReport;

test('one witness sends VP8 and Opus; the host forwards them only where the policy allows', async () => {
  // The judge is there before the witness sends (offered by notification); the others join after
  // (offered what already exists).
  const judge = await openLabPage('lab.judge.Judge');
  const witness = await openLabPage('lab.witness.W1');
  const producers: string[] = await witness.evaluate(() =>
    (window as unknown as LabWindow).sfuLab.sendCamera(),
  );
  expect(producers).toHaveLength(2);
  const prosecutor = await openLabPage('lab.prosecutor.Prosecutor');
  const accused = await openLabPage('lab.accused.Accused');

  for (const receiver of [judge, prosecutor]) {
    await expect
      .poll(
        async () => (await report(receiver)).videos.filter((v) => v.width > 0 && v.changing).length,
        {
          timeout: 20_000,
        },
      )
      .toBe(1);
    await expect
      .poll(async () => Math.max(0, ...(await report(receiver)).audio.map((a) => a.rms)), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0.003);
  }
  const judgeReport = await report(judge);
  expect(judgeReport.videos[0]!.width).toBe(640);
  expect(judgeReport.errors).toEqual([]);
  await saveScreenshot(judge, 'sfu', 'judge-receives-witness');

  // Screening: the accused hears the (anonymised) voice but receives no witness video.
  await expect
    .poll(async () => Math.max(0, ...(await report(accused)).audio.map((a) => a.rms)), {
      timeout: 15_000,
    })
    .toBeGreaterThan(0.003);
  const accusedReport = await report(accused);
  expect(accusedReport.videos).toEqual([]);
  await saveScreenshot(accused, 'sfu', 'accused-screened');

  // Pausing the witness's video stops the judge's frames; resuming restarts them on a keyframe.
  await witness.evaluate(() => (window as unknown as LabWindow).sfuLab.pauseVideo());
  await expect
    .poll(async () => (await report(judge)).videos[0]?.changing, { timeout: 10_000 })
    .toBe(false);
  await witness.evaluate(() => (window as unknown as LabWindow).sfuLab.resumeVideo());
  await expect
    .poll(async () => (await report(judge)).videos[0]?.changing, { timeout: 10_000 })
    .toBe(true);

  // A witness may not send a raw track: the host refuses it.
  const refused = await witness.evaluate(() =>
    (window as unknown as LabWindow).sfuLab.sendCamera({ source: 'raw-camera' }).then(
      () => 'accepted',
      (error: Error) => error.message,
    ),
  );
  expect(refused).toContain('only send the masked video');
  expect(host.logs.some((line) => line.includes('room.produce-refused'))).toBe(true);
});

test('a STUN binding request with a wrong password is refused by the SFU', async () => {
  const client = await connectTestClient(host.url);
  expect(await client.request('join', { token: 'lab.judge.Probe' })).toMatchObject({ ok: true });
  const answer = await client.request('createWebRtcTransport', { direction: 'recv' });
  if (answer.type !== 'response' || !answer.ok) throw new Error('no transport');
  const transport = answer.data as {
    iceParameters: { usernameFragment: string };
    iceCandidates: { ip: string; port: number }[];
  };
  const candidate = transport.iceCandidates[0]!;
  const socket = createSocket('udp4');
  const reply = new Promise<Buffer>((resolve) => socket.once('message', resolve));
  socket.send(
    buildBindingRequest({
      username: `${transport.iceParameters.usernameFragment}:probe`,
      password: 'guess',
    }),
    candidate.port,
    candidate.ip,
  );
  expect(stunResponseClass(await reply)).toBe('error');
  await expect.poll(() => host.logs.some((line) => line.includes('sfu.stun-rejected'))).toBe(true);
  socket.close();
  client.close();
});
