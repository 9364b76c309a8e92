// Test runner settings: unit and fixture tests under test/; browser tests run separately (npm run test:e2e).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    pool: 'threads',
    testTimeout: 20_000,
  },
});
