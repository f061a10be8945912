/**
 * The simulator as the app and the CLI call it: reproducible output, the `simulate --json`
 * contract, replications, progress and cancellation, and the guards that stop a model which
 * would otherwise run away.
 */
import { describe, expect, it } from 'vitest'
import { simulate, simulateAsync, toSimulationJson, type SimulationProgress } from '../../../shared/simulate/index.js'
import { build, fixed, hours, node, run, singleStation } from './flows.js'

const station = singleStation({ arrivalsPerHour: 0.7, meanWork: 1, people: 1, limitHours: 3 })

describe('reproducibility', () => {
  it('gives byte-identical JSON for the same document, seed and options', () => {
    const options = { cases: 5_000, seed: 42, replications: 3, warmupCases: 100 }
    const first = toSimulationJson(run(station, options))
    const second = toSimulationJson(run(station, options))
    expect(second).toBe(first)
  })

  it('gives different figures for a different seed', () => {
    const a = run(station, { cases: 5_000, seed: 1 })
    const b = run(station, { cases: 5_000, seed: 2 })
    expect(a.cycleTime.mean).not.toBe(b.cycleTime.mean)
  })

  it('takes cases, seed and warm-up from the document when options leave them out', () => {
    const report = run(build({ ...flowOf(station), cases: 700, seed: 9 }))
    expect(report).toMatchObject({ cases: 700, seed: 9, warmupCases: 0, replications: 1 })
  })

  it('keeps common random numbers: a change to one step leaves the draws of the others alone', () => {
    // given the same flow twice, differing only in the duration of the last step
    const flow = (last: number) =>
      build({
        roles: [
          ['a', 5],
          ['b', 5],
        ],
        arrivals: hours(1),
        cases: 2_000,
        nodes: [
          { id: 'in', kind: 'start' },
          { id: 'first', kind: 'task', owner: 'a', duration: hours(1) },
          { id: 'pick', kind: 'decision' },
          { id: 'last', kind: 'task', owner: 'b', duration: hours(last) },
          { id: 'won', kind: 'end', outcome: 'won' },
          { id: 'lost', kind: 'end', outcome: 'lost' },
        ],
        edges: [
          ['in', 'first'],
          ['first', 'pick'],
          ['pick', 'last', 0.4],
          ['pick', 'lost', 0.6],
          ['last', 'won'],
        ],
      })
    const slow = run(flow(2))
    const fast = run(flow(1))
    // then the first step's work and the decision's draws are the same in both runs
    expect(node(fast, 'first').meanService).toBe(node(slow, 'first').meanService)
    expect(node(fast, 'last').visits).toBe(node(slow, 'last').visits)
    expect(node(fast, 'last').meanService).toBeCloseTo(node(slow, 'last').meanService! / 2, 12)
  })
})

/** The FlowSpec fields of a built single station, to rebuild it with other settings. */
function flowOf(doc: ReturnType<typeof build>) {
  return {
    roles: doc.roles.map((r) => [r.id, r.headcount, r.costPerHour] as const),
    nodes: doc.nodes,
    edges: doc.edges.map((e) => [e.source, e.target, e.probability, e.id] as const),
    arrivals: doc.simulation!.arrivals!,
  }
}

