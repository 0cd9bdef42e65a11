/** Helpers for the public gallery spec: the judge's and clerk's records screens, frame brightness. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { COURT_PASSPHRASE } from './court';

export async function signInToRecords(page: Page, operator: { name: string; passphrase: string }) {
  await page.getByLabel('Operator name').fill(operator.name);
  await page.getByLabel('Your passphrase').fill(operator.passphrase);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByTestId('signed-in-as').waitFor();
  const unlock = page.getByLabel('Court passphrase');
  if (await unlock.isVisible().catch(() => false)) {
    await unlock.fill(COURT_PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
  }
}

/** Serious or critical WCAG 2.1 A/AA violations on the page as it is now. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export type FrameSample = { time: number; dark: number; mean: number };

/**
 * The gallery video's current frame, scaled down: its playback time, the share of nearly black
 * pixels (a redacted picture is black with a line of text) and the mean brightness.
 */
export function sampleGalleryFrame(page: Page): Promise<FrameSample> {
  return page.evaluate(() => {
    const video = document.querySelector<HTMLVideoElement>('[data-testid="gallery-video"]')!;
    const canvas = document.createElement('canvas');
    canvas.width = 160;
    canvas.height = 90;
    const context = canvas.getContext('2d')!;
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let dark = 0;
    let sum = 0;
    for (let i = 0; i < data.length; i += 4) {
      const luma = 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
      sum += luma;
      if (luma < 24) dark += 1;
    }
    const pixels = data.length / 4;
    return { time: video.currentTime, dark: dark / pixels, mean: sum / pixels };
  });
}
