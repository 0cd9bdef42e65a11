/** The import rules of .dependency-cruiser.cjs really fire: a cycle, a layer breach, a stray folder. */
import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const depcruise = join(root, 'node_modules', '.bin', 'depcruise');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

let tree: string;
// One depcruise run over the whole fixture (starting it costs seconds); each test reads its part.
let found: Violation[];

async function writeTree(files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(tree, path)), { recursive: true });
    await writeFile(join(tree, path), text);
  }
}

async function violations(...paths: string[]): Promise<Violation[]> {
  const run = promisify(execFile);
  const config = join(root, '.dependency-cruiser.cjs');
  // depcruise exits non-zero when it finds violations; the JSON report is what we read.
  const output = await run(depcruise, ['--config', config, '--output-type', 'json', ...paths], {
    cwd: tree,
  }).catch((failure: { stdout?: string }) => ({ stdout: failure.stdout ?? '' }));
  return (JSON.parse(output.stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

beforeAll(async () => {
  tree = await mkdtemp(join(tmpdir(), 'incamera-import-rules-'));
  await writeTree({
    'tsconfig.base.json': JSON.stringify({
      compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true },
    }),
    // A cycle made only of type imports: still a cycle.
    'renderer/a.ts': "import type { B } from './b.js';\nexport interface A { b?: B }\n",
    'renderer/b.ts': "import type { A } from './a.js';\nexport interface B { a?: A }\n",
    // The SFU (lowest runtime layer) reaching up into the court.
    'host/sfu/router.ts': "import { court } from '../court/session.js';\nexport const r = court;\n",
    'host/court/session.ts':
      "import { room } from '../session/room.js';\nexport const court = room;\n",
    'host/session/room.ts': "import { log } from '../logger.js';\nexport const room = log;\n",
    'host/logger.ts': 'export const log = 1;\n',
    // A folder that has no place in the layer order.
    'host/stray/thing.ts': "import { log } from '../logger.js';\nexport const t = log;\n",
  });
  found = await violations('renderer', 'host');
});

afterAll(async () => {
  await rm(tree, { recursive: true, force: true });
});

describe('import rules', () => {
  it('refuse a cycle made of type-only imports', async () => {
    expect(found.map((v) => v.rule.name)).toContain('no-circular');
    expect(found.some((v) => v.from === 'renderer/a.ts' || v.from === 'renderer/b.ts')).toBe(true);
  });

  it('refuse a lower host layer importing a higher one, and allow the other direction', async () => {
    const layers = found.filter((v) => v.rule.name.startsWith('host-layer'));
    expect(layers).toContainEqual(
      expect.objectContaining({
        rule: expect.objectContaining({ name: 'host-layer-sfu' }),
        from: 'host/sfu/router.ts',
        to: 'host/court/session.ts',
      }),
    );
    expect(layers.filter((v) => v.from === 'host/court/session.ts')).toEqual([]);
    expect(layers.filter((v) => v.from === 'host/session/room.ts')).toEqual([]);
  });

  it('refuse a host folder that has no place in the layer order', async () => {
    expect(found).toContainEqual(
      expect.objectContaining({
        rule: expect.objectContaining({ name: 'host-layer-unplaced' }),
        from: 'host/stray/thing.ts',
      }),
    );
  });
});
