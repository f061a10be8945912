/**
 * One replication of the discrete-event simulation (simulation.md). Cases enter at start
 * nodes and their branches ("tokens") move through the compiled model; everything that
 * takes time is an event ordered by (time, order of scheduling), so ties are broken the
 * same way on every machine.
 *
 * Built for speed: entities are integer ids into typed arrays; events live in a binary heap
 * of four numbers per slot, except each start's next arrival, which waits beside it;
 * superseded events (a timeout after its case left, work stopped by a timeout) are dropped
 * when they surface instead of being searched for; instantaneous steps (decisions, splits,
 * joins) are walked without touching the heap; a step's end on the working clock is known
 * when it starts, so the calendar is walked about once per event; and random durations, branch
 * draws and arrival gaps are drawn in blocks ahead of use, so taking one is a table read.
 */
import * as distributions from './distributions.js'
import { histogramOf, type CycleHistogram } from './histogram.js'
import * as modelTables from './model.js'
import { type CompiledModel, stepRoleId } from './model.js'
import { RandomStreams, streamKey } from './random.js'
import { TRACE_ARRIVE, TRACE_DONE, TRACE_QUEUE, TRACE_START, type TraceRecorder } from './trace.js'
import { WorkingClock } from './workingClock.js'
import { nameOf } from '../validate/naming.js'

// What the hot loop takes from other modules, bound once here: where modules run compiled to
// CommonJS (as under tsx, which runs the benchmarks), every use of an imported binding is a
// getter call.
const { STRIDE, drawInto } = distributions
const { TASK, APPROVAL, WAIT, END, PARALLEL } = modelTables

export interface RunSettings {
  readonly cases: number
  readonly warmupCases: number
  readonly seed: number
  /** 0-based; seeds derive from (seed, replication). */
  readonly replication: number
  /** Events (including instantaneous moves) after which a run counts as runaway. */
  readonly maxEvents: number
  /** Cases in the flow at once after which a run counts as overloaded. */
  readonly maxCasesInSystem: number
  /** Records the first cases' moves (trace.ts); without it the hooks cost one comparison each. */
  readonly trace?: TraceRecorder
}

export interface RunStop {
  readonly reason: 'too-many-events' | 'too-many-cases'
  readonly message: string
}

/** Per step, what one run measured (raw, unrounded). */
export interface StepFigures {
  readonly visits: number
  readonly meanWait: number | null
  readonly meanService: number | null
  readonly meanTime: number | null
  readonly p90Time: number | null
  readonly slaBreachRate: number | null
  readonly timeouts: number
  readonly queueMean: number | null
  readonly queueMax: number | null
}

export interface RoleFigures {
  readonly utilization: number | null
  readonly busyHours: number
  readonly cost: number | null
}

export interface RunFigures {
  /** Events taken from the event queue: arrivals, completions, timeouts (a speed figure). */
  readonly events: number
  readonly cases: number
  readonly completed: number
  readonly simulatedHours: number
  readonly throughputPerHour: number | null
  readonly cycleTime: {
    readonly mean: number | null
    readonly p50: number | null
    readonly p90: number | null
    readonly p95: number | null
    readonly max: number | null
  }
  /** Completed cases by cycle time (histogram.ts); null when none completed. */
  readonly cycleHistogram: CycleHistogram | null
  readonly wipMean: number | null
  /** Per outcome of `model.outcomes`. */
  readonly outcomes: readonly number[]
  /** Per step of `model.steps`. */
  readonly steps: readonly StepFigures[]
  /** Per role of `model.roles`. */
  readonly roles: readonly RoleFigures[]
}

const EV_DONE = 1
const EV_TIMEOUT = 2

const IDLE = 0
const QUEUED = 1
const WORKING = 2
const DELAYING = 3

/** The most entries a per-step or per-case buffer starts with (8 MB); beyond, it doubles as needed. */
const INITIAL_ROOM = 1 << 20

/**
 * Numbers drawn ahead, a block at a time, per step's durations, per decision's branches and per
 * start's arrivals. Each of these has a stream of its own (random.ts), so drawing ahead changes
 * no number, only when it is drawn.
 */
const DRAW_BLOCK = 64

/** Relative slack when comparing a departure with a time limit (float rounding, not policy). */
const LIMIT_EPSILON = 1e-9

function grownF64(a: Float64Array, size: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(Math.max(size, a.length * 2))
  b.set(a)
  return b
}
function grownI32(a: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(size, a.length * 2))
  b.set(a)
  return b
}
function grownU8(a: Uint8Array, size: number): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(Math.max(size, a.length * 2))
  b.set(a)
  return b
}

export class SimulationRun {
  private readonly m: CompiledModel
  // The model's hot tables, one indirection closer.
  private readonly kinds: Uint8Array
  private readonly outCount: Int32Array
  private readonly outStart: Int32Array
  private readonly outEdges: Int32Array
  private readonly outCumulative: Float64Array
  private readonly exclusive: Uint8Array
  private readonly edgeTarget: Int32Array
  private readonly distWorking: Uint8Array
  private readonly clock: WorkingClock
  private readonly always: boolean
  /**
   * The simulation clock: the time of the event being handled and its position on the working
   * clock (working hours in [0, now]), found once per event. Fields rather than parameters: a
   * number passed to or returned from a call V8 did not inline is boxed on the heap each time.
   */
  private now = NaN
  private nowWorked = 0
  private measureFromWorked = 0
  private readonly rng: RandomStreams
  private readonly totalCases: number
  private readonly warmup: number
  private readonly maxEvents: number
  private readonly maxInSystem: number

  // Event heap, one slot of four numbers per event so a comparison touches one cache line:
  // (time, seq) is the key — seq, the order of scheduling, breaks ties — then ref = token × 4
  // + event kind, and the token's stamp when scheduled (a changed stamp marks the event stale).
  private heap = new Float64Array(4 * 256)
  private hSize = 0
  private seq = 0
  // Arrivals stay out of the heap: per start, its next arrival's (time, seq), Infinity for none.
  private readonly arrivalTime: Float64Array
  private readonly arrivalSeq: Float64Array

