import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// The server suite runs on SQLite, and again on PostgreSQL when TEST_DATABASE_URL is set (.ci/run sets it).
const dbTests = ['server/**/*.test.ts'];
const pureTests = ['**/*.rules.test.ts', '**/*.unit.test.ts'];
const exclude = ['node_modules/**', 'dist/**', 'e2e/**'];

// extends: the projects inherit the timeouts below.
const db = (name: 'sqlite' | 'postgres'): TestProjectInlineConfiguration => ({
  extends: true,
  test: { name, include: dbTests, exclude: [...exclude, ...pureTests], env: { TEST_DIALECT: name } },
});

export default defineConfig({
  test: {
    // Vitest's default is one worker on a two-core machine; the files are independent (each has its own SQLite file
    // or PostgreSQL schema), and PostgreSQL works in processes of its own.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [{ extends: true, test: { name: 'unit', include: pureTests, exclude } }, db('sqlite'), ...(process.env.TEST_DATABASE_URL ? [db('postgres')] : [])],
  },
});
