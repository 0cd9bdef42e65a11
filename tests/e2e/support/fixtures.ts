import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { projectRoot, startHostProcess, type HostProcess } from './host-process';

export const artifactsDir = join(projectRoot, 'artifacts', 'e2e');

/** Saves a screenshot under artifacts/e2e/<folder>/<name>.png for people to look at. */
export async function saveScreenshot(page: Page, folder: string, name: string): Promise<string> {
  const dir = join(artifactsDir, folder);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export const test = base.extend<{ consoleErrors: string[] }, { host: HostProcess }>({
  host: [
    async ({}, use) => {
      const host = await startHostProcess();
      await use(host);
      await host.stop();
    },
    { scope: 'worker' },
  ],
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await use(errors);
  },
});

export { expect } from '@playwright/test';