  // Tokens: one per live branch of a case.
  private tCase = new Int32Array(256)
  private tNode = new Int32Array(256)
  private tStamp = new Int32Array(256)
  private tState = new Uint8Array(256)
  private tRole = new Int32Array(256)
  private tPeople = new Int32Array(256)
  private tReview = new Int32Array(256)
  private tArrive = new Float64Array(256)
  /** Working hours on the clock at arrival and at the start of work (see `nowWorked`). */
  private tArriveWorked = new Float64Array(256)
  private tStartWorked = new Float64Array(256)
  /** Working-clock position when the work (or delay) ends, known when it starts. */
  private tEndWorked = new Float64Array(256)
  private tRequest = new Float64Array(256)
  private tWorkStart = new Float64Array(256)
  private tWorkEnd = new Float64Array(256)
  /** When the step's timeout fires. */
  private tDeadline = new Float64Array(256)
  private tWait = new Float64Array(256)
  private tService = new Float64Array(256)
  private tFree = new Int32Array(256)
  private tFreeCount = 0
  private tCount = 0

  // Cases in the flow.
  private cEnter = new Float64Array(256)
  private cSerial = new Float64Array(256)
  private cLive = new Int32Array(256)
  private cOutcome = new Int32Array(256)
  private cFree = new Int32Array(256)
  private cFreeCount = 0
  private cCount = 0

  // Roles: free people, and one strict FIFO line each (ring buffers of token, stamp).
  private readonly free: Int32Array
  private readonly waiting: Int32Array
  private readonly busy: Float64Array
  private readonly ringToken: Int32Array[]
  private readonly ringStamp: Int32Array[]
  private readonly ringHead: Int32Array
  private readonly ringTail: Int32Array

  // Per node.
  /** Visits by cases of the warm-up (the measured ones are `timesLength`), for the runaway guard's message. */
  private readonly warmupVisits: Float64Array
  private readonly sumWait: Float64Array
  private readonly sumService: Float64Array
  private readonly breaches: Float64Array
  private readonly timeouts: Float64Array
  private readonly times: Float64Array[]
  private readonly timesLength: Int32Array
  private readonly queued: Int32Array
  private readonly queueArea: Float64Array
  private readonly queueLast: Float64Array
  private readonly queueMax: Int32Array

  /**
   * Numbers drawn ahead, DRAW_BLOCK per source of the model (`CompiledModel.sourceStream`),
   * handed out from `drawNext[source]` on; a block's end when used up. Reading one is a few
   * instructions where drawing it is a chain of calls.
   */
  private readonly drawValues: Float64Array
  private readonly drawNext: Int32Array
  private readonly joins = new Map<number, Int32Array>()
  private cycle = new Float64Array(1024)
  private completed = 0
  private readonly outcomeCounts: Float64Array

  // Routing stack of split branches: (token, edge it takes).
  private sToken = new Int32Array(64)
  private sCode = new Int32Array(64)

  private entered = 0
  private inSystem = 0
  private wipArea = 0
  private wipLast = 0
  /** When the first counted case entered: the measured period starts (cli.md, warm-up). */
  private measureFrom = Infinity
  private lastEventTime = 0
  /** Events and instantaneous moves so far: what the runaway guard counts. */
  private events = 0
  /** Events taken from the queue (arrivals, completions, timeouts): the speed figure. */
  private queueEvents = 0
  private stop: RunStop | null = null
  private readonly trace: TraceRecorder | undefined

  constructor(model: CompiledModel, settings: RunSettings) {
    this.m = model
    this.kinds = model.kind
    this.outCount = model.outCount
    this.outStart = model.outStart
    this.outEdges = model.outEdges
    this.outCumulative = model.outCumulative
    this.exclusive = model.exclusive
    this.edgeTarget = model.edgeTarget
    this.distWorking = model.distWorking
    this.clock = new WorkingClock(model.doc.calendar)
    this.always = this.clock.always
    this.rng = new RandomStreams(model.streamNames.map((name) => streamKey(settings.seed, settings.replication, name)))
    this.totalCases = settings.cases
    this.warmup = settings.warmupCases
    this.maxEvents = settings.maxEvents
    this.maxInSystem = settings.maxCasesInSystem
    this.trace = settings.trace
    const n = model.nodeCount
    const r = model.roles.length
    this.free = Int32Array.from(model.roles, (role) => role.headcount)
    this.waiting = new Int32Array(r)
    this.busy = new Float64Array(r)
    this.ringToken = model.roles.map(() => new Int32Array(64))
    this.ringStamp = model.roles.map(() => new Int32Array(64))
    this.ringHead = new Int32Array(r)
    this.ringTail = new Int32Array(r)
    this.warmupVisits = new Float64Array(n)
    this.sumWait = new Float64Array(n)
    this.sumService = new Float64Array(n)
    this.breaches = new Float64Array(n)
    this.timeouts = new Float64Array(n)
    this.times = Array.from({ length: n }, () => new Float64Array(0))
    for (const v of model.steps) {
      // Room for the expected visits up front (capped), so the buffers rarely grow mid-run.
      const expected = model.expectedVisits[v]! * Math.max(0, settings.cases - settings.warmupCases)
      const room = Number.isFinite(expected) ? Math.min(INITIAL_ROOM, Math.ceil(expected * 1.05) + 64) : 1024
      this.times[v] = new Float64Array(room)
    }
    this.timesLength = new Int32Array(n)
    this.queued = new Int32Array(n)
    this.queueArea = new Float64Array(n)
    this.queueLast = new Float64Array(n)
    this.queueMax = new Int32Array(n)
    this.outcomeCounts = new Float64Array(model.outcomes.length)
    this.cycle = new Float64Array(Math.min(INITIAL_ROOM, Math.max(1024, settings.cases - settings.warmupCases)))
    const sources = model.sourceStream.length
    this.drawValues = new Float64Array(sources * DRAW_BLOCK)
    this.drawNext = Int32Array.from({ length: sources }, (_, i) => (i + 1) * DRAW_BLOCK)
    // Each start's first case enters at time 0 (file-format.md), in document order.
    this.arrivalTime = new Float64Array(model.starts.length).fill(Infinity)
    this.arrivalSeq = new Float64Array(model.starts.length)
    if (settings.cases > 0) model.starts.forEach((_, i) => this.scheduleArrival(i, 0))
  }

