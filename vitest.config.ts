import { defineConfig } from 'vitest/config';

// The server suite runs on SQLite, and again on PostgreSQL when TEST_DATABASE_URL is set (.ci/run sets it).
const dbTests = ['server/**/*.test.ts'];
const pureTests = ['**/*.rules.test.ts', '**/*.unit.test.ts'];
const exclude = ['node_modules/**', 'dist/**', 'e2e/**'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { test: { name: 'unit', include: pureTests, exclude } },
      { test: { name: 'sqlite', include: dbTests, exclude: [...exclude, ...pureTests], env: { TEST_DIALECT: 'sqlite' } } },
      ...(process.env.TEST_DATABASE_URL
        ? [{ test: { name: 'postgres', include: dbTests, exclude: [...exclude, ...pureTests], env: { TEST_DIALECT: 'postgres' } } }]
        : []),
    ],
  },
});
