import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    // Validators (EPUBCheck, Ace, Chromium) take seconds each on a 2-core machine.
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
