/** The process's memory after a full garbage collection, in MiB. */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

export type MemoryFigures = { heapMiB: number; rssMiB: number };

export function measureMemory(): MemoryFigures {
  gc();
  const { heapUsed, rss } = process.memoryUsage();
  return { heapMiB: round(heapUsed / 2 ** 20), rssMiB: round(rss / 2 ** 20) };
}

const round = (value: number) => Math.round(value * 10) / 10;
