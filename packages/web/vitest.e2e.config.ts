import { defineConfig } from 'vitest/config';

/**
 * Whole journeys in Debian's Chromium against a real server and database. Builds nothing:
 * packages/server/dist and packages/web/dist must exist (the root `test` builds first).
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
