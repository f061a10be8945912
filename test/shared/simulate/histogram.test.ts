/**
 * The cycle-time histogram of the in-process report (shared/simulate/histogram.ts): bins of a
 * power-of-two width from 0, counted by hand; merged across replications; kept out of the
 * `simulate --json` text.
 */
import { describe, expect, it } from 'vitest'
import { simulate, toSimulationJson } from '../../../shared/simulate/index.js'
import { binWidth, histogramOf, mergeHistograms } from '../../../shared/simulate/histogram.js'
import { build, fixed, outcome, run } from './flows.js'

describe('binning cycle times', () => {
  it('takes the smallest power of two that needs at most 32 bins', () => {
    expect(binWidth(4)).toBe(0.25) // 16 bins of 0.25 h; 0.125 h would need 33
    expect(binWidth(3)).toBe(0.125) // 25 bins
    expect(binWidth(64)).toBe(4) // 64 ÷ 2 = 32 would put the longest in a 33rd bin
    expect(binWidth(63.9)).toBe(2)
    expect(binWidth(1000)).toBe(32)
    expect(binWidth(0)).toBe(1)
  })

  it('counts each value in [i × width, (i + 1) × width), the longest in the last bin', () => {
    const h = histogramOf(Float64Array.from([0, 0.5, 1, 0.2499, 0.25, 3.9, 4]), 4)!
    expect(h.binHours).toBe(0.25)
    expect(h.counts).toHaveLength(17)
    const expected = new Array<number>(17).fill(0)
    expected[0] = 2 // 0 and 0.2499
    expected[1] = 1 // 0.25
    expected[2] = 1 // 0.5
    expected[4] = 1 // 1
    expected[15] = 1 // 3.9
    expected[16] = 1 // 4
    expect(h.counts).toEqual(expected)
    expect(histogramOf(new Float64Array(0), 0)).toBeNull()
  })

  it('merges replications on the widest bins, each narrower bin inside one of them', () => {
    // 0.25 h bins up to 4 h, and 1 h bins up to 20 h: merged on 1 h bins.
    const narrow = { binHours: 0.25, counts: [1, 0, 2, 0, 3, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 5] }
    const wide = { binHours: 1, counts: [1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1] }
    const merged = mergeHistograms([narrow, null, wide])!
    expect(merged.binHours).toBe(1)
    // narrow: [0, 1) holds 1 + 2, [1, 2) holds 3 + 1, [3, 4) holds 4, [4, 5) holds 5
    const expected = new Array<number>(21).fill(0)
    expected[0] = 3 + 1
    expected[1] = 4 + 1
    expected[3] = 4
    expected[4] = 5
    expected[20] = 1
    expect(merged.counts).toEqual(expected)
    expect(mergeHistograms([null, null])).toBeNull()
  })
})

describe('the report’s cycle-time histogram', () => {
  // A lead every 10 h; a quarter of them (by draw) take the 1 h fast lane, the rest 3 h of
  // work: nobody queues, so cycle times are exactly 1 h or 3 h.
  const lanes = build({
    roles: [['clerk', 2]],
    arrivals: fixed(10),
    cases: 400,
    nodes: [
      { id: 'in', kind: 'start' },
      { id: 'route', kind: 'decision' },
      { id: 'fast', kind: 'task', owner: 'clerk', duration: fixed(1) },
      { id: 'slow', kind: 'task', owner: 'clerk', duration: fixed(3) },
      { id: 'quick', kind: 'end', outcome: 'quick' },
      { id: 'long', kind: 'end', outcome: 'long' },
    ],
    edges: [
      ['in', 'route'],
      ['route', 'fast', 0.25],
      ['route', 'slow', 0.75],
      ['fast', 'quick'],
      ['slow', 'long'],
    ],
  })

  it('puts 1 h cases in bin 8 and 3 h cases in bin 24 of 0.125 h, adding up to the completed cases', () => {
    const report = run(lanes, { seed: 3 })
    const h = report.cycleHistogram!
    // longest 3 h: 0.125 h bins (3 ÷ 0.125 = 24 < 32, 3 ÷ 0.0625 = 48), bins 0 … 24
    expect(h.binHours).toBe(0.125)
    expect(h.counts).toHaveLength(25)
    expect(h.counts[8]).toBe(outcome(report, 'quick'))
    expect(h.counts[24]).toBe(outcome(report, 'long'))
    expect(h.counts.filter((c, i) => i !== 8 && i !== 24).every((c) => c === 0)).toBe(true)
    expect(h.counts.reduce((s, c) => s + c, 0)).toBe(report.completed)
  })

  it('adds up replications on the same bins, and leaves out warm-up cases', () => {
    const report = run(lanes, { seed: 3, replications: 3, warmupCases: 40 })
    const h = report.cycleHistogram!
    expect(report.completed).toBe(3 * 360)
    expect(h.binHours).toBe(0.125)
    expect(h.counts[8]! + h.counts[24]!).toBe(report.completed)
    expect(h.counts[8]).toBe(outcome(report, 'quick'))
  })

  it('is absent without completed cases, and is not part of the JSON', () => {
    const outcomeOf = simulate(lanes, { cases: 10, warmupCases: 10 })
    expect(outcomeOf.ok && outcomeOf.report.cycleHistogram).toBeNull()
    const report = run(lanes, { seed: 3 })
    expect(toSimulationJson(report)).not.toContain('Histogram')
  })
})
