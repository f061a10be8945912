/**
 * Fixed durations and fixed arrival gaps: every figure computed by hand, compared exactly
 * (to float rounding). Times are in hours from Monday 00:00 of week 1.
 */
import { describe, expect, it } from 'vitest'
import { build, fixed, node, outcome, role, run } from './flows.js'

/** A few fixed cases that queue up by design: validation's steady-state overload rule does not apply. */
const OVERLOADED_ON_PURPOSE = ['role-overloaded']

describe('parallel fork and join with fixed times', () => {
  // in → split → A (2 h) ‖ B (5 h) → join → C (1 h) → won
  const forkJoin = (gap: number, cases: number) =>
    build(
      {
        roles: [
          ['ra', 1],
          ['rb', 1],
          ['rc', 1],
        ],
        arrivals: fixed(gap),
        cases,
        nodes: [
          { id: 'in', kind: 'start' },
          { id: 'split', kind: 'parallel' },
          { id: 'a', kind: 'task', owner: 'ra', duration: fixed(2) },
          { id: 'b', kind: 'task', owner: 'rb', duration: fixed(5) },
          { id: 'join', kind: 'parallel' },
          { id: 'c', kind: 'task', owner: 'rc', duration: fixed(1) },
          { id: 'won', kind: 'end', outcome: 'won' },
        ],
        edges: [
          ['in', 'split'],
          ['split', 'a'],
          ['split', 'b'],
          ['a', 'join'],
          ['b', 'join'],
          ['join', 'c'],
          ['c', 'won'],
        ],
      },
      OVERLOADED_ON_PURPOSE,
    )

  it('waits for the slowest branch, then continues once', () => {
    // given a case every 10 h: nobody ever queues
    const report = run(forkJoin(10, 5))
    // then each case takes max(2, 5) + 1 = 6 h, and C is visited once per case
    expect(report.cycleTime).toEqual({ mean: 6, p50: 6, p90: 6, p95: 6, max: 6 })
    expect(report.completed).toBe(5)
    expect(outcome(report, 'won')).toBe(5)
    expect(node(report, 'a').meanTime).toBe(2)
    expect(node(report, 'b').meanTime).toBe(5)
    expect(node(report, 'c').visits).toBe(5)
    expect(node(report, 'c').meanTime).toBe(1)
    // the last case ends at 40 + 6 = 46 h
    expect(report.simulatedHours).toBe(46)
    expect(report.throughputPerHour).toBeCloseTo(5 / 46, 12)
    expect(report.wip.mean).toBeCloseTo(30 / 46, 12)
    expect(role(report, 'rb').utilization).toBeCloseTo(25 / 46, 12)
    expect(report.bottleneck).toBeNull()
  })

  it('queues at the slow branch when cases come faster than it works', () => {
    // given a case every 3 h: B (5 h, one person) starts case k at 5k, so the case ends at 5k + 6
    const report = run(forkJoin(3, 4))
    // then cycle times are 6, 8, 10, 12
    expect(report.cycleTime.mean).toBe(9)
    expect(report.cycleTime.p50).toBeCloseTo(9, 12)
    expect(report.cycleTime.p90).toBeCloseTo(11.4, 12)
    expect(report.cycleTime.max).toBe(12)
    expect(node(report, 'b').meanWait).toBe(3)
    expect(node(report, 'a').meanWait).toBe(0)
    // waiting at B: [3, 5], [6, 10], [9, 15] → 12 case-hours over 21 h, at most two at once
    expect(report.simulatedHours).toBe(21)
    expect(node(report, 'b').queue).toEqual({ mean: 12 / 21, max: 2 })
    expect(report.bottleneck).toEqual({ nodeId: 'b', roleId: 'rb', reason: 'most-waiting' })
  })
})

