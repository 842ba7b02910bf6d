// Runs the typesetting figures script (not part of `npm test`: it prints measurements
// and asserts nothing): npx vitest run -c tests/pdf-typeset/figures.config.ts
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/pdf-typeset/figures.ts'],
    testTimeout: 600_000,
  },
});
