import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Fails the run if a test leaves anything in the temp folder.
    globalSetup: ['test/global-setup.ts'],
    // Whole-site builds and browser tests take longer than unit tests.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