  get casesEntered(): number {
    return this.entered
  }
  get stopped(): RunStop | null {
    return this.stop
  }

  /** Runs up to `budget` more events; true when the run has finished (or stopped). */
  advance(budget: number): boolean {
    const until = this.events + budget
    const arrivalTime = this.arrivalTime
    const arrivalSeq = this.arrivalSeq
    const starts = arrivalTime.length
    for (;;) {
      // The earliest arrival, then whichever comes first of it and the heap's top.
      let a = 0
      for (let i = 1; i < starts; i++) {
        const t = arrivalTime[i]!
        const best = arrivalTime[a]!
        if (t < best || (t === best && arrivalSeq[i]! < arrivalSeq[a]!)) a = i
      }
      const at = starts > 0 ? arrivalTime[a]! : Infinity
      const heap = this.heap
      const fromHeap = this.hSize > 0 && (heap[0]! < at || (heap[0] === at && heap[1]! < arrivalSeq[a]!))
      if (!fromHeap && at === Infinity) return true
      if (this.events >= until) return false
      if (this.events > this.maxEvents) {
        this.stopRunaway()
        return true
      }
      this.events++
      this.queueEvents++
      if (!fromHeap) {
        arrivalTime[a] = Infinity
        // Streams stop once `cases` have entered over all starts (file-format.md).
        if (this.entered >= this.totalCases) continue
        this.lastEventTime = at
        this.setClock(at)
        this.onArrival(a)
      } else {
        const time = heap[0]!
        const ref = heap[2]!
        const stamp = heap[3]!
        this.popRoot()
        const id = ref >> 2
        // A stamp that moved on: the case left the step since (timeout, or work stopped).
        if (this.tStamp[id] !== stamp) continue
        this.lastEventTime = time
        if ((ref & 3) === EV_DONE) {
          // The end's working-clock position was fixed when the work started: no calendar walk.
          this.now = time
          this.nowWorked = this.tEndWorked[id]!
          this.onDone(id)
        } else {
          this.setClock(time)
          this.onTimeout(id)
        }
      }
      if (this.stop) return true
    }
  }

  private scheduleArrival(startIndex: number, time: number): void {
    this.arrivalTime[startIndex] = time
    this.arrivalSeq[startIndex] = this.seq++
  }

  // ---- the clocks ----------------------------------------------------------------------

  /**
   * Moves the clock to `time`. At the instant it already shows, the working position stays as it
   * is: after a completion that is the end's position fixed when the work started, which later
   * events at the same instant go on using.
   */
  private setClock(time: number): void {
    if (time === this.now) return
    this.now = time
    this.nowWorked = this.clock.workedBy(time)
  }

  /** When `hours` working hours from now have passed. */
  private afterWorking(hours: number): number {
    const now = this.now
    if (this.always) return now + hours
    if (hours <= 0) return now
    const end = this.clock.instantAt(this.nowWorked + hours)
    return end > now ? end : now
  }

  // ---- the event heap ----------------------------------------------------------------

  /** Schedules token t's event: its work's end (EV_DONE) or its timeout (EV_TIMEOUT), at the time noted on the token. */
  private push(t: number, kind: number): void {
    if (4 * this.hSize === this.heap.length) this.heap = grownF64(this.heap, 0)
    const heap = this.heap
    const time = kind === EV_DONE ? this.tWorkEnd[t]! : this.tDeadline[t]!
    const ref = t * 4 + kind
    const stamp = this.tStamp[t]!
    const seq = this.seq++
    let i = this.hSize++
    while (i > 0) {
      const p = (i - 1) >> 1
      const pt = heap[4 * p]!
      if (pt < time || (pt === time && heap[4 * p + 1]! < seq)) break
      heap[4 * i] = pt
      heap[4 * i + 1] = heap[4 * p + 1]!
      heap[4 * i + 2] = heap[4 * p + 2]!
      heap[4 * i + 3] = heap[4 * p + 3]!
      i = p
    }
    heap[4 * i] = time
    heap[4 * i + 1] = seq
    heap[4 * i + 2] = ref
    heap[4 * i + 3] = stamp
  }

  private popRoot(): void {
    const size = --this.hSize
    if (size === 0) return
    const heap = this.heap
    const time = heap[4 * size]!
    const seq = heap[4 * size + 1]!
    const ref = heap[4 * size + 2]!
    const stamp = heap[4 * size + 3]!
    // The freed slot becomes a sentinel: a right child there is never the earlier one.
    heap[4 * size] = Infinity
    let i = 0
    for (;;) {
      let c = 2 * i + 1
      if (c >= size) break
      // Which child comes first is a coin flip: taken arithmetically, as a branch would be
      // mispredicted about every other level. Equal times, where the order of scheduling
      // decides, are rare enough for a branch.
      const left = heap[4 * c]!
      const right = heap[4 * c + 4]!
      if (right === left) c += Number(heap[4 * c + 5]! < heap[4 * c + 1]!)
      else c += Number(right < left)
      const ct = heap[4 * c]!
      if (time < ct || (time === ct && seq < heap[4 * c + 1]!)) break
      heap[4 * i] = ct
      heap[4 * i + 1] = heap[4 * c + 1]!
      heap[4 * i + 2] = heap[4 * c + 2]!
      heap[4 * i + 3] = heap[4 * c + 3]!
      i = c
    }
    heap[4 * i] = time
    heap[4 * i + 1] = seq
    heap[4 * i + 2] = ref
    heap[4 * i + 3] = stamp
  }

