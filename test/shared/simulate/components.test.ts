/**
 * The simulator's parts on their own: the generator against its published test vector, the
 * samplers against their distributions, the working clock against the calendar, and the
 * statistics against tables.
 */
import { describe, expect, it } from 'vitest'
import type { Distribution } from '../../../shared/document/index.js'
import { compileDistribution, drawInto, STRIDE } from '../../../shared/simulate/distributions.js'
import { quantiles } from '../../../shared/simulate/engine.js'
import { RandomStreams, streamKey } from '../../../shared/simulate/random.js'
import { halfWidth95, studentTQuantile } from '../../../shared/simulate/statistics.js'
import { WorkingClock } from '../../../shared/simulate/workingClock.js'
import { distributionMean } from '../../../shared/time/distributionMean.js'

describe('xoshiro128**', () => {
  it('reproduces the reference implementation from state {1, 2, 3, 4}', () => {
    const rng = RandomStreams.fromStates([[1, 2, 3, 4]])
    const outputs = Array.from({ length: 10 }, () => rng.nextUint32(0))
    expect(outputs).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804,
    ])
  })

  it('derives different streams from the seed, the replication and the stream name', () => {
    const keys = [
      streamKey(1, 0, 'duration:a'),
      streamKey(2, 0, 'duration:a'),
      streamKey(1, 1, 'duration:a'),
      streamKey(1, 0, 'duration:b'),
      streamKey(-1, 0, 'duration:a'),
    ]
    expect(new Set(keys).size).toBe(keys.length)
    expect(streamKey(1, 0, 'duration:a')).toBe(keys[0])
  })

  it('gives uniforms strictly inside (0, 1), spread evenly over ten bins', () => {
    const rng = new RandomStreams([streamKey(7, 0, 'u')])
    const bins = new Array<number>(10).fill(0)
    const n = 200_000
    for (let i = 0; i < n; i++) {
      const u = rng.uniform(0)
      expect(u > 0 && u < 1).toBe(true)
      bins[Math.floor(u * 10)]!++
    }
    // χ² with 9 degrees of freedom: 27.9 is its 0.999 quantile.
    const chi2 = bins.reduce((s, b) => s + (b - n / 10) ** 2 / (n / 10), 0)
    expect(chi2).toBeLessThan(27.9)
  })

  it('gives standard normals with the right moments and tails (ziggurat)', () => {
    const rng = new RandomStreams([streamKey(3, 0, 'z')])
    const n = 1_000_000
    let sum = 0
    let squares = 0
    let beyond3 = 0
    for (let i = 0; i < n; i++) {
      const z = rng.normal(0)
      sum += z
      squares += z * z
      if (Math.abs(z) > 3) beyond3++
    }
    expect(Math.abs(sum / n)).toBeLessThan(5 / Math.sqrt(n))
    expect(Math.abs(squares / n - 1)).toBeLessThan(5 * Math.sqrt(2 / n))
    // P(|Z| > 3) = 0.0026998; binomial sd at n = 10⁶ is about 52.
    expect(Math.abs(beyond3 - 2699.8)).toBeLessThan(5 * 52)
  })
})

