import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The dist and browser tests need a built site; it is built once here.
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Browser tests and snippet runs are heavy on a 2-core machine; keep parallelism modest.
    maxWorkers: 2,
  },
});
