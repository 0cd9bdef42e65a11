/** A seeded source of randomness for the fuzzer: the same seed replays the same cases. */
import { createRandom } from '../../media/core/voice/prng.js';

export type Fuzzer = {
  next(): number;
  int(low: number, high: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
};

export function createFuzzer(seed: string): Fuzzer {
  const random = createRandom(`fuzz:${seed}`);
  const int = (low: number, high: number) => low + Math.floor(random.next() * (high - low + 1));
  return {
    next: random.next,
    int,
    chance: (p) => random.next() < p,
    pick: <T>(items: readonly T[]) => items[int(0, items.length - 1)]!,
  };
}
