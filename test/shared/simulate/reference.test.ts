/**
 * Two independent implementations of the same model must agree: Flowlane's engine on the
 * B2B template reduced to the reference engine's terms (24/7, exponential work, no limits)
 * and the hand-coded reference engine of test/bench.
 */
import { describe, expect, it } from 'vitest'
import { referenceModel, runReferenceEngine } from '../../bench/referenceEngine.js'
import { halfWidth95 } from '../../../shared/simulate/statistics.js'
import { loadTemplate, templateFiles } from '../../support/templates.js'
import { run } from './flows.js'

describe('the engine against the plain reference engine', () => {
  it('gives the same mean cycle time on the same model, within the replications’ confidence', () => {
    const b2b = loadTemplate(templateFiles().find((f) => f.id === 'b2b-pipeline' && f.locale === 'en')!)
    const doc = referenceModel(b2b)
    const R = 10
    const ours = Array.from(
      { length: R },
      (_, k) => run(doc, { cases: 100_000, warmupCases: 0, seed: k + 1 }).cycleTime.mean!,
    )
    const theirs = Array.from({ length: R }, (_, k) => runReferenceEngine(100_000, k + 1).meanCycleTime)
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length
    const tolerance = 3 * Math.hypot(halfWidth95(ours)!, halfWidth95(theirs)!)
    expect(Math.abs(mean(ours) - mean(theirs))).toBeLessThan(tolerance)
    expect(tolerance).toBeLessThan(0.02 * mean(theirs))
  })
})
