import type { LaunchOptions } from '@playwright/test';

export { CHROMIUM_FLAGS } from '../../../scripts/lib/chromium';
import { CHROMIUM_FLAGS, findChromium } from '../../../scripts/lib/chromium';

export type FakeMedia = { video?: string; audio?: string };

export function chromiumLaunchOptions(fake: FakeMedia = {}): LaunchOptions {
  const args = [...CHROMIUM_FLAGS];
  if (fake.video) args.push(`--use-file-for-fake-video-capture=${fake.video}`);
  if (fake.audio) args.push(`--use-file-for-fake-audio-capture=${fake.audio}`);
  // The E2E runner sets CHROMIUM_PATH; benches run directly find Debian's Chromium themselves.
  const executablePath = findChromium();
  return { ...(executablePath ? { executablePath } : {}), args, headless: true };
}
