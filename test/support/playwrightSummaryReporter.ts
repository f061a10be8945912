/**
 * Writes Playwright's counts to `.test-summary/playwright.json` for the combined
 * `N passed, N failed` line of `scripts/test-all.mjs`.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter'

export default class PlaywrightSummaryReporter implements Reporter {
  private readonly outcomes = new Map<string, string>()

  onTestEnd(test: TestCase, _result: TestResult): void {
    // The last attempt decides: a retried test that passed counts once, as passed.
    this.outcomes.set(test.id, test.outcome())
  }

  onEnd(result: FullResult): void {
    let passed = 0
    let failed = 0
    let skipped = 0
    for (const outcome of this.outcomes.values()) {
      if (outcome === 'expected' || outcome === 'flaky') passed++
      else if (outcome === 'skipped') skipped++
      else failed++
    }
    if (result.status !== 'passed' && failed === 0) failed = 1
    mkdirSync('.test-summary', { recursive: true })
    writeFileSync('.test-summary/playwright.json', JSON.stringify({ passed, failed, skipped }))
  }
}