  // ---- entities ------------------------------------------------------------------------

  private newToken(c: number): number {
    let t: number
    if (this.tFreeCount > 0) t = this.tFree[--this.tFreeCount]!
    else {
      t = this.tCount++
      if (t === this.tCase.length) this.growTokens()
    }
    this.tCase[t] = c
    this.tState[t] = IDLE
    return t
  }

  private growTokens(): void {
    const size = this.tCase.length * 2
    this.tCase = grownI32(this.tCase, size)
    this.tNode = grownI32(this.tNode, size)
    this.tStamp = grownI32(this.tStamp, size)
    this.tState = grownU8(this.tState, size)
    this.tRole = grownI32(this.tRole, size)
    this.tPeople = grownI32(this.tPeople, size)
    this.tReview = grownI32(this.tReview, size)
    this.tArrive = grownF64(this.tArrive, size)
    this.tArriveWorked = grownF64(this.tArriveWorked, size)
    this.tStartWorked = grownF64(this.tStartWorked, size)
    this.tEndWorked = grownF64(this.tEndWorked, size)
    this.tRequest = grownF64(this.tRequest, size)
    this.tWorkStart = grownF64(this.tWorkStart, size)
    this.tWorkEnd = grownF64(this.tWorkEnd, size)
    this.tDeadline = grownF64(this.tDeadline, size)
    this.tWait = grownF64(this.tWait, size)
    this.tService = grownF64(this.tService, size)
    this.tFree = grownI32(this.tFree, size)
  }

  private freeToken(t: number): void {
    // The stamp survives reuse, so events of the token's past life stay stale.
    this.tStamp[t] = (this.tStamp[t]! + 1) | 0
    this.tState[t] = IDLE
    this.tFree[this.tFreeCount++] = t
  }

  private newCase(): number {
    if (this.cFreeCount > 0) return this.cFree[--this.cFreeCount]!
    const c = this.cCount++
    if (c === this.cEnter.length) {
      const size = c * 2
      this.cEnter = grownF64(this.cEnter, size)
      this.cSerial = grownF64(this.cSerial, size)
      this.cLive = grownI32(this.cLive, size)
      this.cOutcome = grownI32(this.cOutcome, size)
      this.cFree = grownI32(this.cFree, size)
    }
    return c
  }

  // ---- events --------------------------------------------------------------------------

  private onArrival(startIndex: number): void {
    const now = this.now
    const serial = this.entered++
    if (serial === this.warmup) this.beginMeasuring()
    const c = this.newCase()
    this.cEnter[c] = now
    this.cSerial[c] = serial
    this.cLive[c] = 1
    this.cOutcome[c] = -1
    this.wipArea += this.inSystem * (now - this.wipLast)
    this.wipLast = now
    if (++this.inSystem > this.maxInSystem) {
      this.stopOverloaded()
      return
    }
    const start = this.m.starts[startIndex]!
    if (this.entered < this.totalCases) {
      const source = 2 * this.m.nodeCount + startIndex // its arrival gaps (CompiledModel.sourceStream)
      const gap = this.drawValues[this.nextDraw(source)]!
      const next = start.arrivals.working ? this.afterWorking(gap) : now + gap
      this.scheduleArrival(startIndex, next)
    }
    const t = this.newToken(c)
    if (this.trace !== undefined) this.traced(t, start.node, TRACE_DONE)
    this.route(t, start.node, -1)
  }

  private onDone(t: number): void {
    const v = this.tNode[t]!
    const worked = this.nowWorked - this.tStartWorked[t]!
    this.tService[t]! += worked
    if (this.tState[t] === DELAYING) {
      this.depart(t, false)
      return
    }
    const start = this.tWorkStart[t]!
    const people = this.tPeople[t]!
    if (people > 0) {
      const r = this.tRole[t]!
      this.addBusy(r, people, start, worked)
      this.free[r]! += people
      this.tState[t] = IDLE
      if (this.waiting[r]! > 0) this.serve(r)
    }
    if (this.kinds[v] === APPROVAL) {
      const review = ++this.tReview[t]!
      if (review < this.m.reviewCount[v]!) {
        if (this.trace !== undefined) this.traced(t, v, TRACE_QUEUE)
        this.request(t, this.m.reviewRoles[this.m.reviewStart[v]! + review]!, 1)
        return
      }
    }
    this.depart(t, false)
  }

  private onTimeout(t: number): void {
    const now = this.now
    const state = this.tState[t]!
    // Work finishing at the very instant of the timeout finishes first: that is not later than
    // the limit. The timeout goes back in line behind it, for a case still at the step then
    // (an approval about to start its next review).
    if (state === WORKING && this.tWorkEnd[t]! <= now) {
      this.tDeadline[t] = now
      this.push(t, EV_TIMEOUT)
      return
    }
    const v = this.tNode[t]!
    if (state === QUEUED) {
      const r = this.tRole[t]!
      this.tState[t] = IDLE
      this.tWait[t]! += now - this.tRequest[t]!
      this.changeQueue(v, -1)
      if (--this.waiting[r]! === 0) this.ringHead[r] = this.ringTail[r]!
      // It may have been the head of the line, holding back cases that now fit.
      else this.serve(r)
    } else if (state === WORKING) {
      const start = this.tWorkStart[t]!
      const worked = now > start ? this.nowWorked - this.tStartWorked[t]! : 0
      this.tService[t]! += worked
      const people = this.tPeople[t]!
      this.tState[t] = IDLE
      if (people > 0) {
        const r = this.tRole[t]!
        if (now > start) this.addBusy(r, people, start, worked)
        this.free[r]! += people
        if (this.waiting[r]! > 0) this.serve(r)
      }
    } else if (state === DELAYING) {
      this.tService[t]! += this.nowWorked - this.tStartWorked[t]!
    }
    this.depart(t, true)
  }

