import path from 'node:path';
import { defineConfig } from 'vitest/config';

// End-to-end tests: Playwright (playwright-core) driving Debian's Chromium against the server that
// scripts/e2e.ts started. Run with `npm run test:e2e`, not directly.
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['tests/e2e/**/*.spec.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
