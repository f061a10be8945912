import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    reporters: ['default', './test/support/summaryReporter.ts'],
    // CLI tests spawn the built bundle; two workers match the two cores.
    maxWorkers: 2,
    testTimeout: 20_000,
  },
})
