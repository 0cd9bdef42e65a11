import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildElectron } from '../../scripts/build-electron';
import { projectRoot } from '../../cli/project';

const requiredModules = (file: string) =>
  new Set(
    [
      ...readFileSync(join(projectRoot, 'dist', 'electron', file), 'utf8').matchAll(
        /\brequire\("([^"]+)"\)/g,
      ),
    ].map((match) => match[1]),
  );

describe('Electron bundles', () => {
  beforeAll(() => buildElectron(), 60_000);

  it('the sandboxed preload needs nothing but electron', () => {
    expect([...requiredModules('preload.cjs')]).toEqual(['electron']);
  });

  it('the main process needs only Node built-ins, electron and the native database driver', () => {
    // ws tries bufferutil and utf-8-validate inside try/catch and works without them.
    const optional = ['bufferutil', 'utf-8-validate'];
    const allowed = new Set([
      ...optional,
      ...builtinModules,
      ...builtinModules.map((name) => `node:${name}`),
      'electron',
      'better-sqlite3',
    ]);
    expect([...requiredModules('main.cjs')].filter((name) => !allowed.has(name!))).toEqual([]);
  });
});
