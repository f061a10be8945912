/**
 * An opt-in record of what the first cases of a run did, step by step, for the walkthrough's
 * animation of cases moving through the flow (`simulate(doc, { trace: 200 })`). The engine
 * calls `TraceRecorder.record` from a handful of hooks that cost one comparison when no trace
 * was asked for; everything else — the event list, the queue lengths over time, the moves
 * between steps — is computed here, after the run.
 */

/**
 * What happened to a traced case at a node:
 * - `arrive`: it reached a step (task, approval, wait, subprocess) and joined its line;
 * - `start`: work began (a review of an approval, the delay of a wait);
 * - `queue`: an approval's review ended and the case is back in line for the next reviewer;
 * - `done`: it left the node — a step (work finished, or a timeout), its start (the case
 *   entered the flow) or an end (that branch of the case is over).
 */
export type TraceKind = 'arrive' | 'start' | 'queue' | 'done'

/** The engine's codes for the kinds: an index into this list. */
export const TRACE_KINDS = ['arrive', 'start', 'queue', 'done'] as const satisfies readonly TraceKind[]
export const TRACE_ARRIVE = 0
export const TRACE_START = 1
export const TRACE_QUEUE = 2
export const TRACE_DONE = 3

export interface TraceEvent {
  /** Elapsed hours from the start of the run (the simulation's clock). */
  readonly time: number
  /** The case's number in order of entry, from 0. */
  readonly caseId: number
  readonly nodeId: string
  readonly kind: TraceKind
}

export interface SimulationTrace {
  /** How many cases were traced: ids 0 … cases − 1 (fewer when the run had fewer). */
  readonly cases: number
  /** In the order they happened, so in time order. */
  readonly events: readonly TraceEvent[]
  /**
   * When the first case beyond the traced ones entered: from then on other cases share the
   * queues too, so queue lengths counted from the trace alone fall short. Absent when every
   * case of the run was traced.
   */
  readonly completeUntil?: number
}

/** A trace holds at most this many cases: it is for watching, not for statistics. */
export const MAX_TRACE_CASES = 10_000

/** Collects a trace while the engine runs (replication 1 only). */
export class TraceRecorder {
  private readonly times: number[] = []
  private readonly caseIds: number[] = []
  private readonly nodes: number[] = []
  private readonly kinds: number[] = []
  private untracedFrom: number | undefined

  /**
   * @param limit cases traced: the engine records events of cases numbered below it
   * @param nodeIds node id per engine node index
   */
  constructor(
    readonly limit: number,
    private readonly nodeIds: readonly string[],
  ) {}

  record(time: number, caseId: number, node: number, kind: number): void {
    this.times.push(time)
    this.caseIds.push(caseId)
    this.nodes.push(node)
    this.kinds.push(kind)
  }

  /** The first case beyond the limit entered at `time`. */
  untraced(time: number): void {
    this.untracedFrom ??= time
  }

  result(): SimulationTrace {
    const events = this.times.map((time, i): TraceEvent => ({
      time,
      caseId: this.caseIds[i]!,
      nodeId: this.nodeIds[this.nodes[i]!]!,
      kind: TRACE_KINDS[this.kinds[i]!]!,
    }))
    const cases = events.reduce((most, e) => Math.max(most, e.caseId + 1), 0)
    return { cases, events, ...(this.untracedFrom !== undefined ? { completeUntil: this.untracedFrom } : {}) }
  }
}

/** How many traced cases are at a node, as a step function of time. */
export interface NodeSeries {
  /** Times at which the counts change, increasing. */
  readonly times: readonly number[]
  /** Cases waiting in line at the node from `times[i]` on. */
  readonly queued: readonly number[]
  /** Cases being worked on (or delayed) at the node from `times[i]` on. */
  readonly working: readonly number[]
}

/**
 * Per node, how many traced cases wait in its line and how many are being worked on, over
 * time. A case that arrives and starts at the same instant never counts as waiting: counts
 * are taken after everything that happened at an instant.
 */