describe('strict FIFO per role', () => {
  it('serves the head of the line first, even when it needs more people than those behind it', () => {
    // given a role of two: P holds one person 0–4; X (needs 2) arrives at 0, then Y (needs 1)
    const doc = build({
      roles: [['r', 2]],
      arrivals: fixed(100),
      cases: 3,
      nodes: [
        { id: 's1', kind: 'start' },
        { id: 's2', kind: 'start' },
        { id: 's3', kind: 'start' },
        { id: 'p', kind: 'task', owner: 'r', duration: fixed(4) },
        { id: 'x', kind: 'task', owner: 'r', duration: fixed(1), resources: { people: 2 } },
        { id: 'y', kind: 'task', owner: 'r', duration: fixed(1) },
        { id: 'out', kind: 'end' },
      ],
      edges: [
        ['s1', 'p'],
        ['s2', 'x'],
        ['s3', 'y'],
        ['p', 'out'],
        ['x', 'out'],
        ['y', 'out'],
      ],
    })
    const report = run(doc)
    // then Y does not jump the line although one person is free from 0 to 4: X 4–5, Y 5–6
    expect(node(report, 'x').meanWait).toBe(4)
    expect(node(report, 'y').meanWait).toBe(5)
    expect(report.simulatedHours).toBe(6)
    // busy person-hours: P 4, X 2 × 1, Y 1 → 7 of 2 × 6
    expect(role(report, 'r').busyHours).toBe(7)
    expect(role(report, 'r').utilization).toBeCloseTo(7 / 12, 12)
  })

  it('keeps FIFO order in a deterministic queue', () => {
    // given a case every hour and 1.5 h of work: case k starts at 1.5k and waits 0.5k
    const doc = build(
      {
        roles: [['r', 1, 40]],
        arrivals: fixed(1),
        cases: 4,
        nodes: [
          { id: 'in', kind: 'start' },
          { id: 'w', kind: 'task', owner: 'r', duration: fixed(1.5) },
          { id: 'out', kind: 'end' },
        ],
        edges: [
          ['in', 'w'],
          ['w', 'out'],
        ],
      },
      OVERLOADED_ON_PURPOSE,
    )
    const report = run(doc)
    expect(node(report, 'w').meanWait).toBe(0.75)
    expect(node(report, 'w').meanService).toBe(1.5)
    expect(role(report, 'r')).toEqual({ roleId: 'r', utilization: 1, busyHours: 6, cost: 240 })
  })
})

describe('approvals', () => {
  it('review once per approver, in order, one person of each role per review', () => {
    // given legal then finance, 1 h each, one person each, a case every 0.5 h
    const doc = build(
      {
        roles: [
          ['legal', 1],
          ['finance', 1],
        ],
        arrivals: fixed(0.5),
        cases: 2,
        nodes: [
          { id: 'in', kind: 'start' },
          { id: 'ok', kind: 'approval', approvers: ['legal', 'finance'], duration: fixed(1) },
          { id: 'won', kind: 'end', outcome: 'won' },
        ],
        edges: [
          ['in', 'ok'],
          ['ok', 'won', 1],
        ],
      },
      OVERLOADED_ON_PURPOSE,
    )
    const report = run(doc)
    // then case 0: legal 0–1, finance 1–2; case 1 waits for legal 0.5–1, legal 1–2, finance 2–3
    const ok = node(report, 'ok')
    expect(ok.meanWait).toBe(0.25)
    expect(ok.meanService).toBe(2)
    expect(ok.meanTime).toBe(2.25)
    expect(report.simulatedHours).toBe(3)
    expect(role(report, 'legal').utilization).toBeCloseTo(2 / 3, 12)
    expect(role(report, 'finance').utilization).toBeCloseTo(2 / 3, 12)
    expect(report.bottleneck).toEqual({ nodeId: 'ok', roleId: 'legal', reason: 'most-waiting' })
  })

  it('without approvers, reviews once by the owner, then draws one way out', () => {
    const doc = build({
      roles: [['boss', 1]],
      arrivals: fixed(10),
      cases: 4_000,
      nodes: [
        { id: 'in', kind: 'start' },
        { id: 'ok', kind: 'approval', owner: 'boss', duration: fixed(1) },
        { id: 'won', kind: 'end', outcome: 'won' },
        { id: 'lost', kind: 'end', outcome: 'lost' },
      ],
      edges: [
        ['in', 'ok'],
        ['ok', 'won', 0.75],
        ['ok', 'lost', 0.25],
      ],
    })
    const report = run(doc)
    expect(node(report, 'ok').meanService).toBe(1)
    expect(role(report, 'boss').busyHours).toBe(4_000)
    // an exclusive draw: every case ends once; the won share is binomial(4000, 0.75), sd ≈ 27
    expect(outcome(report, 'won') + outcome(report, 'lost')).toBe(4_000)
    expect(Math.abs(outcome(report, 'won') - 3_000)).toBeLessThan(6 * 27.4)
  })
})

