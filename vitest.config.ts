import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    // Integration tests spawn the real CLI (compiled on the fly by tsx); on a loaded 2-core machine
    // that alone can take tens of seconds.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
