/** Drives renderer/lab/sfu.html (media/'s SFU client in the built bundle) from Playwright. */
import type { Browser, Page } from '@playwright/test';

export type LabReport = {
  videos: {
    peerId: string;
    width: number;
    height: number;
    changing: boolean;
    firstFrameMs: number | null;
  }[];
  audio: { peerId: string; rms: number }[];
  errors: string[];
};

export type ReceiveStats = {
  packetsReceived: number;
  packetsLost: number;
  nackCount: number;
  retransmittedPacketsReceived: number;
  framesDecoded: number;
};

export type LabWindow = {
  sfuLab: {
    join(token: string): Promise<unknown>;
    sendCamera(appData?: Record<string, string>): Promise<string[]>;
    report(): Promise<LabReport>;
    pauseVideo(): Promise<unknown>;
    resumeVideo(): Promise<unknown>;
    videoReceiveStats(): Promise<(ReceiveStats | undefined)[]>;
  };
};

export async function openLab(browser: Browser, hostUrl: string, token: string): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error(`[${token}] ${error.message}`));
  await page.goto(`${hostUrl}lab/sfu.html`);
  await page.waitForFunction(() => 'sfuLab' in window);
  await page.evaluate((t) => (window as unknown as LabWindow).sfuLab.join(t), token);
  return page;
}

export const labReport = (page: Page): Promise<LabReport> =>
  page.evaluate(() => (window as unknown as LabWindow).sfuLab.report());
