import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Browser and dist tests build the site once in globalSetup; snippets spawn processes.
    testTimeout: 30_000,
    hookTimeout: 600_000,
  },
});
