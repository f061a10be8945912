/**
 * Writes Vitest's counts to `.test-summary/vitest.json` so `scripts/test-all.mjs` can
 * close the whole run with one `N passed, N failed` line, and a run that executed no
 * test shows as such.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import type { Reporter, TestModule } from 'vitest/node'

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0
    let failed = 0
    let skipped = 0
    for (const module of modules) {
      // A file that fails to import has no tests but must still count as a failure.
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) failed++
      for (const test of module.children.allTests()) {
        const state = test.result().state
        if (state === 'passed') passed++
        else if (state === 'failed') failed++
        else skipped++
      }
    }
    failed += unhandledErrors.length
    mkdirSync('.test-summary', { recursive: true })
    writeFileSync('.test-summary/vitest.json', JSON.stringify({ passed, failed, skipped }))
  }
}
