/**
 * Finds Electron's binary without requiring the `electron` package: requiring it would try to
 * download the binary, which fails offline. The binary exists once path.txt names a file in dist/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

export function findElectronBinary(projectRoot: string): ElectronBinary {
  const packageDir = join(projectRoot, 'node_modules', 'electron');
  if (!existsSync(join(packageDir, 'package.json'))) {
    return { found: false, reason: 'the electron package is not installed (run npm install)' };
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      found: false,
      reason:
        "Electron's binary has not been downloaded (it needs internet access at install time)",
    };
  }
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) {
    return { found: false, reason: `Electron's binary is missing at ${binary}` };
  }
  return { found: true, path: binary };
}