describe('a working calendar (8 h a day from 9, Monday to Friday)', () => {
  const calendar = { hoursPerDay: 8, daysPerWeek: 5, dayStartsAt: 9 }

  it('pauses work at night, runs waits on the elapsed clock, and counts limits on their own clocks', () => {
    // given one case at Monday 00:00 through 10 working hours, a 2-day wait and 1 workday
    const doc = build({
      calendar,
      roles: [['r', 1]],
      arrivals: fixed(1, 'week'),
      cases: 1,
      nodes: [
        { id: 'in', kind: 'start' },
        {
          id: 't1',
          kind: 'task',
          owner: 'r',
          duration: fixed(10),
          timeLimit: { value: 1, unit: 'workday' },
        },
        { id: 'w', kind: 'wait', duration: fixed(2, 'day'), timeLimit: { value: 2, unit: 'day' } },
        {
          id: 't2',
          kind: 'task',
          owner: 'r',
          duration: fixed(1, 'workday'),
          timeLimit: { value: 4, unit: 'hour' },
        },
        { id: 'out', kind: 'end', outcome: 'won' },
      ],
      edges: [
        ['in', 't1'],
        ['t1', 'w'],
        ['w', 't2'],
        ['t2', 'out'],
      ],
    })
    const report = run(doc)
    // t1: seized at 0, works Mon 9–17 and Tue 9–11 → leaves at 35 h; its 1-workday limit ended Mon 17:00
    expect(node(report, 't1')).toMatchObject({ meanWait: 0, meanService: 10, meanTime: 35, slaBreachRate: 1 })
    // w: 48 elapsed hours to Thu 11:00 (83 h), 16 of them working hours; leaving at the limit is no breach
    expect(node(report, 'w')).toMatchObject({ meanWait: 0, meanService: 16, meanTime: 48, slaBreachRate: 0 })
    // t2: Thu 11–17 and Fri 9–11 → 107 h; its 4-hour limit ended Thu 15:00
    expect(node(report, 't2')).toMatchObject({ meanService: 8, meanTime: 24, slaBreachRate: 1 })
    expect(report.cycleTime.mean).toBe(107)
    expect(report.simulatedHours).toBe(107)
    // 18 busy hours in the 34 working hours from Mon 00:00 to Fri 11:00
    expect(role(report, 'r').utilization).toBeCloseTo(18 / 34, 12)
  })

  it('resumes work after the weekend', () => {
    // given 12 working hours starting Monday 00:00, and again Friday 09:00
    const doc = build({
      calendar,
      roles: [['r', 1]],
      arrivals: fixed(4 + 9 / 24, 'day'),
      cases: 2,
      nodes: [
        { id: 'in', kind: 'start' },
        { id: 't', kind: 'task', owner: 'r', duration: fixed(12) },
        { id: 'out', kind: 'end' },
      ],
      edges: [
        ['in', 't'],
        ['t', 'out'],
      ],
    })
    const report = run(doc)
    // then Mon 9–17 + Tue 9–13 = 37 h; Fri 9–17 + Mon 9–13 of week 2 = 181 h, a stay of 76 h
    expect(report.cycleTime.max).toBe(76)
    expect(report.cycleTime.mean).toBe((37 + 76) / 2)
    expect(report.simulatedHours).toBe(181)
  })

  it('spaces arrivals in working units on the working clock', () => {
    // given a case every 4 working hours: Mon 0:00, Mon 13:00, Mon 17:00, Tue 13:00
    const doc = build({
      calendar,
      arrivals: fixed(4),
      cases: 4,
      nodes: [
        { id: 'in', kind: 'start' },
        { id: 'w', kind: 'wait', duration: fixed(0) },
        { id: 'out', kind: 'end' },
      ],
      edges: [
        ['in', 'w'],
        ['w', 'out'],
      ],
    })
    expect(run(doc).simulatedHours).toBe(24 + 13)
  })
})