describe('sampling the distributions of file-format.md', () => {
  const cases: [string, Distribution, { variance?: number; min?: number; max?: number }][] = [
    ['fixed', { dist: 'fixed', value: 2.5, unit: 'hour' }, { variance: 0, min: 2.5, max: 2.5 }],
    ['uniform', { dist: 'uniform', min: 1, max: 4, unit: 'hour' }, { variance: 9 / 12, min: 1, max: 4 }],
    ['triangular', { dist: 'triangular', min: 1, mode: 2, max: 4, unit: 'hour' }, { variance: 7 / 18, min: 1, max: 4 }],
    // PERT variance: (μ − a)(b − μ) / 7 for λ = 4.
    [
      'pert',
      { dist: 'pert', min: 3, mode: 6, max: 10, unit: 'hour' },
      { variance: ((37 / 6 - 3) * (10 - 37 / 6)) / 7 },
    ],
    ['pert, mode at the minimum', { dist: 'pert', min: 0, mode: 0, max: 6, unit: 'hour' }, { variance: (1 * 5) / 7 }],
    ['normal', { dist: 'normal', mean: 5, sd: 1, unit: 'hour' }, { variance: 1, min: 0 }],
    ['normal, redrawn while negative', { dist: 'normal', mean: 0.5, sd: 1, unit: 'hour' }, { min: 0 }],
    ['lognormal', { dist: 'lognormal', mean: 2, sd: 1.5, unit: 'hour' }, { variance: 2.25, min: 0 }],
    ['exponential', { dist: 'exponential', mean: 3, unit: 'hour' }, { variance: 9, min: 0 }],
  ]

  it.each(cases)('%s: mean (and variance) of 200,000 draws', (_name, d, expected) => {
    const compiled = compileDistribution(d, undefined)
    const params = Float64Array.from(compiled.params)
    expect(params.length).toBe(STRIDE)
    const rng = new RandomStreams([streamKey(11, 0, 'x')])
    const n = 200_000
    const xs = new Float64Array(n)
    drawInto(rng, 0, compiled.kind, params, 0, xs, 0, n)
    const mean = xs.reduce((s, x) => s + x, 0) / n
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1)
    const sd = Math.sqrt(variance)
    expect(Math.abs(mean - distributionMean(d))).toBeLessThanOrEqual(5 * (sd / Math.sqrt(n)) + 1e-12)
    if (expected.variance !== undefined) {
      expect(Math.abs(variance - expected.variance)).toBeLessThanOrEqual(0.02 * expected.variance + 1e-12)
    }
    const sorted = xs.slice().sort()
    if (expected.min !== undefined) expect(sorted[0]).toBeGreaterThanOrEqual(expected.min)
    if (expected.max !== undefined) expect(sorted[n - 1]).toBeLessThanOrEqual(expected.max)
  })

  it.each(cases)(
    '%s: blocks of any size hold the same numbers, in order, and leave other streams alone',
    (_name, d) => {
      const compiled = compileDistribution(d, undefined)
      const params = Float64Array.from({ length: 3 * STRIDE }, (_, i) => compiled.params[i - STRIDE] ?? 0)
      const oneByOne = new RandomStreams([streamKey(3, 0, 'a'), streamKey(3, 0, 'b')])
      const ahead = new RandomStreams([streamKey(3, 0, 'a'), streamKey(3, 0, 'b')])
      const single = new Float64Array(100)
      for (let i = 0; i < 100; i++) drawInto(oneByOne, 1, compiled.kind, params, STRIDE, single, i, i + 1)
      const block = new Float64Array(120)
      drawInto(ahead, 1, compiled.kind, params, STRIDE, block, 10, 60)
      drawInto(ahead, 1, compiled.kind, params, STRIDE, block, 60, 110)
      expect(Array.from(block.subarray(10, 110))).toEqual(Array.from(single))
      expect(ahead.nextUint32(0)).toBe(new RandomStreams([streamKey(3, 0, 'a')]).nextUint32(0))
    },
  )

  it('converts units to hours on their clock: a workday is the calendar’s hours per day', () => {
    const d = compileDistribution(
      { dist: 'fixed', value: 2, unit: 'workday' },
      {
        hoursPerDay: 7.5,
        daysPerWeek: 5,
        dayStartsAt: 9,
      },
    )
    expect(d).toMatchObject({ params: [15, 0, 0, 0, 0, 0], working: true })
    expect(compileDistribution({ dist: 'fixed', value: 2, unit: 'week' }, undefined)).toMatchObject({
      params: [336, 0, 0, 0, 0, 0],
      working: false,
    })
  })
})

