import { defineConfig } from 'vitest/config';

// Browser tests: a real server process per file and Debian's Chromium driven by playwright-core. Each file has its own
// server, data directory and browser, so two files run side by side (the machine has two cores).
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: true,
    maxWorkers: 2,
  },
});
