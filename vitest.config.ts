import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/**/*.fuzz.test.ts', 'node_modules/**'],
    testTimeout: 30000,
    hookTimeout: 30000,
  },
});
