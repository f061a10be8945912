/**
 * The opt-in trace of the first cases (shared/simulate/trace.ts): off unless asked for, bounded,
 * in time order, and the queue lengths read from it agree with what the trace says and with
 * what the engine itself measured.
 */
import { describe, expect, it } from 'vitest'
import {
  compileModel,
  nodeSeries,
  seriesAt,
  simulate,
  SimulationRun,
  toSimulationJson,
  traceMoves,
  TraceRecorder,
  type SimulationTrace,
} from '../../../shared/simulate/index.js'
import { caseTimes } from '../../../shared/simulate/trace.js'
import { loadTemplate, templateFiles } from '../../support/templates.js'
import { build, fixed, hours, singleStation } from './flows.js'

function traced(doc: Parameters<typeof simulate>[0], options: Parameters<typeof simulate>[1]): SimulationTrace {
  const outcome = simulate(doc, options)
  if (!outcome.ok) throw new Error(outcome.message)
  if (!outcome.trace) throw new Error('no trace')
  return outcome.trace
}

/** One clerk, a case every hour, two hours of work each: the second and third case wait. */
const queueUp = build(
  {
    roles: [['clerk', 1]],
    arrivals: fixed(1),
    cases: 3,
    nodes: [
      { id: 'in', kind: 'start' },
      { id: 'work', kind: 'task', owner: 'clerk', duration: fixed(2) },
      { id: 'out', kind: 'end', outcome: 'won' },
    ],
    edges: [
      ['in', 'work'],
      ['work', 'out'],
    ],
  },
  ['role-overloaded'],
)

describe('the trace is opt-in', () => {
  it('is absent unless asked for, and asking for it changes no figure of the report', () => {
    const doc = singleStation({ arrivalsPerHour: 0.8, meanWork: 1, people: 1, cases: 2_000 })
    const plain = simulate(doc, { seed: 7, replications: 2 })
    const withTrace = simulate(doc, { seed: 7, replications: 2, trace: 100 })
    expect(plain.ok && withTrace.ok).toBe(true)
    if (!plain.ok || !withTrace.ok) return
    expect('trace' in plain).toBe(false)
    expect(toSimulationJson(withTrace.report)).toBe(toSimulationJson(plain.report))
  })

  it('refuses a trace that is not a whole number or too large', () => {
    expect(simulate(queueUp, { trace: 1.5 })).toMatchObject({ ok: false, reason: 'bad-options' })
    expect(simulate(queueUp, { trace: 1_000_000 })).toMatchObject({ ok: false, reason: 'bad-options' })
  })
})

describe('what the trace records', () => {
  it('records arrivals, starts and departures in time order, exactly', () => {
    const trace = traced(queueUp, { trace: 10 })
    expect(trace.cases).toBe(3)
    expect(trace.completeUntil).toBeUndefined()
    const line = trace.events.map((e) => `${e.time} ${e.caseId} ${e.nodeId} ${e.kind}`)
    expect(line).toEqual([
      '0 0 in done',
      '0 0 work arrive',
      '0 0 work start',
      '1 1 in done',
      '1 1 work arrive',
      // The clerk takes the next case in line as soon as the work is done, before the case leaves.
      '2 1 work start',
      '2 0 work done',
      '2 0 out done',
      '2 2 in done',
      '2 2 work arrive',
      '4 2 work start',
      '4 1 work done',
      '4 1 out done',
      '6 2 work done',
      '6 2 out done',
    ])
  })

  it('traces only the first cases, and says from when other cases share the queues', () => {
    const doc = singleStation({ arrivalsPerHour: 0.9, meanWork: 1, people: 1, cases: 1_000 })
    const trace = traced(doc, { trace: 50 })
    expect(trace.cases).toBe(50)
    expect(new Set(trace.events.map((e) => e.caseId)).size).toBe(50)
    expect(Math.max(...trace.events.map((e) => e.caseId))).toBe(49)
    const entries = trace.events.filter((e) => e.nodeId === 'in').map((e) => e.time)
    expect(trace.completeUntil).toBeGreaterThanOrEqual(entries.at(-1)!)
    for (let i = 1; i < trace.events.length; i++) {
      expect(trace.events[i]!.time).toBeGreaterThanOrEqual(trace.events[i - 1]!.time)
    }
  })

  it('puts an approval’s cases back in line between reviews', () => {
    const doc = build({
      roles: [
        ['legal', 1],
        ['cfo', 1],
      ],
      arrivals: hours(10),
      cases: 5,
      nodes: [
        { id: 'in', kind: 'start' },
        { id: 'sign', kind: 'approval', owner: 'legal', approvers: ['legal', 'cfo'], duration: fixed(1) },
        { id: 'out', kind: 'end', outcome: 'won' },
      ],
      edges: [
        ['in', 'sign'],
        ['sign', 'out'],
      ],
    })
    const trace = traced(doc, { trace: 1 })
    expect(trace.events.filter((e) => e.nodeId === 'sign').map((e) => e.kind)).toEqual([
      'arrive',
      'start',
      'queue',
      'start',
      'done',
    ])
  })
})

