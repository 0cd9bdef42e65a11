/**
 * better-sqlite3 is compiled for Node's ABI; Electron needs its own build. Rather than rebuilding
 * node_modules in place (which would break the CLI and the tests), a copy is built for Electron
 * into .cache/ and handed to the host through INCAMERA_SQLITE_BINDING. Runs only where Electron's
 * binary is installed, which implies the machine could download it, and so Electron's headers.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export function ensureElectronSqliteBinding(root: string): string {
  const electronVersion = (
    JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  const target = join(
    root,
    '.cache',
    'electron-native',
    `${electronVersion}-${process.platform}-${process.arch}`,
  );
  const binding = join(target, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(binding)) return binding;

  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  cpSync(join(root, 'node_modules', 'better-sqlite3'), target, { recursive: true });
  rmSync(join(target, 'build'), { recursive: true, force: true });
  console.log(`Preparing the database driver for Electron ${electronVersion} (once)…`);
  const prebuilt = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules', 'prebuild-install', 'bin.js'),
      '--runtime',
      'electron',
      '--target',
      electronVersion,
      '--arch',
      process.arch,
      '--platform',
      process.platform,
    ],
    { cwd: target, stdio: 'inherit' },
  );
  if (prebuilt.status !== 0 || !existsSync(binding)) {
    const compiled = spawnSync(
      'npx',
      [
        '--yes',
        'node-gyp',
        'rebuild',
        '--release',
        `--target=${electronVersion}`,
        '--runtime=electron',
        '--dist-url=https://electronjs.org/headers',
      ],
      { cwd: target, stdio: 'inherit', shell: process.platform === 'win32' },
    );
    if (compiled.status !== 0 || !existsSync(binding)) {
      throw new Error(
        'Could not prepare better-sqlite3 for Electron. Check the internet connection and a C++ toolchain, then run npm start again.',
      );
    }
  }
  return binding;
}
