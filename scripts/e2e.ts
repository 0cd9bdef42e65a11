/** Runs the Playwright suite in Chromium: Debian's /usr/bin/chromium, CHROMIUM_PATH, or Playwright's own. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { projectRoot } from '../cli/project.js';
import { CHROMIUM_INSTALL_HINT, findChromium } from './lib/chromium.js';
import { ensureRendererBuilt } from './lib/renderer-build.js';

function playwrightOwnChromium(): string | undefined {
  try {
    const path = chromium.executablePath();
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

const browser = findChromium() ?? playwrightOwnChromium();
if (!browser) {
  console.error(`E2E tests need Chromium and none was found. ${CHROMIUM_INSTALL_HINT}`);
  process.exit(1);
}
console.log(`E2E: using Chromium at ${browser}`);
ensureRendererBuilt(projectRoot, 'test');
const result = spawnSync(
  process.execPath,
  [
    join(projectRoot, 'node_modules', '@playwright', 'test', 'cli.js'),
    'test',
    '--config',
    'tests/playwright.config.ts',
    ...process.argv.slice(2),
  ],
  {
    cwd: projectRoot,
    stdio: 'inherit',
    env: { ...process.env, CHROMIUM_PATH: browser, NODE_ENV: 'test' },
  },
);
process.exit(result.status ?? 1);
