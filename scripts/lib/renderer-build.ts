import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCE_DIRS = ['renderer', 'media', 'contract'];

/**
 * Builds the renderer with Vite when the build is missing, older than its sources, or of the other
 * mode: 'production' (what ships: no lab page, no diagnostics, no source maps) or 'test' (E2E tests
 * and benchmarks, which drive the lab page and the face diagnostics).
 */
export function ensureRendererBuilt(
  root: string,
  mode: 'production' | 'test' = 'production',
): void {
  const index = join(root, 'dist', 'renderer', 'index.html');
  const modeFile = join(root, 'dist', '.renderer-build-mode');
  const builtMode = existsSync(modeFile) ? readFileSync(modeFile, 'utf8').trim() : undefined;
  if (existsSync(index) && builtMode === mode && statSync(index).mtimeMs >= newestSourceTime(root))
    return;
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--mode', mode, '--logLevel', 'warn'],
    { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
  // vite.config.ts records the build's mode in modeFile.
  if (result.status !== 0) throw new Error('Building the UI failed (see the messages above).');
}

function newestSourceTime(root: string): number {
  let newest = 0;
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of SOURCE_DIRS) if (existsSync(join(root, dir))) visit(join(root, dir));
  return newest;
}
