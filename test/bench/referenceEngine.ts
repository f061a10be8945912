/**
 * The plain reference engine of simulation.md ("How fast"): the seven-step B2B pipeline
 * (templates/en/b2b-pipeline.flow.json) hand-coded — a binary heap of events, exponential
 * work with the template's mean durations, strict FIFO pools of people, no calendar, no
 * time limits, no statistics beyond the mean cycle time. It is the floor Flowlane's engine
 * is measured against in the same run; nothing in the app uses it.
 */
import type { FlowDocument } from '../../shared/document/index.js'
import { toClockHours } from '../../shared/time/clock.js'
import { distributionMean } from '../../shared/time/distributionMean.js'

// Steps, in flow order. Routing after each step is in `next` below.
const ACQUISITION = 0
const QUALIFICATION = 1
const FOLLOW_UP = 2
const QUOTE = 3
const FEEDBACK = 4 // a wait: no people
const NEGOTIATION = 5
const SIGNING = 6
const ORDER = 7
const AFTER_SALES = 8
const DONE = -1

const MARKETING = 0
const SALES_REP = 1
const SALES_MANAGER = 2
const ORDER_TEAM = 3
const SERVICE = 4
const HEADCOUNT = [1, 6, 2, 9, 2]

/** Mean work in hours: the template's distribution means (PERT (a+4m+b)/6, triangular (a+m+b)/3; a workday is 8 h). */
const MEAN = [
  (0.5 + 4 * 1 + 2) / 6,
  (1 + 2 + 4) / 3,
  (2 + 4 + 8) / 3,
  (3 + 4 * 6 + 10) / 6,
  ((0.5 + 2 + 4) / 3) * 24,
  (3 + 4 * 6 + 12) / 6,
  (2 + 4 * 4 + 8) / 6,
  ((1 + 4 * 3 + 6) / 6) * 8,
  (2 + 6 + 12) / 3,
]
const ROLE = [MARKETING, SALES_REP, SALES_REP, SALES_REP, -1, SALES_MANAGER, SALES_MANAGER, ORDER_TEAM, SERVICE]
const PEOPLE = [1, 1, 1, 1, 0, 1, 1, 2, 1]
/** Hours between leads: 0.3 day. */
const ARRIVAL_MEAN = 0.3 * 24

export interface ReferenceResult {
  readonly meanCycleTime: number
  readonly events: number
}

