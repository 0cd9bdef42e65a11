import { join } from 'node:path';
import { projectRoot } from './host-process';

/** The shared test media: ../shared/testdata beside the project, or INCAMERA_TESTDATA. */
export function testdataDir(): string {
  return process.env.INCAMERA_TESTDATA ?? join(projectRoot, '..', 'shared', 'testdata');
}
