import { defineConfig } from 'vitest/config';

/**
 * Tests that run ffmpeg or the recorder against the wall clock (live sources, delayed feeds, a host
 * killed mid-part): they run after the rest, one file at a time, so nothing competes with their
 * real-time encoders.
 */
const realTime = [
  'tests/integration/recording/**/*.test.ts',
  'tests/integration/gallery/**/*.test.ts',
  'tests/integration/file-modes.test.ts',
];

const shared = {
  environment: 'node' as const,
  // Integration tests spawn the real CLI (compiled on the fly by tsx); on a loaded 2-core machine
  // that alone can take tens of seconds.
  testTimeout: 120_000,
  hookTimeout: 120_000,
};

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'parallel',
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          exclude: realTime,
          // Two files at a time even on 2 cores: much of their time is spent waiting on the child
          // processes and sockets they drive.
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          ...shared,
          name: 'real-time',
          include: realTime,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