  // ---- people ----------------------------------------------------------------------------

  /** Busy person-hours inside the measured period (cli.md, utilization). */
  private addBusy(r: number, people: number, start: number, worked: number): void {
    const from = this.measureFrom
    if (this.now <= from) return
    if (start >= from) this.busy[r]! += people * worked
    else this.busy[r]! += people * (this.nowWorked - this.measureFromWorked)
  }

  private request(t: number, r: number, people: number): void {
    this.tRole[t] = r
    this.tPeople[t] = people
    this.tRequest[t] = this.now
    if (this.waiting[r] === 0 && this.free[r]! >= people) {
      this.free[r]! -= people
      this.startWork(t)
    } else this.enqueue(t, r)
  }

  /** Token t joins the end of role r's one line (strict FIFO). */
  private enqueue(t: number, r: number): void {
    let tail = this.ringTail[r]!
    let ring = this.ringToken[r]!
    if (tail === ring.length) {
      const head = this.ringHead[r]!
      const live = tail - head
      if (head > ring.length >> 1) {
        ring.copyWithin(0, head, tail)
        this.ringStamp[r]!.copyWithin(0, head, tail)
      } else {
        const bigger = new Int32Array(ring.length * 2)
        bigger.set(ring.subarray(head, tail))
        const stamps = new Int32Array(ring.length * 2)
        stamps.set(this.ringStamp[r]!.subarray(head, tail))
        this.ringToken[r] = ring = bigger
        this.ringStamp[r] = stamps
      }
      this.ringHead[r] = 0
      tail = live
    }
    ring[tail] = t
    this.ringStamp[r]![tail] = this.tStamp[t]!
    this.ringTail[r] = tail + 1
    this.waiting[r]!++
    this.tState[t] = QUEUED
    this.changeQueue(this.tNode[t]!, 1)
  }

  /** Starts the line's head while it fits; the head blocks those behind it (strict FIFO). */
  private serve(r: number): void {
    const ring = this.ringToken[r]!
    const stamps = this.ringStamp[r]!
    let head = this.ringHead[r]!
    const tail = this.ringTail[r]!
    while (head < tail) {
      const t = ring[head]!
      if (this.tStamp[t] !== stamps[head] || this.tState[t] !== QUEUED) {
        head++
        continue
      }
      const people = this.tPeople[t]!
      if (people > this.free[r]!) break
      head++
      this.free[r]! -= people
      this.changeQueue(this.tNode[t]!, -1)
      this.startWork(t)
      if (--this.waiting[r]! === 0) {
        head = tail
        break
      }
    }
    this.ringHead[r] = head
  }

  private startWork(t: number): void {
    if (this.trace !== undefined) this.traced(t, this.tNode[t]!, TRACE_START)
    this.tWait[t]! += this.now - this.tRequest[t]!
    this.schedule(t, WORKING)
  }

  /** Starts token t's work (or delay) at its step now and schedules its end. */
  private schedule(t: number, state: number): void {
    this.tWorkStart[t] = this.now
    // Work seized outside working hours starts paused, like work paused at the end of a day.
    this.tStartWorked[t] = this.nowWorked
    this.tState[t] = state
    this.drawEnd(t)
    this.push(t, EV_DONE)
  }

  /**
   * Draws how long token t's work (or delay) takes and notes when it ends, on both clocks. The
   * numbers go into the token's tables rather than through arguments and results: a number
   * crossing a call V8 did not inline is boxed on the heap.
   */
  private drawEnd(t: number): void {
    const v = this.tNode[t]!
    const hours = this.drawValues[this.nextDraw(v)]!
    if (this.distWorking[v] === 1) {
      const startWorked = this.nowWorked
      this.tEndWorked[t] = hours > 0 ? startWorked + hours : startWorked
      // As `afterWorking(hours)`, taking the end's working position from the token's table.
      if (this.always) this.tWorkEnd[t] = this.now + hours
      else if (hours > 0) this.endOfWork(t)
      else this.tWorkEnd[t] = this.now
    } else {
      const end = this.now + hours
      this.tWorkEnd[t] = end
      this.tEndWorked[t] = this.always ? end : this.clock.workedBy(end)
    }
  }

  /**
   * Where `source`'s next number is in `drawValues`, drawing a block ahead when the last is used
   * up. An index rather than the number: an integer crossing a call V8 did not inline is not boxed.
   */
  private nextDraw(source: number): number {
    let k = this.drawNext[source]!
    if (k === (source + 1) * DRAW_BLOCK) k = this.drawAhead(source)
    this.drawNext[source] = k + 1
    return k
  }

  /** Draws the next block of `source`'s numbers (see `drawValues`); returns where it starts. */
  private drawAhead(source: number): number {
    const m = this.m
    const from = source * DRAW_BLOCK
    const stream = m.sourceStream[source]!
    drawInto(
      this.rng,
      stream,
      m.sourceKind[source]!,
      m.sourceParams,
      source * STRIDE,
      this.drawValues,
      from,
      from + DRAW_BLOCK,
    )
    return from
  }

  /** Notes when token t's work ends on the elapsed clock, from its end on the working clock. */
  private endOfWork(t: number): void {
    const end = this.clock.instantAt(this.tEndWorked[t]!)
    this.tWorkEnd[t] = end > this.now ? end : this.now
  }

  private changeQueue(v: number, delta: number): void {
    const now = this.now
    const q = this.queued[v]!
    this.queueArea[v]! += q * (now - this.queueLast[v]!)
    this.queueLast[v] = now
    this.queued[v] = q + delta
    if (q + delta > this.queueMax[v]!) this.queueMax[v] = q + delta
  }

  // ---- moving cases ------------------------------------------------------------------------