describe('timeouts', () => {
  it('pull a working case out at `after` since its arrival and free its people', () => {
    // given a case every 2 h, 3 h of work, a 3.5 h timeout and a 3.25 h time limit
    const doc = build(
      {
        roles: [['r', 1]],
        arrivals: fixed(2),
        cases: 5,
        nodes: [
          { id: 'in', kind: 'start' },
          {
            id: 't',
            kind: 'task',
            owner: 'r',
            duration: fixed(3),
            timeLimit: { value: 3.25, unit: 'hour' },
            timeout: { after: { value: 3.5, unit: 'hour' }, edgeId: 'cold' },
          },
          { id: 'won', kind: 'end', outcome: 'won' },
          { id: 'lost', kind: 'end', outcome: 'lost' },
        ],
        edges: [
          ['in', 't'],
          ['t', 'won'],
          ['t', 'lost', undefined, 'cold'],
        ],
      },
      OVERLOADED_ON_PURPOSE,
    )
    const report = run(doc)
    // then case 0 works 0–3; case 1 (arrives 2) works 3–5.5 and times out; cases 2–4 each wait
    // 1.5 h and work 2 h before theirs
    expect(outcome(report, 'won')).toBe(1)
    expect(outcome(report, 'lost')).toBe(4)
    expect(node(report, 't')).toMatchObject({ visits: 5, timeouts: 4, meanWait: 1.1, meanService: 2.3 })
    expect(node(report, 't').meanTime).toBeCloseTo(3.4, 12)
    expect(node(report, 't').slaBreachRate).toBe(0.8)
    // the person is busy without a break until the last timeout at 11.5 h
    expect(report.simulatedHours).toBe(11.5)
    expect(role(report, 'r').busyHours).toBe(11.5)
    expect(role(report, 'r').utilization).toBe(1)
  })

  it('pull a waiting case out of the line', () => {
    // given A holds the only person 0–5 and B (2 h timeout) arrives at 0 behind it
    const doc = build({
      roles: [['r', 1]],
      arrivals: fixed(100),
      cases: 2,
      nodes: [
        { id: 's1', kind: 'start' },
        { id: 's2', kind: 'start' },
        { id: 'a', kind: 'task', owner: 'r', duration: fixed(5) },
        {
          id: 'b',
          kind: 'task',
          owner: 'r',
          duration: fixed(1),
          timeout: { after: { value: 2, unit: 'hour' }, edgeId: 'gone' },
        },
        { id: 'won', kind: 'end', outcome: 'won' },
        { id: 'lost', kind: 'end', outcome: 'lost' },
      ],
      edges: [
        ['s1', 'a'],
        ['s2', 'b'],
        ['a', 'won'],
        ['b', 'won'],
        ['b', 'lost', undefined, 'gone'],
      ],
    })
    const report = run(doc)
    expect(node(report, 'b')).toMatchObject({ visits: 1, timeouts: 1, meanWait: 2, meanService: 0, meanTime: 2 })
    expect(node(report, 'b').queue).toEqual({ mean: 2 / 5, max: 1 })
    expect(outcome(report, 'lost')).toBe(1)
    expect(role(report, 'r').busyHours).toBe(5)
  })

  it('let work that ends at the very instant of the timeout finish normally', () => {
    const doc = build({
      roles: [['r', 1]],
      arrivals: fixed(10),
      cases: 3,
      nodes: [
        { id: 'in', kind: 'start' },
        {
          id: 't',
          kind: 'task',
          owner: 'r',
          duration: fixed(2),
          timeout: { after: { value: 2, unit: 'hour' }, edgeId: 'gone' },
        },
        { id: 'won', kind: 'end', outcome: 'won' },
        { id: 'lost', kind: 'end', outcome: 'lost' },
      ],
      edges: [
        ['in', 't'],
        ['t', 'won'],
        ['t', 'lost', undefined, 'gone'],
      ],
    })
    expect(outcome(run(doc), 'won')).toBe(3)
  })

  it('pull a case out of an approval whose first review ends at the very instant of the timeout', () => {
    // given two 2 h reviews and a 2 h timeout: the first review finishes on time, the second never starts
    const doc = build({
      roles: [
        ['legal', 1],
        ['finance', 1],
      ],
      arrivals: fixed(10),
      cases: 2,
      nodes: [
        { id: 'in', kind: 'start' },
        {
          id: 'ok',
          kind: 'approval',
          approvers: ['legal', 'finance'],
          duration: fixed(2),
          timeout: { after: { value: 2, unit: 'hour' }, edgeId: 'gone' },
        },
        { id: 'won', kind: 'end', outcome: 'won' },
        { id: 'lost', kind: 'end', outcome: 'lost' },
      ],
      edges: [
        ['in', 'ok'],
        ['ok', 'won', 1],
        ['ok', 'lost', undefined, 'gone'],
      ],
    })
    const report = run(doc)
    expect(outcome(report, 'lost')).toBe(2)
    expect(node(report, 'ok')).toMatchObject({ timeouts: 2, meanService: 2, meanTime: 2 })
    expect(role(report, 'finance').busyHours).toBe(0)
  })
})

