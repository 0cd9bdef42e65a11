import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { projectRoot } from '../../cli/project.js';

/** The shared test media: INCAMERA_TESTDATA, else ../shared/testdata beside the project (as in CI). */
export function testdataDir(): string {
  const dir = process.env.INCAMERA_TESTDATA
    ? resolve(process.env.INCAMERA_TESTDATA)
    : resolve(projectRoot, '..', 'shared', 'testdata');
  if (!existsSync(dir)) {
    throw new Error(
      `Test media not found at ${dir}. Place shared/testdata beside the project or set INCAMERA_TESTDATA.`,
    );
  }
  return dir;
}

export function speechDir(): string {
  return join(testdataDir(), 'speech');
}
