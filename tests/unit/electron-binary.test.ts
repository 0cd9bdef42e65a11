import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../electron/binary';

function fakeProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'incamera-electron-'));
  mkdirSync(join(root, 'node_modules', 'electron', 'dist'), { recursive: true });
  writeFileSync(join(root, 'node_modules', 'electron', 'package.json'), '{}');
  return root;
}

describe('findElectronBinary', () => {
  it('reports a missing package, a missing download and a present binary', () => {
    expect(findElectronBinary(mkdtempSync(join(tmpdir(), 'empty-')))).toMatchObject({
      found: false,
      reason: expect.stringContaining('npm install'),
    });
    const root = fakeProject();
    expect(findElectronBinary(root)).toMatchObject({
      found: false,
      reason: expect.stringContaining('not been downloaded'),
    });
    writeFileSync(join(root, 'node_modules', 'electron', 'path.txt'), 'electron');
    expect(findElectronBinary(root)).toMatchObject({
      found: false,
      reason: expect.stringContaining('missing'),
    });
    writeFileSync(join(root, 'node_modules', 'electron', 'dist', 'electron'), '');
    expect(findElectronBinary(root)).toEqual({
      found: true,
      path: join(root, 'node_modules', 'electron', 'dist', 'electron'),
    });
  });
});