/** Runs `cases` leads through the pipeline; returns their mean cycle time. */
export function runReferenceEngine(cases: number, seed = 1): ReferenceResult {
  // xorshift128+ in 32-bit halves would be overkill here: a 32-bit xorshift is the floor.
  let state = seed | 0 || 1
  const uniform = (): number => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return ((state >>> 0) + 0.5) / 4294967296
  }
  const exponential = (mean: number): number => -mean * Math.log(uniform())

  // Event heap: time, sequence (stable ties) and payload (case id, or -1 for an arrival).
  let capacity = 1024
  let heapTime = new Float64Array(capacity)
  let heapSeq = new Float64Array(capacity)
  let heapCase = new Int32Array(capacity)
  let size = 0
  let seq = 0
  const push = (time: number, c: number): void => {
    if (size === capacity) {
      capacity *= 2
      const t = new Float64Array(capacity)
      t.set(heapTime)
      heapTime = t
      const s = new Float64Array(capacity)
      s.set(heapSeq)
      heapSeq = s
      const k = new Int32Array(capacity)
      k.set(heapCase)
      heapCase = k
    }
    const order = seq++
    let i = size++
    while (i > 0) {
      const p = (i - 1) >> 1
      if (heapTime[p]! < time || (heapTime[p] === time && heapSeq[p]! < order)) break
      heapTime[i] = heapTime[p]!
      heapSeq[i] = heapSeq[p]!
      heapCase[i] = heapCase[p]!
      i = p
    }
    heapTime[i] = time
    heapSeq[i] = order
    heapCase[i] = c
  }
  const pop = (): void => {
    const last = --size
    const time = heapTime[last]!
    const order = heapSeq[last]!
    const c = heapCase[last]!
    let i = 0
    for (;;) {
      let child = 2 * i + 1
      if (child >= last) break
      if (
        child + 1 < last &&
        (heapTime[child + 1]! < heapTime[child]! ||
          (heapTime[child + 1] === heapTime[child] && heapSeq[child + 1]! < heapSeq[child]!))
      ) {
        child++
      }
      if (time < heapTime[child]! || (time === heapTime[child] && order < heapSeq[child]!)) break
      heapTime[i] = heapTime[child]!
      heapSeq[i] = heapSeq[child]!
      heapCase[i] = heapCase[child]!
      i = child
    }
    heapTime[i] = time
    heapSeq[i] = order
    heapCase[i] = c
  }

  // Cases: entry time and current step. FIFO lines per role as growable rings.
  const enter = new Float64Array(cases)
  const step = new Int32Array(cases)
  const free = Int32Array.from(HEADCOUNT)
  const lines = HEADCOUNT.map(() => new Int32Array(1024))
  const head = new Int32Array(HEADCOUNT.length)
  const tail = new Int32Array(HEADCOUNT.length)

  let entered = 0
  let completed = 0
  let cycleSum = 0
  let events = 0

  const begin = (c: number, s: number, now: number): void => {
    step[c] = s
    const role = ROLE[s]!
    if (role < 0) {
      push(now + exponential(MEAN[s]!), c)
      return
    }
    if (head[role] === tail[role] && free[role]! >= PEOPLE[s]!) {
      free[role]! -= PEOPLE[s]!
      push(now + exponential(MEAN[s]!), c)
    } else {
      let line = lines[role]!
      if (tail[role] === line.length) {
        // Compact the consumed front, or grow.
        const live = line.subarray(head[role], tail[role])
        const room = head[role]! > line.length >> 1 ? line : new Int32Array(line.length * 2)
        room.set(live.slice())
        lines[role] = line = room
        tail[role] = live.length
        head[role] = 0
      }
      line[tail[role]!++] = c
    }
  }

  const next = (s: number): number => {
    const u = uniform()
    switch (s) {
      case ACQUISITION:
        return QUALIFICATION
      case QUALIFICATION:
        return u < 0.4 ? FOLLOW_UP : DONE
      case FOLLOW_UP:
        return u < 0.75 ? QUOTE : DONE
      case QUOTE:
        return FEEDBACK
      case FEEDBACK:
        return u < 0.3 ? SIGNING : u < 0.8 ? NEGOTIATION : DONE
      case NEGOTIATION:
        return u < 0.6 ? SIGNING : u < 0.85 ? QUOTE : DONE
      case SIGNING:
        return u < 0.9 ? ORDER : DONE
      case ORDER:
        return AFTER_SALES
      default:
        return DONE
    }
  }

  push(0, -1)
  while (size > 0) {
    const now = heapTime[0]!
    const c = heapCase[0]!
    pop()
    events++
    if (c < 0) {
      const id = entered++
      enter[id] = now
      if (entered < cases) push(now + exponential(ARRIVAL_MEAN), -1)
      begin(id, ACQUISITION, now)
      continue
    }
    const s = step[c]!
    const role = ROLE[s]!
    if (role >= 0) {
      free[role]! += PEOPLE[s]!
      const line = lines[role]!
      while (head[role]! < tail[role]!) {
        const waiting = line[head[role]!]!
        const needs = PEOPLE[step[waiting]!]!
        if (needs > free[role]!) break
        head[role]!++
        free[role]! -= needs
        push(now + exponential(MEAN[step[waiting]!]!), waiting)
      }
    }
    const to = next(s)
    if (to === DONE) {
      completed++
      cycleSum += now - enter[c]!
    } else begin(c, to, now)
  }
  return { meanCycleTime: cycleSum / completed, events }
}

/** The template as the reference engine models it: 24/7, exponential work of the same means, no limits. */
export function referenceModel(doc: FlowDocument): FlowDocument {
  const { calendar: _calendar, ...rest } = doc
  return {
    ...rest,
    nodes: doc.nodes.map((n) => {
      const { timeLimit: _limit, ...rest } = n
      if (!n.duration) return rest
      // Without a calendar a workday is 8 h, as in the reference engine.
      const mean = toClockHours(distributionMean(n.duration), n.duration.unit, undefined)
      return { ...rest, duration: { dist: 'exponential' as const, mean, unit: 'hour' as const } }
    }),
  }
}