  private arrive(t: number, v: number): void {
    const m = this.m
    const now = this.now
    this.tNode[t] = v
    this.tArrive[t] = now
    this.tArriveWorked[t] = this.nowWorked
    this.tWait[t] = 0
    this.tService[t] = 0
    if (this.trace !== undefined) this.traced(t, v, TRACE_ARRIVE)
    const after = m.timeoutHours[v]!
    if (after === after) {
      this.tDeadline[t] = m.timeoutWorking[v] === 1 ? this.afterWorking(after) : now + after
      this.push(t, EV_TIMEOUT)
    }
    const kind = this.kinds[v]
    if (kind === TASK) {
      const people = m.people[v]!
      if (people === 0) {
        this.tPeople[t] = 0
        this.tRequest[t] = now
        this.startWork(t)
      } else this.request(t, m.role[v]!, people)
    } else if (kind === APPROVAL) {
      this.tReview[t] = 0
      this.request(t, m.reviewRoles[m.reviewStart[v]!]!, 1)
    } else {
      // A wait: a delay that holds nobody.
      if (this.trace !== undefined) this.traced(t, v, TRACE_START)
      this.schedule(t, DELAYING)
    }
  }

  /** A case leaves a step: its visit is counted, then it moves on (or out through the timeout edge). */
  private depart(t: number, timedOut: boolean): void {
    const m = this.m
    const now = this.now
    const v = this.tNode[t]!
    this.tStamp[t] = (this.tStamp[t]! + 1) | 0
    this.tState[t] = IDLE
    if (this.trace !== undefined) this.traced(t, v, TRACE_DONE)
    if (this.cSerial[this.tCase[t]!]! >= this.warmup) {
      const arrived = this.tArrive[t]!
      const time = now - arrived
      this.sumWait[v]! += this.tWait[t]!
      this.sumService[v]! += this.tService[t]!
      let times = this.times[v]!
      const k = this.timesLength[v]!
      if (k === times.length) this.times[v] = times = grownF64(times, 0)
      times[k] = time
      this.timesLength[v] = k + 1
      if (m.limitHours[v]! === m.limitHours[v]! && this.isLate(t, v)) this.breaches[v]!++
      if (timedOut) this.timeouts[v]!++
    } else this.warmupVisits[v]!++
    this.route(t, v, timedOut ? m.timeoutEdge[v]! : -1)
  }

  /** Left later than arrival + limit on the limit's clock (file-format.md), give or take float rounding. */
  private isLate(t: number, v: number): boolean {
    const now = this.now
    const limit = this.m.limitHours[v]!
    if (this.m.limitWorking[v] !== 1 || this.always) {
      const due = this.tArrive[t]! + limit
      return now > due + LIMIT_EPSILON * (due > 1 ? due : 1)
    }
    // On the working clock: compare working hours first; only a departure in the same
    // working instant as the deadline (e.g. that evening) needs the deadline's elapsed time.
    const due = this.tArriveWorked[t]! + limit
    const slack = LIMIT_EPSILON * (due > 1 ? due : 1)
    const worked = this.nowWorked
    if (worked > due + slack) return true
    if (worked < due - slack) return false
    const deadline = this.clock.instantAt(due)
    return now > deadline + LIMIT_EPSILON * (deadline > 1 ? deadline : 1)
  }

  /**
   * Moves a token on — out of node `from` by its regular ways out, or along `edge` when it is
   * ≥ 0 — through every instantaneous node, until each of its branches waits at a step, waits
   * at a join or ends. One loop turn per hop; split branches wait on a small stack.
   */
  private route(token: number, from: number, edge: number): void {
    const kinds = this.kinds
    const outCount = this.outCount
    const outStart = this.outStart
    const outEdges = this.outEdges
    const edgeTarget = this.edgeTarget
    let t = token
    let v = from
    let e = edge
    let sp = 0
    // Instantaneous moves count as events too: a loop of decisions must not spin forever.
    let moves = 0
    const allowed = this.maxEvents - this.events
    for (;;) {
      if (++moves > allowed) {
        this.events += moves
        this.stopRunaway()
        return
      }
      if (e < 0) {
        const count = outCount[v]!
        const first = outStart[v]!
        if (count === 1) e = outEdges[first]!
        else if (count > 1) {
          if (this.exclusive[v] === 1) {
            const source = this.m.nodeCount + v // its branch draws (CompiledModel.sourceStream)
            const u = this.drawValues[this.nextDraw(source)]!
            const cumulative = this.outCumulative
            let i = first
            while (u >= cumulative[i]!) i++
            e = outEdges[i]!
          } else {
            // A split: this token takes the first way out, new ones the others, in edge order.
            const caseId = this.tCase[t]!
            for (let i = first + count - 1; i > first; i--) {
              const branch = this.newToken(caseId)
              this.cLive[caseId]!++
              sp = this.pushRoute(sp, branch, outEdges[i]!)
            }
            e = outEdges[first]!
          }
        } else {
          // No way out: the branch ends here, without an outcome.
          this.endBranch(t, -1)
          e = -2
        }
      }
      if (e >= 0) {
        const w = edgeTarget[e]!
        const kind = kinds[w]!
        if (kind === TASK || kind === APPROVAL || kind === WAIT) this.arrive(t, w)
        else if (kind === END) this.endBranch(t, w)
        else if (kind === PARALLEL && this.m.joinOf[w]! >= 0 && !this.joinArrive(t, w, e)) this.absorb(t)
        else {
          v = w
          e = -1
          continue
        }
      }
      // This branch has come to rest; take the next one waiting.
      if (sp === 0) {
        this.events += moves
        return
      }
      sp--
      t = this.sToken[sp]!
      e = this.sCode[sp]!
    }
  }

