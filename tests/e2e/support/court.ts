/** Sets up a hearing through the host's API (as the clerk) and helps drive the session pages. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { resolveFfmpeg } from '../../../host/tools/ffmpeg';
import { artifactsDir } from './fixtures';
import { cliPath } from './host-process';

export const COURT_PASSPHRASE = 'court passphrase for e2e';
export const JUDGE_OPERATOR = { name: 'Judge Bakyt', passphrase: 'judge passphrase' };

/** The judge's controls work once a judge operator signs in on the seat (in any UI language). */
export async function signInJudgeSeat(page: Page, operator = JUDGE_OPERATOR): Promise<void> {
  const form = page.getByTestId('judge-seat-sign-in');
  await form.locator('input[autocomplete="username"]').fill(operator.name);
  await form.locator('input[type="password"]').fill(operator.passphrase);
  await form.locator('button[type="submit"]').click();
  await form.waitFor({ state: 'detached', timeout: 20_000 });
}

export function cli(args: string[], env: Record<string, string> = {}): void {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      INCAMERA_SCRYPT_COST: '10',
      INCAMERA_PASSPHRASE: COURT_PASSPHRASE,
      ...env,
    },
  });
  if (result.status !== 0) throw new Error(`incamera ${args.join(' ')} failed: ${result.stderr}`);
}

export function makeApi(hostUrl: string) {
  let token: string | undefined;
  const call = async <T>(channel: string, body: unknown): Promise<T> => {
    const response = await fetch(`${hostUrl}api/${channel}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
    const result = (await response.json()) as
      { ok: true; data: T } | { ok: false; error: { message: string } };
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.data;
  };
  return {
    call,
    async signIn(operator: string, passphrase: string) {
      token = (await call<{ token: string }>('session:sign-in', { operator, passphrase })).token;
    },
  };
}

/** The loudest RMS of a received audio element over about a second. */
export function receivedAudioRms(page: Page, testId: string): Promise<number> {
  return page.evaluate(async (id) => {
    const element = document.querySelector<HTMLAudioElement>(`[data-testid="${id}"]`);
    const stream = element?.srcObject;
    if (!(stream instanceof MediaStream)) return -1;
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 2048;
    context.createMediaStreamSource(stream).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    let loudest = 0;
    for (let i = 0; i < 25; i++) {
      await new Promise((resolve) => setTimeout(resolve, 40));
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const sample of samples) sum += sample * sample;
      loudest = Math.max(loudest, Math.sqrt(sum / samples.length));
    }
    await context.close();
    return loudest;
  }, testId);
}

/** Size and a cheap fingerprint of the frame a <video> shows now (to see it is alive). */
export function videoFrame(page: Page, testId: string) {
  return page.evaluate((id) => {
    const video = document.querySelector<HTMLVideoElement>(`[data-testid="${id}"]`);
    if (!video || video.videoWidth === 0) return null;
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(video, 0, 0);
    return {
      width: canvas.width,
      height: canvas.height,
      png: canvas.toDataURL('image/png'),
      time: video.currentTime,
    };
  }, testId);
}

export function savePng(folder: string, name: string, dataUrl: string): string {
  const dir = join(artifactsDir, folder);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  writeFileSync(path, Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  return path;
}

/** A short y4m clip of a still picture, for Chromium's fake camera (made at test time, not kept). */
export function stillClip(image: string, out: string): string {
  const ffmpeg = resolveFfmpeg();
  const result = spawnSync(ffmpeg, [
    '-y',
    '-loglevel',
    'error',
    '-loop',
    '1',
    '-i',
    image,
    '-t',
    '1',
    '-r',
    '10',
    '-vf',
    'scale=640:480:force_original_aspect_ratio=decrease,pad=640:480:(ow-iw)/2:(oh-ih)/2,format=yuv420p',
    out,
  ]);
  if (result.status !== 0) throw new Error(`ffmpeg failed: ${result.stderr.toString()}`);
  return out;
}

/** Real faces (both BlazeFace models agree, tiles included) in a PNG, with the face branch's check. */
export async function realFacesInPng(path: string, width: number, height: number) {
  const { createNodeFaceDetector } = await import('../../../host/face/node-detector');
  const { findFaces, realFaces } = await import('../../../media/core/face/leak-check');
  const decoded = spawnSync(
    resolveFfmpeg(),
    ['-v', 'error', '-i', path, '-f', 'rawvideo', '-pix_fmt', 'rgba', '-'],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  if (decoded.status !== 0) throw new Error(`ffmpeg could not read ${path}`);
  const frame = { data: new Uint8Array(decoded.stdout), width, height };
  const detectors = [
    await createNodeFaceDetector('back256'),
    await createNodeFaceDetector('front128'),
  ];
  return realFaces(await findFaces(detectors, frame, { threshold: 0.3, tilesPerSide: [2] }));
}

/** The first frame of a clip as PNG. */
export function stillFrame(clip: string, out: string): void {
  const result = spawnSync(resolveFfmpeg(), [
    '-y',
    '-v',
    'error',
    '-i',
    clip,
    '-frames:v',
    '1',
    out,
  ]);
  if (result.status !== 0) throw new Error(`ffmpeg failed: ${result.stderr.toString()}`);
}