export function nodeSeries(trace: SimulationTrace): ReadonlyMap<string, NodeSeries> {
  interface Building {
    times: number[]
    queued: number[]
    working: number[]
    q: number
    w: number
  }
  const byNode = new Map<string, Building>()
  // Per (case, node): its branches in line and at work there (branches of a case can meet).
  const where = new Map<string, { q: number; w: number }>()
  for (const e of trace.events) {
    const key = `${e.caseId}\u0000${e.nodeId}`
    let at = where.get(key)
    if (!at) {
      // Leaving a start or reaching an end: never in a line, never at work.
      if (e.kind !== 'arrive') continue
      where.set(key, (at = { q: 0, w: 0 }))
    }
    let dq = 0
    let dw = 0
    if (e.kind === 'arrive') dq = 1
    else if (e.kind === 'start') {
      dq = at.q > 0 ? -1 : 0
      dw = 1
    } else if (e.kind === 'queue') {
      dq = 1
      dw = at.w > 0 ? -1 : 0
    } else if (at.w > 0) dw = -1
    else if (at.q > 0) dq = -1 // timed out while waiting
    at.q += dq
    at.w += dw
    if (at.q === 0 && at.w === 0) where.delete(key)
    let series = byNode.get(e.nodeId)
    if (!series) byNode.set(e.nodeId, (series = { times: [], queued: [], working: [], q: 0, w: 0 }))
    series.q += dq
    series.w += dw
    const last = series.times.length - 1
    if (last >= 0 && series.times[last] === e.time) {
      series.queued[last] = series.q
      series.working[last] = series.w
    } else {
      series.times.push(e.time)
      series.queued.push(series.q)
      series.working.push(series.w)
    }
  }
  const out = new Map<string, NodeSeries>()
  for (const [id, s] of byNode) out.set(id, { times: s.times, queued: s.queued, working: s.working })
  return out
}

/** The counts of a series at `time` (after everything that happened at that instant). */
export function seriesAt(series: NodeSeries | undefined, time: number): { queued: number; working: number } {
  if (!series) return { queued: 0, working: 0 }
  const i = lastAtOrBefore(series.times, time)
  return i < 0 ? { queued: 0, working: 0 } : { queued: series.queued[i]!, working: series.working[i]! }
}

/** Index of the last entry ≤ `time` in an increasing list, −1 when there is none. */
export function lastAtOrBefore(times: readonly number[], time: number): number {
  let lo = 0
  let hi = times.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (times[mid]! <= time) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

/** A traced case (or one branch of it) moving from one node to the next, instantly in simulated time. */
export interface TraceMove {
  readonly time: number
  readonly caseId: number
  readonly from: string
  readonly to: string
}

/**
 * The moves the trace implies: from the node a case last left (its start, or a step) to the
 * step it arrives at or the end it reaches. Decisions, splits and joins on the way take no
 * time and leave no event: the move goes from step to step.
 */
export function traceMoves(trace: SimulationTrace): TraceMove[] {
  const moves: TraceMove[] = []
  const lastLeft = new Map<number, string>()
  const open = new Map<string, number>()
  for (const e of trace.events) {
    const key = `${e.caseId}\u0000${e.nodeId}`
    const from = lastLeft.get(e.caseId)
    if (e.kind === 'arrive') {
      open.set(key, (open.get(key) ?? 0) + 1)
      if (from !== undefined) moves.push({ time: e.time, caseId: e.caseId, from, to: e.nodeId })
    } else if (e.kind === 'done') {
      const visits = open.get(key) ?? 0
      if (visits > 0) {
        if (visits === 1) open.delete(key)
        else open.set(key, visits - 1)
        lastLeft.set(e.caseId, e.nodeId)
      } else if (from === undefined)
        lastLeft.set(e.caseId, e.nodeId) // entering at its start
      else moves.push({ time: e.time, caseId: e.caseId, from, to: e.nodeId }) // reaching an end
    }
  }
  return moves
}

/** When each traced case entered the flow and when its last branch ended, each list sorted. */
export function caseTimes(trace: SimulationTrace): { readonly entered: number[]; readonly finished: number[] } {
  const first = new Map<number, number>()
  const last = new Map<number, number>()
  for (const e of trace.events) {
    if (!first.has(e.caseId)) first.set(e.caseId, e.time)
    last.set(e.caseId, e.time)
  }
  const entered = [...first.values()].sort((a, b) => a - b)
  const finished = [...last.values()].sort((a, b) => a - b)
  return { entered, finished }
}
