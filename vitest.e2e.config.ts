// Browser end-to-end tests (npm run test:e2e): built pages opened in headless Chromium; kept out of `npm test`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/*.test.ts'],
    // One Chromium at a time: the machines have two cores and a browser per file would make timings flaky.
    fileParallelism: false,
    pool: 'forks',
    // A build (~2 s) and a Chromium launch happen in beforeAll; full-page screenshots and PDFs take seconds each.
    hookTimeout: 120_000,
    testTimeout: 60_000,
  },
});
