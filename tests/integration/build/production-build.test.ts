/**
 * What ships: the production build of the renderer (vite build, mode production) carries no lab
 * page, no `?face-diagnostics` raw-frame tap and no source maps. Built for real into a temp folder.
 * (A test-mode build, `vite build --mode test`, has every word these tests look for.)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
let out: string;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? files(join(dir, entry.name))
      : [relative(out, join(dir, entry.name)).split('\\').join('/')],
  );
}

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'incamera-production-build-'));
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const built = spawnSync(
    process.execPath,
    [vite, 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'error'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  expect(built.status, built.stderr).toBe(0);
}, 600_000);

describe('the production build of the renderer', () => {
  it('has the app and no lab page', () => {
    const all = files(out);
    expect(all).toContain('index.html');
    expect(all.filter((f) => f.startsWith('lab/') || /sfu-?lab/i.test(f))).toEqual([]);
    expect(existsSync(join(out, 'lab'))).toBe(false);
  });

  it('has no source maps', () => {
    const all = files(out);
    expect(all.filter((f) => f.endsWith('.map'))).toEqual([]);
    for (const file of all.filter((f) => f.endsWith('.js')))
      expect(readFileSync(join(out, file), 'utf8'), file).not.toMatch(/sourceMappingURL/);
  });

  it('has no face-diagnostics raw-frame tap compiled in', () => {
    const scripts = files(out).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const file of scripts) {
      const text = readFileSync(join(out, file), 'utf8');
      // Whole words: TF.js's own `startTape` is not the tap.
      const found = [
        'face-diagnostics',
        'incameraFaceDiagnostics',
        'startTap',
        'rawFrames',
        'face-model',
      ].filter((s) => new RegExp(`\\b${s}\\b`).test(text));
      expect(found, file).toEqual([]);
    }
  });

  it('gives the face-masking pipeline no camera-frame sink', () => {
    const scripts = files(out).filter((f) => f.endsWith('.js'));
    // The pipeline may ask an observer for one (`.cameraFrameSink()`), but nothing offers one.
    const pipelineAsks = scripts.some((file) =>
      /\.cameraFrameSink\(/.test(readFileSync(join(out, file), 'utf8')),
    );
    expect(pipelineAsks).toBe(true);
    for (const file of scripts)
      expect(readFileSync(join(out, file), 'utf8'), file).not.toMatch(
        /(?<!\.)\bcameraFrameSink\s*(:|\(\)\s*\{)/,
      );
  });
});