describe('the simulate --json contract (cli.md)', () => {
  // A case every 3 h through a 2 h step and a 5 h step in parallel, joined, then 1 h more.
  const doc = build(
    {
      roles: [
        ['ra', 1, 40],
        ['rb', 1],
      ],
      arrivals: fixed(3),
      cases: 4,
      nodes: [
        { id: 'in', kind: 'start' },
        { id: 'split', kind: 'parallel' },
        { id: 'a', kind: 'task', owner: 'ra', duration: fixed(2), timeLimit: { value: 2, unit: 'hour' } },
        { id: 'b', kind: 'task', owner: 'rb', duration: fixed(5) },
        { id: 'join', kind: 'parallel' },
        { id: 'never', kind: 'wait', duration: fixed(1) },
        { id: 'won', kind: 'end', outcome: 'won' },
        { id: 'lost', kind: 'end', outcome: 'lost' },
      ],
      edges: [
        ['in', 'split'],
        ['split', 'a'],
        ['split', 'b'],
        ['a', 'join'],
        ['b', 'join'],
        ['join', 'won'],
        ['never', 'lost'],
      ],
    },
    ['role-overloaded', 'no-unreachable'],
  )

  it('prints fixed keys in a fixed order, 6 significant digits, null where a figure does not exist', () => {
    expect(toSimulationJson(run(doc))).toBe(`{
  "cases": 4,
  "completed": 4,
  "seed": 1,
  "replications": 1,
  "warmupCases": 0,
  "simulatedHours": 20,
  "throughputPerHour": 0.2,
  "cycleTime": {
    "mean": 8,
    "p50": 8,
    "p90": 10.4,
    "p95": 10.7,
    "max": 11
  },
  "wip": {
    "mean": 1.6
  },
  "outcomes": {
    "won": 4,
    "lost": 0
  },
  "nodes": {
    "a": {
      "visits": 4,
      "meanWait": 0,
      "meanService": 2,
      "meanTime": 2,
      "p90Time": 2,
      "slaBreachRate": 0,
      "timeouts": 0,
      "queue": {
        "mean": 0,
        "max": 0
      }
    },
    "b": {
      "visits": 4,
      "meanWait": 3,
      "meanService": 5,
      "meanTime": 8,
      "p90Time": 10.4,
      "slaBreachRate": null,
      "timeouts": 0,
      "queue": {
        "mean": 0.6,
        "max": 2
      }
    },
    "never": {
      "visits": 0,
      "meanWait": null,
      "meanService": null,
      "meanTime": null,
      "p90Time": null,
      "slaBreachRate": null,
      "timeouts": 0,
      "queue": {
        "mean": 0,
        "max": 0
      }
    }
  },
  "roles": {
    "ra": {
      "utilization": 0.4,
      "busyHours": 8,
      "cost": 320
    },
    "rb": {
      "utilization": 1,
      "busyHours": 20,
      "cost": null
    }
  },
  "bottleneck": {
    "nodeId": "b",
    "roleId": "rb",
    "reason": "most-waiting"
  },
  "ci95": {}
}`)
  })

  it('rounds figures to 6 significant digits but keeps counts exact', () => {
    const report = run(station, { cases: 1_234_567 - 1_200_000 })
    const json = JSON.parse(toSimulationJson(report))
    expect(json.cases).toBe(34_567)
    for (const value of [json.simulatedHours, json.cycleTime.mean, json.nodes.work.meanTime]) {
      expect(Number(value.toPrecision(6))).toBe(value)
    }
    expect(toSimulationJson(report)).not.toMatch(/NaN|Infinity/)
  })

  it('keys ids that look like object internals as they are', () => {
    const odd = build({
      roles: [['__proto__', 1]],
      arrivals: fixed(2),
      cases: 3,
      nodes: [
        { id: 'in', kind: 'start' },
        { id: 'constructor', kind: 'task', owner: '__proto__', duration: fixed(1) },
        { id: 'out', kind: 'end', outcome: '__proto__' },
      ],
      edges: [
        ['in', 'constructor'],
        ['constructor', 'out'],
      ],
    })
    const json = toSimulationJson(run(odd))
    expect(json).toContain('"__proto__": 3')
    expect(Object.keys(JSON.parse(json).nodes)).toEqual(['constructor'])
  })
})

describe('replications', () => {
  it('sum counts, average the other figures, and give 95 % half-widths keyed by JSON path', () => {
    const one = run(station, { cases: 3_000, replications: 3, seed: 5 })
    expect(one.replications).toBe(3)
    expect(one.cases).toBe(9_000)
    expect(one.completed).toBe(9_000)
    expect(node(one, 'work').visits).toBe(9_000)
    expect(one.ci95.map((c) => c.path)).toEqual([
      'cycleTime.mean',
      'cycleTime.p90',
      'throughputPerHour',
      'nodes.work.meanTime',
      'nodes.work.slaBreachRate',
      'roles.clerk.utilization',
    ])
    for (const c of one.ci95) expect(c.halfWidth).toBeGreaterThan(0)
  })

  it('give an empty ci95 for a single run', () => {
    expect(run(station, { cases: 1_000 }).ci95).toEqual([])
  })

  it('are independent runs whose means agree with separate runs', () => {
    // The half-width is t(0.975, R − 1) · s / √R of the runs' own figures.
    const report = run(station, { cases: 20_000, replications: 8, seed: 3 })
    const halfWidth = report.ci95.find((c) => c.path === 'cycleTime.mean')!.halfWidth!
    expect(Math.abs(report.cycleTime.mean! - 1 / (1 - 0.7))).toBeLessThan(3 * halfWidth)
  })
})

