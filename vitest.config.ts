import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Snippet runs and browsers are heavy on a 2-core machine; keep parallelism modest.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/{lib,loaders,scripts,content,i18n}/**/*.test.ts'] },
      },
      {
        // Tests over the built site; it is built once before them.
        extends: true,
        test: { name: 'site', include: ['tests/{build-output,browser}/**/*.test.ts'], globalSetup: ['tests/global-setup.ts'] },
      },
    ],
  },
});
