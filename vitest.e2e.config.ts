import { defineConfig } from 'vitest/config';

// Browser tests: a real server process per file and Debian's Chromium driven by playwright-core.
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
