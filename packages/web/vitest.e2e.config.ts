import { defineConfig } from 'vitest/config';

/**
 * Whole journeys in Debian's Chromium against a real server and database (e2e/server.ts starts
 * one per file). Builds nothing: packages/server/dist and packages/web/dist must exist (the
 * root `test` builds first).
 */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // What a page shows after a live event may take a while on a busy two-core CI machine.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    // One journey: each step continues from where the previous one left the browser.
    sequence: { concurrent: false },
  },
});
