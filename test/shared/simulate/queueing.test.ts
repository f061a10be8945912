/**
 * The simulator against queueing theory (simulation.md, "How it is checked"). Every
 * tolerance is a multiple of the 95 % confidence half-width over independent replications.
 */
import { describe, expect, it } from 'vitest'
import { build, hours, node, replicate, role, run, singleStation, WIDTHS } from './flows.js'
import { mmc } from './queueingTheory.js'

const R = 10
const CASES = 100_000
const WARMUP = 2_000

/** |estimate − truth| within WIDTHS half-widths. */
function expectNear(estimate: { mean: number; halfWidth: number }, truth: number): void {
  expect(Math.abs(estimate.mean - truth)).toBeLessThanOrEqual(WIDTHS * estimate.halfWidth)
  // A tolerance that could hide a wrong formula would make the test worthless.
  expect(estimate.halfWidth).toBeLessThan(0.025 * truth)
}

describe.each([
  // [name, people, λ per hour, mean work (h), time limit (h)]
  ['M/M/1', 1, 0.7, 1, 3],
  ['M/M/3 (Erlang C)', 3, 2.1, 1, 2],
  ['M/M/2 with θ = μ', 2, 1, 1, 2],
])('%s', (_name, people, lambda, meanWork, limit) => {
  const theory = mmc(people, lambda, 1 / meanWork)
  const doc = singleStation({ arrivalsPerHour: lambda, meanWork, people, limitHours: limit })
  const [wait, time, utilization, breach] = replicate(
    doc,
    R,
    { cases: CASES, warmupCases: WARMUP },
    (r) => node(r, 'work').meanWait,
    (r) => node(r, 'work').meanTime,
    (r) => role(r, 'clerk').utilization,
    (r) => node(r, 'work').slaBreachRate,
  )

  it('mean wait matches Erlang C: Wq = C(c, a) / (cμ − λ)', () => {
    expectNear(wait!, theory.meanWait)
  })

  it('mean time in the step is Wq + 1/μ', () => {
    expectNear(time!, theory.meanTime)
  })

  it('utilisation is λ·S / c', () => {
    expectNear(utilization!, theory.utilization)
  })

  it(`SLA breach rate is the sojourn-time tail P(W > ${limit} h)`, () => {
    expectNear(breach!, theory.tail(limit))
  })
})

describe("Little's law", () => {
  const doc = singleStation({ arrivalsPerHour: 2.1, meanWork: 1, people: 3 })

  it('holds exactly without warm-up: mean WIP = throughput × mean cycle time', () => {
    // given every case entering at 0 onwards and the run drained: ∫WIP dt = Σ cycle times
    const report = run(doc, { cases: 20_000, warmupCases: 0 })
    // then
    expect(report.completed).toBe(20_000)
    expect(report.wip.mean!).toBeCloseTo(report.throughputPerHour! * report.cycleTime.mean!, 9)
  })

  it('holds with warm-up to within the cases straddling the start of measurement', () => {
    const report = run(doc, { cases: 50_000, warmupCases: 5_000 })
    expect(Math.abs(report.wip.mean! / (report.throughputPerHour! * report.cycleTime.mean!) - 1)).toBeLessThan(0.002)
  })

  it('holds per step for the queue: mean queue = visit rate × mean wait', () => {
    const report = run(doc, { cases: 50_000, warmupCases: 0 })
    const work = node(report, 'work')
    const visitRate = work.visits / report.simulatedHours!
    expect(work.queue.mean!).toBeCloseTo(visitRate * work.meanWait!, 9)
  })
})

describe('two stations in tandem (a Jackson network)', () => {
  // A: one person, rate 1.25/h; B: two people, rate 0.6/h each; λ = 0.8/h through both.
  const lambda = 0.8
  const a = mmc(1, lambda, 1.25)
  const b = mmc(2, lambda, 0.6)
  const doc = build({
    roles: [
      ['first', 1],
      ['second', 2],
    ],
    arrivals: hours(1 / lambda),
    nodes: [
      { id: 'in', kind: 'start' },
      { id: 'a', kind: 'task', owner: 'first', duration: hours(1 / 1.25) },
      { id: 'b', kind: 'task', owner: 'second', duration: hours(1 / 0.6) },
      { id: 'out', kind: 'end', outcome: 'done' },
    ],
    edges: [
      ['in', 'a'],
      ['a', 'b'],
      ['b', 'out'],
    ],
  })
  const [timeA, timeB, cycle] = replicate(
    doc,
    R,
    { cases: CASES, warmupCases: WARMUP },
    (r) => node(r, 'a').meanTime,
    (r) => node(r, 'b').meanTime,
    (r) => r.cycleTime.mean,
  )

  it('each station behaves as its own M/M/c with the same arrival rate', () => {
    expectNear(timeA!, a.meanTime)
    expectNear(timeB!, b.meanTime)
  })

  it('the total time is the sum', () => {
    expectNear(cycle!, a.meanTime + b.meanTime)
  })
})

describe('a rework loop (one M/M/1 step with feedback p)', () => {
  // λ = 0.5/h enters, a share p = 0.3 goes back: the step sees λ/(1 − p) ≈ 0.714/h, ρ ≈ 0.714.
  const lambda = 0.5
  const p = 0.3
  const mu = 1
  const rho = lambda / (1 - p) / mu
  const doc = build({
    roles: [['clerk', 1]],
    arrivals: hours(1 / lambda),
    nodes: [
      { id: 'in', kind: 'start' },
      { id: 'work', kind: 'task', owner: 'clerk', duration: hours(1 / mu) },
      { id: 'check', kind: 'decision' },
      { id: 'out', kind: 'end', outcome: 'done' },
    ],
    edges: [
      ['in', 'work'],
      ['work', 'check'],
      ['check', 'work', p],
      ['check', 'out', 1 - p],
    ],
  })
  const [visits, cycle, perVisit] = replicate(
    doc,
    R,
    { cases: CASES, warmupCases: WARMUP },
    (r) => node(r, 'work').visits / r.completed,
    (r) => r.cycleTime.mean,
    (r) => node(r, 'work').meanTime,
  )

  it('expected visits are 1/(1 − p)', () => {
    expectNear(visits!, 1 / (1 - p))
  })

  it("total time follows from Little's law on the step: L/λ = ρ / ((1 − ρ)·λ)", () => {
    expectNear(cycle!, rho / (1 - rho) / lambda)
  })

  it('each visit takes the M/M/1 sojourn at the inflated rate, 1/(μ − λ/(1 − p))', () => {
    expectNear(perVisit!, 1 / (mu - lambda / (1 - p)))
  })
})