describe('the working clock', () => {
  const clock = new WorkingClock({ hoursPerDay: 8, daysPerWeek: 5, dayStartsAt: 9 })

  it.each([
    [0, 0],
    [9, 0],
    [13, 4],
    [17, 8],
    [23, 8],
    [24 + 10, 9],
    [4 * 24 + 17, 40],
    [6 * 24 + 12, 40],
    [7 * 24 + 9.5, 40.5],
  ])('counts working hours by elapsed hour %d: %d', (t, w) => {
    expect(clock.workedBy(t)).toBe(w)
  })

  it.each([
    [0, 0],
    [4, 13],
    [8, 17],
    [8.5, 24 + 9.5],
    [40, 4 * 24 + 17],
    [41, 7 * 24 + 10],
  ])('finds the instant at which %d working hours have passed: %d', (w, t) => {
    expect(clock.instantAt(w)).toBe(t)
  })

  it('pauses work outside working hours and over the weekend', () => {
    expect(clock.addWorking(2, 3)).toBe(12)
    expect(clock.addWorking(4 * 24 + 15, 4)).toBe(7 * 24 + 11)
    expect(clock.addDuration(4 * 24 + 15, 1, 'day')).toBe(5 * 24 + 15)
    expect(clock.addDuration(10, 0.5, 'workday')).toBe(14)
  })

  it('is the elapsed clock without a calendar', () => {
    const always = new WorkingClock(undefined)
    expect(always.workedBy(123.25)).toBe(123.25)
    expect(always.addDuration(5, 1, 'workday')).toBe(13)
  })

  it('inverts exactly for fractional calendars too', () => {
    const odd = new WorkingClock({ hoursPerDay: 7.5, daysPerWeek: 6, dayStartsAt: 8.25 })
    for (let w = 0.1; w < 200; w += 0.7) {
      const t = odd.instantAt(w)
      expect(odd.workedBy(t)).toBeCloseTo(w, 9)
      expect(odd.workedBy(t - 1e-6)).toBeLessThan(w)
    }
  })
})

describe('statistics', () => {
  it.each([
    [1, 12.7062],
    [2, 4.30265],
    [4, 2.77645],
    [9, 2.26216],
    [29, 2.04523],
    [120, 1.97993],
  ])("Student's t 0.975 quantile with %d degrees of freedom is %d", (df, t) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(t, 4)
  })

  it('gives the 95 % half-width t·s/√n, null below two values', () => {
    expect(halfWidth95([1, 2, 3])).toBeCloseTo((4.30265 * 1) / Math.sqrt(3), 4)
    expect(halfWidth95([1, null])).toBeNull()
  })

  it('interpolates quantiles between order statistics (type 7)', () => {
    const values = Float64Array.from([12, 6, 10, 8])
    expect(quantiles(values, [0.5, 0.9, 0.95, 1, 0])).toEqual([9, 11.4, 11.7, 12, 6])
    const many = Float64Array.from({ length: 10_001 }, (_, i) => (i * 7919) % 10_001)
    expect(quantiles(many, [0.9])).toEqual([9000])
  })

  it('selects the same quantiles as sorting would, ties included', () => {
    const rng = new RandomStreams([streamKey(5, 0, 'q')])
    for (let trial = 0; trial < 60; trial++) {
      const n = 1 + Math.floor(rng.uniform(0) * 3_000)
      const values = Float64Array.from({ length: n }, () =>
        trial % 3 === 0 ? rng.uniform(0) : trial % 3 === 1 ? Math.floor(rng.uniform(0) * 4) : 7,
      )
      const sorted = values.slice().sort()
      const ps = [0, 0.5, 0.9, 0.95, 1]
      const expected = ps.map((p) => {
        const h = (n - 1) * p
        const lo = Math.floor(h)
        return lo + 1 < n ? sorted[lo]! + (h - lo) * (sorted[lo + 1]! - sorted[lo]!) : sorted[lo]!
      })
      expect(quantiles(values, ps)).toEqual(expected)
    }
  })
})