describe('warm-up', () => {
  it('leaves the first cases out of every statistic and starts the clock when the first counted case enters', () => {
    // given a case every hour and 1.5 h of work: case k enters at k, waits 0.5k, leaves at 1.5k + 1.5
    const doc = build(
      {
        roles: [['r', 1]],
        arrivals: fixed(1),
        cases: 6,
        nodes: [
          { id: 'in', kind: 'start' },
          { id: 'w', kind: 'task', owner: 'r', duration: fixed(1.5) },
          { id: 'out', kind: 'end', outcome: 'done' },
        ],
        edges: [
          ['in', 'w'],
          ['w', 'out'],
        ],
      },
      OVERLOADED_ON_PURPOSE,
    )
    const report = run(doc, { warmupCases: 2 })
    // then cases 2–5 count: cycle times 2.5, 3, 3.5, 4; the measured period is [2, 9]
    expect(report.cases).toBe(6)
    expect(report.completed).toBe(4)
    expect(report.warmupCases).toBe(2)
    expect(outcome(report, 'done')).toBe(4)
    expect(report.cycleTime.mean).toBe(3.25)
    expect(node(report, 'w')).toMatchObject({ visits: 4, meanWait: 1.75 })
    expect(report.throughputPerHour).toBeCloseTo(4 / 7, 12)
    // in [2, 9]: 14 case-hours in the flow, 7 case-hours in the line (at most 2 at once), always busy
    expect(report.wip.mean).toBeCloseTo(2, 12)
    expect(node(report, 'w').queue).toEqual({ mean: 1, max: 2 })
    expect(role(report, 'r').utilization).toBe(1)
  })

  it('reports nothing measured when every case is warm-up', () => {
    const doc = build({
      roles: [['r', 1]],
      arrivals: fixed(1),
      cases: 3,
      nodes: [
        { id: 'in', kind: 'start' },
        { id: 'w', kind: 'task', owner: 'r', duration: fixed(0.5) },
        { id: 'out', kind: 'end' },
      ],
      edges: [
        ['in', 'w'],
        ['w', 'out'],
      ],
    })
    const report = run(doc, { warmupCases: 3 })
    expect(report.completed).toBe(0)
    expect(report.cycleTime).toEqual({ mean: null, p50: null, p90: null, p95: null, max: null })
    expect(report.throughputPerHour).toBeNull()
    expect(node(report, 'w')).toMatchObject({
      visits: 0,
      meanWait: null,
      meanTime: null,
      queue: { mean: null, max: null },
    })
    expect(role(report, 'r').utilization).toBeNull()
  })
})
