import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    // Integration tests spawn the real CLI (compiled on the fly by tsx); on a loaded 2-core machine
    // that alone can take tens of seconds.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Vitest's default is one worker a core less than the machine has: one on a 2-core CI
    // machine, where most integration tests wait on a child process, ffmpeg or a timer. Two
    // there took the suite from 7.3 to 4.5 min (7 Dec 2026).
    maxWorkers: Math.max(availableParallelism(), 2),
  },
});