  private pushRoute(sp: number, t: number, code: number): number {
    if (sp === this.sToken.length) {
      this.sToken = grownI32(this.sToken, 0)
      this.sCode = grownI32(this.sCode, 0)
    }
    this.sToken[sp] = t
    this.sCode[sp] = code
    return sp + 1
  }

  /** A branch reaches join w through edge e; true when it completes the join and goes on. */
  private joinArrive(t: number, w: number, e: number): boolean {
    const m = this.m
    const j = m.joinOf[w]!
    const inputs = m.joinInputs[j]!
    const key = this.cSerial[this.tCase[t]!]! * m.joinCount + j
    let counts = this.joins.get(key)
    if (!counts) {
      // Branches delivered per incoming edge, then how many edges have not delivered yet.
      counts = new Int32Array(inputs + 1)
      counts[inputs] = inputs
      this.joins.set(key, counts)
    }
    const position = m.edgeInput[e]!
    if (++counts[position]! === 1) counts[inputs]!--
    if (counts[inputs]! > 0) return false
    let missing = 0
    for (let i = 0; i < inputs; i++) if (--counts[i]! === 0) missing++
    if (missing === inputs) this.joins.delete(key)
    else counts[inputs] = missing
    return true
  }

  /** A branch absorbed by a join. */
  private absorb(t: number): void {
    const c = this.tCase[t]!
    this.freeToken(t)
    if (--this.cLive[c]! === 0) this.completeCase(c)
  }

  private endBranch(t: number, endNode: number): void {
    const c = this.tCase[t]!
    // The case's outcome is that of its last end (cli.md).
    this.cOutcome[c] = endNode >= 0 ? this.m.outcomeOf[endNode]! : -1
    if (this.trace !== undefined && endNode >= 0) this.traced(t, endNode, TRACE_DONE)
    this.freeToken(t)
    if (--this.cLive[c]! === 0) this.completeCase(c)
  }

  private completeCase(c: number): void {
    const now = this.now
    this.wipArea += this.inSystem * (now - this.wipLast)
    this.wipLast = now
    this.inSystem--
    if (this.cSerial[c]! >= this.warmup) {
      const k = this.completed++
      if (k === this.cycle.length) this.cycle = grownF64(this.cycle, 0)
      this.cycle[k] = now - this.cEnter[c]!
      const o = this.cOutcome[c]!
      if (o >= 0) this.outcomeCounts[o]!++
    }
    this.cFree[this.cFreeCount++] = c
  }

  private beginMeasuring(): void {
    const now = this.now
    this.measureFrom = now
    this.measureFromWorked = this.nowWorked
    this.wipArea = 0
    this.wipLast = now
    for (let v = 0; v < this.m.nodeCount; v++) {
      this.queueArea[v] = 0
      this.queueLast[v] = now
      this.queueMax[v] = this.queued[v]!
    }
  }

  /** A traced case's event; the first case beyond the traced ones marks where the trace stops being whole. */
  private traced(t: number, v: number, kind: number): void {
    const trace = this.trace!
    const serial = this.cSerial[this.tCase[t]!]!
    if (serial < trace.limit) trace.record(this.now, serial, v, kind)
    else trace.untraced(this.now)
  }

  // ---- guards ------------------------------------------------------------------------------

  private stopRunaway(): void {
    const m = this.m
    const visits = Array.from(this.warmupVisits, (warmup, v) => warmup + this.timesLength[v]!)
    let worst = -1
    for (let v = 0; v < m.nodeCount; v++) {
      if (worst === -1 || visits[v]! > visits[worst]!) worst = v
    }
    const entered = Math.max(1, this.entered)
    const where =
      worst >= 0 && visits[worst]! > 0
        ? `; cases keep going round through "${nameOf(m.graph.nodes[worst]!)}" (${round(visits[worst]! / entered)} visits per case so far) — check the probabilities of the loop back`
        : ''
    this.stop = {
      reason: 'too-many-events',
      message: `stopped after ${this.events} events with ${this.completedAll()} of ${this.entered} cases finished${where}`,
    }
  }

  private completedAll(): number {
    return this.entered - this.inSystem
  }

  private stopOverloaded(): void {
    const m = this.m
    // Cases at each step: the tokens queued, working or delaying there (the others are free).
    const present = new Int32Array(m.nodeCount)
    for (let t = 0; t < this.tCount; t++) if (this.tState[t] !== IDLE) present[this.tNode[t]!]!++
    let worst = -1
    for (let v = 0; v < m.nodeCount; v++) {
      if (worst === -1 || present[v]! > present[worst]!) worst = v
    }
    let where = ''
    if (worst >= 0 && present[worst]! > 0) {
      const roleId = stepRoleId(m, worst)
      const role = m.roles.find((r) => r.id === roleId)
      const who = role ? ` (role "${role.name}", ${role.headcount} ${role.headcount === 1 ? 'person' : 'people'})` : ''
      where = `, ${present[worst]} of them at "${nameOf(m.graph.nodes[worst]!)}"${who}: the flow takes in cases faster than it finishes them`
    }
    this.stop = {
      reason: 'too-many-cases',
      message: `stopped at ${round(this.now)} h with ${this.inSystem} cases in the flow at once (the limit is ${this.maxInSystem})${where}`,
    }
  }

  // ---- results -------------------------------------------------------------------------------

  /** Working hours in [0, end], `end` being the last event's time (the clock shows it, unless no event happened). */
  private workedAtEnd(end: number): number {
    if (this.always) return end
    return end === this.now ? this.nowWorked : this.clock.workedBy(end)
  }

