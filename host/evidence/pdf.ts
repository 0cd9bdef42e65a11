/** Prints an HTML file to PDF with headless Chromium (found as the tests find it). */
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { findChromium } from '../tools/chromium.js';

export type PdfResult =
  { ok: true } | { ok: false; reason: 'no-chromium' | 'print-failed'; why: string };

export async function printPdf(html: string, out: string, env = process.env): Promise<PdfResult> {
  const chromium = findChromium(env);
  if (!chromium)
    return {
      ok: false,
      reason: 'no-chromium',
      why: 'no Chromium was found (set CHROMIUM_PATH or install chromium); minutes.html is complete',
    };
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(
      chromium,
      [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--no-pdf-header-footer',
        `--print-to-pdf=${out}`,
        pathToFileURL(html).href,
      ],
      { stdio: 'ignore' },
    );
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', () => resolve(-1));
    child.on('exit', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  if (code !== 0 || !existsSync(out) || statSync(out).size === 0)
    return {
      ok: false,
      reason: 'print-failed',
      why: `Chromium (${chromium}) could not print the minutes (exit ${code})`,
    };
  return { ok: true };
}