describe('queue lengths from the trace', () => {
  it('are what the trace says, instant by instant', () => {
    const work = nodeSeries(traced(queueUp, { trace: 10 })).get('work')!
    expect(work.times).toEqual([0, 1, 2, 4, 6])
    expect(work.queued).toEqual([0, 1, 1, 0, 0])
    expect(work.working).toEqual([1, 1, 1, 1, 0])
    expect(seriesAt(work, -1)).toEqual({ queued: 0, working: 0 })
    expect(seriesAt(work, 1.5)).toEqual({ queued: 1, working: 1 })
    expect(seriesAt(work, 4)).toEqual({ queued: 0, working: 1 })
    expect(seriesAt(work, 99)).toEqual({ queued: 0, working: 0 })
    // Starts and ends are passed through, never waited at.
    expect(nodeSeries(traced(queueUp, { trace: 10 })).has('in')).toBe(false)
  })

  it('agree with the queue the engine measured, when every case is traced', () => {
    // given an M/M/2 station with a real queue, every case traced
    const doc = singleStation({ arrivalsPerHour: 1.8, meanWork: 1, people: 2, cases: 400 })
    const compiled = compileModel(doc)
    if (!compiled.ok) throw new Error(compiled.problems.join())
    const recorder = new TraceRecorder(
      400,
      compiled.model.graph.nodes.map((n) => n.id),
    )
    const run = new SimulationRun(compiled.model, {
      cases: 400,
      warmupCases: 0,
      seed: 3,
      replication: 0,
      maxEvents: 1e7,
      maxCasesInSystem: 1e5,
      trace: recorder,
    })
    while (!run.advance(1e6));
    const figures = run.figures()
    const trace = recorder.result()
    // when the queue is read from the trace
    const series = nodeSeries(trace).get('work')!
    const end = figures.simulatedHours
    let area = 0
    for (let i = 0; i < series.times.length; i++) {
      const until = i + 1 < series.times.length ? series.times[i + 1]! : end
      area += series.queued[i]! * (until - series.times[i]!)
    }
    // then its time average is the engine's mean queue, and it never exceeds the engine's longest
    const step =
      figures.steps[compiled.model.steps.indexOf(compiled.model.graph.nodes.findIndex((n) => n.id === 'work'))]!
    expect(step.queueMax).toBeGreaterThan(2)
    expect(area / end).toBeCloseTo(step.queueMean!, 9)
    expect(Math.max(...series.queued)).toBeLessThanOrEqual(step.queueMax!)
    expect(Math.max(...series.working)).toBeLessThanOrEqual(2)
    expect(series.queued.at(-1)).toBe(0)
    expect(series.working.at(-1)).toBe(0)
  })

  it('never go below zero and empty out at the end of a whole template’s run', () => {
    const file = templateFiles().find((f) => f.id === 'b2b-pipeline' && f.locale === 'en')!
    const doc = loadTemplate(file)
    const trace = traced(doc, { cases: 200, trace: 200 })
    expect(trace.cases).toBe(200)
    for (const series of nodeSeries(trace).values()) {
      expect(Math.min(...series.queued, ...series.working)).toBeGreaterThanOrEqual(0)
      expect(series.queued.at(-1)).toBe(0)
      expect(series.working.at(-1)).toBe(0)
    }
    const { entered, finished } = caseTimes(trace)
    expect(entered).toHaveLength(200)
    expect(finished).toHaveLength(200)
  })
})

describe('moves between steps', () => {
  it('go from the start to the step and from the step to the end', () => {
    const moves = traceMoves(traced(queueUp, { trace: 10 }))
    expect(moves.map((m) => `${m.time} ${m.caseId} ${m.from}→${m.to}`)).toEqual([
      '0 0 in→work',
      '1 1 in→work',
      '2 0 work→out',
      '2 2 in→work',
      '4 1 work→out',
      '6 2 work→out',
    ])
  })
})