  figures(): RunFigures {
    const m = this.m
    const end = this.lastEventTime
    const from = this.measureFrom
    const measuring = from !== Infinity && end > from
    const span = measuring ? end - from : 0
    const workingSpan = measuring ? this.workedAtEnd(end) - this.measureFromWorked : 0
    if (measuring) this.wipArea += this.inSystem * (end - this.wipLast)

    const n = this.completed
    const cycle = this.cycle.subarray(0, n)
    const cycleSum = sum(cycle)
    const cycleMax = largest(cycle)
    const [p50, p90, p95] = n > 0 ? quantiles(cycle, [0.5, 0.9, 0.95]) : [null, null, null]

    const steps = m.steps.map((v): StepFigures => {
      const visits = this.timesLength[v]!
      const times = this.times[v]!.subarray(0, visits)
      if (measuring) this.queueArea[v]! += this.queued[v]! * (end - this.queueLast[v]!)
      const seen = visits > 0
      return {
        visits,
        meanWait: seen ? this.sumWait[v]! / visits : null,
        meanService: seen ? this.sumService[v]! / visits : null,
        // Summed in the order of departure, as a running total would be; before the selection reorders them.
        meanTime: seen ? sum(times) / visits : null,
        p90Time: seen ? quantiles(times, [0.9])[0]! : null,
        slaBreachRate: seen && m.limitHours[v] === m.limitHours[v] ? this.breaches[v]! / visits : null,
        timeouts: this.timeouts[v]!,
        queueMean: measuring ? this.queueArea[v]! / span : null,
        queueMax: measuring ? this.queueMax[v]! : null,
      }
    })
    const roles = m.roles.map((role, r): RoleFigures => {
      const busyHours = this.busy[r]!
      return {
        utilization: workingSpan > 0 ? busyHours / (role.headcount * workingSpan) : null,
        busyHours,
        cost: role.costPerHour === undefined ? null : busyHours * role.costPerHour,
      }
    })
    return {
      events: this.queueEvents,
      cases: this.entered,
      completed: n,
      simulatedHours: end,
      throughputPerHour: measuring ? n / span : null,
      cycleTime: {
        mean: n > 0 ? cycleSum / n : null,
        p50,
        p90,
        p95,
        max: n > 0 ? cycleMax : null,
      },
      cycleHistogram: histogramOf(cycle, cycleMax),
      wipMean: measuring ? this.wipArea / span : null,
      outcomes: Array.from(this.outcomeCounts),
      steps,
      roles,
    }
  }
}

// Loops over whole buffers live in small functions of their own rather than inside `figures` or
// `quantiles`, which run a few times a run: V8 would compile the caller on the spot for the hot
// loop, then throw that code away at the loop's end (code after it has never run), every run.

/** The sum of the values, in order. */
function sum(values: Float64Array): number {
  let total = 0
  for (let i = 0; i < values.length; i++) total += values[i]!
  return total
}

/** The smallest of values[from ...], Infinity for none. */
function smallestFrom(values: Float64Array, from: number): number {
  let min = Infinity
  for (let i = from; i < values.length; i++) if (values[i]! < min) min = values[i]!
  return min
}

/** The largest value, 0 for none (the values are durations, ≥ 0). */
function largest(values: Float64Array): number {
  let max = 0
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!
  return max
}

function round(x: number): number {
  return Math.round(x * 10) / 10
}

/**
 * Quantiles by linear interpolation between order statistics (Hyndman & Fan type 7, the
 * default of R and NumPy), found by selection rather than a full sort. Reorders `values`.
 */
export function quantiles(values: Float64Array, ps: readonly number[]): number[] {
  const n = values.length
  // Order statistics already in place: after selecting rank k, everything left of k is ≤ it
  // and everything right is ≥ it, so a later rank is selected within the part it falls in.
  const placed: number[] = []
  return ps.map((p) => {
    const h = (n - 1) * p
    const lo = Math.floor(h)
    let left = 0
    let right = n - 1
    for (const k of placed) {
      if (k < lo && k + 1 > left) left = k + 1
      else if (k > lo && k - 1 < right) right = k - 1
      else if (k === lo) left = right = lo
    }
    select(values, lo, left, right)
    placed.push(lo)
    const below = values[lo]!
    if (lo + 1 >= n || h === lo) return below
    // Everything right of lo is ≥ it: the next order statistic is their minimum.
    const next = smallestFrom(values, lo + 1)
    return below + (h - lo) * (next - below)
  })
}

/**
 * Puts the k-th smallest of a[left..right] at a[k], smaller-or-equal values left of it and
 * greater-or-equal ones right of it, in place (Floyd & Rivest 1975, "Algorithm 489"): a pivot
 * chosen from a small sample makes each pass close in on k in about n + min(k, n − k) steps.
 */
function select(a: Float64Array, k: number, left: number, right: number): void {
  let l = left
  let r = right
  while (r > l) {
    if (r - l > 600) {
      // Narrow to a sample range that holds the k-th smallest with high probability.
      const n = r - l + 1
      const i = k - l + 1
      const z = Math.log(n)
      const s = 0.5 * Math.exp((2 * z) / 3)
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (i - n / 2 < 0 ? -1 : 1)
      select(a, k, Math.max(l, Math.floor(k - (i * s) / n + sd)), Math.min(r, Math.floor(k + ((n - i) * s) / n + sd)))
    }
    const pivot = a[k]!
    // a[l..r] becomes: below the pivot, equal to it, above it; then k's part is the one to go on in.
    const equal = moveToFront(a, l, r, pivot, 0)
    if (k < equal) {
      r = equal - 1
      continue
    }
    const above = moveToFront(a, equal, r, pivot, 1)
    if (k < above) return
    l = above
  }
}

// Two branch-free passes instead of one Hoare pass: whether a value is below the pivot is a
// coin flip, and branches on it would be mispredicted about every other value.

/**
 * Moves the values of a[l..r] below `pivot` (with `andEqual` 1, also those equal to it) to the
 * front, in place; returns where the rest starts.
 */
function moveToFront(a: Float64Array, l: number, r: number, pivot: number, andEqual: number): number {
  let front = l
  for (let i = l; i <= r; i++) {
    const x = a[i]!
    a[i] = a[front]!
    a[front] = x
    front += Number(x < pivot) | (Number(x === pivot) & andEqual)
  }
  return front
}