describe('progress and cancellation', () => {
  it('reports progress between slices, ending at 1', () => {
    const seen: SimulationProgress[] = []
    const outcome = simulate(station, {
      cases: 50_000,
      replications: 2,
      sliceEvents: 10_000,
      onProgress: (p) => seen.push(p),
    })
    expect(outcome.ok).toBe(true)
    expect(seen.length).toBeGreaterThan(10)
    const fractions = seen.map((p) => p.fraction)
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b))
    expect(fractions.at(-1)).toBe(1)
    expect(seen.some((p) => p.replication === 2)).toBe(true)
  })

  it('stops between slices when the abort flag is set', () => {
    const signal = { aborted: false }
    let slices = 0
    const outcome = simulate(station, {
      cases: 1_000_000,
      sliceEvents: 10_000,
      signal,
      onProgress: () => {
        if (++slices === 3) signal.aborted = true
      },
    })
    expect(outcome).toMatchObject({ ok: false, reason: 'aborted' })
    expect(slices).toBe(3)
  })

  it('accepts an AbortSignal and pauses between slices when run asynchronously', async () => {
    const controller = new AbortController()
    let pauses = 0
    const outcome = await simulateAsync(
      station,
      { cases: 1_000_000, sliceEvents: 10_000, signal: controller.signal },
      () => {
        if (++pauses === 2) controller.abort()
        return new Promise((resolve) => setImmediate(resolve))
      },
    )
    expect(outcome).toMatchObject({ ok: false, reason: 'aborted' })
    expect(pauses).toBe(2)
  })

  it('finishes asynchronously with the same figures as synchronously', async () => {
    const options = { cases: 20_000, sliceEvents: 5_000 }
    const outcome = await simulateAsync(station, options)
    expect(outcome.ok && toSimulationJson(outcome.report)).toBe(toSimulationJson(run(station, options)))
  })
})

describe('guards', () => {
  it('stops a runaway loop with a message naming where cases go round', () => {
    // given a loop left with probability 0.001: a thousand visits per case on average
    const doc = build({
      arrivals: hours(1),
      cases: 10_000,
      nodes: [
        { id: 'in', kind: 'start' },
        { id: 'chase', kind: 'wait', label: 'Chase the customer', duration: hours(1) },
        { id: 'again', kind: 'decision' },
        { id: 'out', kind: 'end' },
      ],
      edges: [
        ['in', 'chase'],
        ['chase', 'again'],
        ['again', 'chase', 0.999],
        ['again', 'out', 0.001],
      ],
    })
    const outcome = simulate(doc, { maxEvents: 200_000 })
    expect(outcome.ok).toBe(false)
    if (outcome.ok) return
    expect(outcome.reason).toBe('too-many-events')
    expect(outcome.message).toMatch(
      /^stopped after \d+ events with \d+ of \d+ cases finished; cases keep going round through "Chase the customer" \(\d+(\.\d)? visits per case so far\)/,
    )
  })

  it('stops an overloaded flow with a message naming where cases pile up', () => {
    // given one person and twice as much work as time: the line grows without bound
    const doc = build(
      {
        roles: [['clerk', 1]],
        arrivals: hours(1),
        cases: 100_000,
        nodes: [
          { id: 'in', kind: 'start' },
          { id: 'work', kind: 'task', label: 'Qualify', owner: 'clerk', duration: hours(2) },
          { id: 'out', kind: 'end' },
        ],
        edges: [
          ['in', 'work'],
          ['work', 'out'],
        ],
      },
      ['role-overloaded'],
    )
    const outcome = simulate(doc, { maxCasesInSystem: 5_000 })
    expect(outcome).toMatchObject({ ok: false, reason: 'too-many-cases' })
    expect(!outcome.ok && outcome.message).toMatch(
      /^stopped at [\d.]+ h with 5001 cases in the flow at once \(the limit is 5000\), 5000 of them at "Qualify" \(role "clerk", 1 person\): the flow takes in cases faster than it finishes them$/,
    )
  })

  it('stops a zero-time loop of decisions instead of spinning', () => {
    const doc = build(
      {
        arrivals: hours(1),
        cases: 10,
        nodes: [
          { id: 'in', kind: 'start' },
          { id: 'd1', kind: 'decision' },
          { id: 'd2', kind: 'decision' },
          { id: 'out', kind: 'end' },
        ],
        edges: [
          ['in', 'd1'],
          ['d1', 'd2', 1],
          ['d1', 'out', 0],
          ['d2', 'd1', 1],
          ['d2', 'out', 0],
        ],
      },
      ['no-endless-loop'],
    )
    expect(simulate(doc, { maxEvents: 50_000 })).toMatchObject({ ok: false, reason: 'too-many-events' })
  })

  it('refuses a flow it cannot run, saying why', () => {
    const doc = build({ ...flowOf(station) })
    const broken = { ...doc, simulation: {}, roles: [] }
    const outcome = simulate(broken)
    expect(outcome).toMatchObject({ ok: false, reason: 'invalid' })
    expect(!outcome.ok && outcome.message).toBe(
      'the flow cannot be simulated: start "in" has no arrivals, and the document has no simulation.arrivals; "work" has no owner role to take people from',
    )
  })

  it('refuses options that are not whole numbers', () => {
    expect(simulate(station, { cases: 0 })).toMatchObject({ ok: false, reason: 'bad-options' })
    expect(simulate(station, { replications: 1.5 })).toMatchObject({ ok: false, reason: 'bad-options' })
  })
})
