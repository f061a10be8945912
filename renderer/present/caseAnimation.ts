/**
 * The walkthrough's animation of a simulation run, without React: the trace of the first
 * cases (shared/simulate/trace.ts) put on the working clock, so nights and weekends pass in
 * no time; the queue at each step over time; and each move of a case as a path along the
 * diagram's edges, for a token to travel.
 */
import type { FlowDocument } from '../../shared/document/index.js'
import { edgeRoutes, nodeBox, type Box } from '../../shared/geometry/index.js'
import {
  caseTimes,
  lastAtOrBefore,
  nodeSeries,
  seriesAt,
  traceMoves,
  WorkingClock,
  type NodeSeries,
  type SimulationTrace,
} from '../../shared/simulate/index.js'

interface Point {
  readonly x: number
  readonly y: number
}

/** A token's way from one step to the next: a polyline and its length. */
export interface Path {
  readonly points: readonly Point[]
  readonly length: number
}

export interface CaseAnimation {
  /** Working hours from the first event to the last. */
  readonly end: number
  /** Working hours in a working day (24 without a calendar). */
  readonly hoursPerDay: number
  readonly cases: number
  /** Per step id: its line and its work over time, in working hours. */
  readonly series: ReadonlyMap<string, NodeSeries>
  /** Moves in time order (working hours), with their paths. */
  readonly moves: readonly { readonly time: number; readonly caseId: number; readonly path: Path }[]
  readonly moveTimes: readonly number[]
  /** Sorted working-hour times at which cases entered and finished. */
  readonly entered: readonly number[]
  readonly finished: readonly number[]
  /** The largest queue any step has at any time: the scale of the badges' colours. */
  readonly longestQueue: number
}

/** Kinds that take no time: a case passes through them within a move. */
const PASS_THROUGH = new Set(['decision', 'parallel'])

function polyline(points: readonly Point[]): Path {
  let length = 0
  for (let i = 1; i < points.length; i++) {
    length += Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y)
  }
  return { points, length }
}

function centre(box: Box): Point {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
}

/**
 * The drawn way from step `from` to step `to`: the edges of the shortest path between them
 * that passes only through decisions and parallel gateways; a straight line if there is none.
 */
export function pathBetween(doc: FlowDocument, from: string, to: string, routes = edgeRoutes(doc)): Path {
  const kinds = new Map(doc.nodes.map((n) => [n.id, n.kind]))
  const outgoing = new Map<string, typeof doc.edges>()
  for (const e of doc.edges) outgoing.set(e.source, [...(outgoing.get(e.source) ?? []), e])
  // Breadth-first from `from`, remembering the edge each node was first reached by.
  const via = new Map<string, (typeof doc.edges)[number]>()
  const queue = [from]
  while (queue.length > 0 && !via.has(to)) {
    const at = queue.shift()!
    if (at !== from && !PASS_THROUGH.has(kinds.get(at) ?? '')) continue
    for (const e of outgoing.get(at) ?? []) {
      if (e.target === from || via.has(e.target)) continue
      via.set(e.target, e)
      queue.push(e.target)
    }
  }
  const edges: (typeof doc.edges)[number][] = []
  for (let at = to; at !== from && via.has(at); at = via.get(at)!.source) edges.unshift(via.get(at)!)
  if (!via.has(to)) {
    const a = doc.nodes.find((n) => n.id === from)
    const b = doc.nodes.find((n) => n.id === to)
    return polyline(a && b ? [centre(nodeBox(a)), centre(nodeBox(b))] : [])
  }
  return polyline(edges.flatMap((e) => routes.get(e.id)?.points ?? []))
}

/** The point `distance` along a path. */
export function pointAlong(path: Path, distance: number): Point | undefined {
  const points = path.points
  if (points.length === 0) return undefined
  let left = Math.max(0, distance)
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!
    const b = points[i]!
    const length = Math.hypot(b.x - a.x, b.y - a.y)
    if (left <= length && length > 0)
      return { x: a.x + ((b.x - a.x) * left) / length, y: a.y + ((b.y - a.y) * left) / length }
    left -= length
  }
  return points[points.length - 1]
}

/** Everything the animation needs from a run's trace, on the working clock. */
export function buildCaseAnimation(doc: FlowDocument, trace: SimulationTrace): CaseAnimation {
  const clock = new WorkingClock(doc.calendar)
  const worked: SimulationTrace = {
    cases: trace.cases,
    events: trace.events.map((e) => ({ ...e, time: clock.workedBy(e.time) })),
  }
  const routes = edgeRoutes(doc)
  const paths = new Map<string, Path>()
  const moves = traceMoves(worked).map((m) => {
    const key = `${m.from}\u0000${m.to}`
    let path = paths.get(key)
    if (!path) paths.set(key, (path = pathBetween(doc, m.from, m.to, routes)))
    return { time: m.time, caseId: m.caseId, path }
  })
  const series = nodeSeries(worked)
  let longestQueue = 0
  for (const s of series.values()) for (const q of s.queued) longestQueue = Math.max(longestQueue, q)
  const { entered, finished } = caseTimes(worked)
  return {
    end: worked.events.at(-1)?.time ?? 0,
    hoursPerDay: doc.calendar?.hoursPerDay ?? 24,
    cases: trace.cases,
    series,
    moves,
    moveTimes: moves.map((m) => m.time),
    entered,
    finished,
    longestQueue,
  }
}

export interface Token {
  readonly caseId: number
  readonly x: number
  readonly y: number
}

/**
 * Tokens on their way at `time`: a move takes no simulated time, so each is shown travelling
 * for `travel` working hours after it happened (the animation's speed decides how long that is).
 */
export function tokensAt(animation: CaseAnimation, time: number, travel: number): Token[] {
  const tokens: Token[] = []
  const last = lastAtOrBefore(animation.moveTimes, time)
  for (let i = last; i >= 0; i--) {
    const move = animation.moves[i]!
    const age = time - move.time
    if (age >= travel) break
    const at = pointAlong(move.path, (move.path.length * age) / travel)
    if (at) tokens.push({ caseId: move.caseId, x: at.x, y: at.y })
  }
  return tokens
}

/** At `time`: cases waiting and at work per step, and cases in the flow and finished. */
export function stateAt(animation: CaseAnimation, time: number) {
  const steps = new Map<string, { queued: number; working: number }>()
  for (const [id, s] of animation.series) steps.set(id, seriesAt(s, time))
  const entered = lastAtOrBefore(animation.entered, time) + 1
  const finished = lastAtOrBefore(animation.finished, time) + 1
  return { steps, inFlow: entered - finished, finished }
}

/** Working days per second of playback to choose from. */
export const SPEEDS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 50] as const

/** The slowest speed that plays the whole run in at most `seconds`. */
export function defaultSpeed(animation: CaseAnimation, seconds = 40): number {
  const days = animation.end / animation.hoursPerDay
  return SPEEDS.find((s) => days / s <= seconds) ?? SPEEDS[SPEEDS.length - 1]!
}
