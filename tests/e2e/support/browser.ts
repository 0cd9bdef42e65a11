import type { LaunchOptions } from '@playwright/test';

/** Flags that keep Debian's Chromium quiet and offline, with a fake camera and microphone. */
export const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
];

export type FakeMedia = { video?: string; audio?: string };

export function chromiumLaunchOptions(fake: FakeMedia = {}): LaunchOptions {
  const args = [...CHROMIUM_FLAGS];
  if (fake.video) args.push(`--use-file-for-fake-video-capture=${fake.video}`);
  if (fake.audio) args.push(`--use-file-for-fake-audio-capture=${fake.audio}`);
  const executablePath = process.env.CHROMIUM_PATH;
  return { ...(executablePath ? { executablePath } : {}), args, headless: true };
}
