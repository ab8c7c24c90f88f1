import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // CLI tests run the compiled binary, so the build runs once before any test file.
    globalSetup: ['test/helpers/global-setup.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Quiet the tests that check for colour: vitest itself may run under a TTY.
    env: { NO_COLOR: '1' },
  },
});
