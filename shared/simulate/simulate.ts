/**
 * The simulator's entry points (simulation.md, "Running inside the app"): a pure function of
 * (document, options) that runs in slices of events, reports progress and checks an abort
 * flag between slices. `simulate` runs the slices back to back; `simulateAsync` awaits a
 * host-supplied pause between them, so a Web Worker can take in a Cancel message while it runs.
 */
import type { FlowDocument } from '../document/schema.js'
import { SimulationRun, type RunFigures } from './engine.js'
import { compileModel } from './model.js'
import { combineRuns, type SimulationReport } from './report.js'
import { MAX_TRACE_CASES, TraceRecorder, type SimulationTrace } from './trace.js'

/** What `AbortSignal` offers and `shared/` can name without DOM types. */
export interface AbortLike {
  readonly aborted: boolean
}

export interface SimulationProgress {
  /** 0..1 over all replications. */
  readonly fraction: number
  /** 1-based. */
  readonly replication: number
  readonly replications: number
  /** Cases entered so far in the current replication. */
  readonly casesEntered: number
  readonly cases: number
}

export interface SimulationOptions {
  /** Cases per replication; default `simulation.cases`, else 10,000. */
  readonly cases?: number
  /** Default `simulation.seed`, else 1. */
  readonly seed?: number
  readonly replications?: number
  /** Default `simulation.warmupCases`, else 0. */
  readonly warmupCases?: number
  /** Runaway guard: events per replication; default 1,000 per case (at least 1,000,000). */
  readonly maxEvents?: number
  /** Overload guard: cases in the flow at once; default 100,000. */
  readonly maxCasesInSystem?: number
  /** Events per slice between progress reports and abort checks (default 100,000: tens of ms). */
  readonly sliceEvents?: number
  /**
   * Trace the first this many cases of the first replication (trace.ts), for animations.
   * Off by default: without it nothing is recorded and the report is the same either way.
   */
  readonly trace?: number
  readonly onProgress?: (progress: SimulationProgress) => void
  readonly signal?: AbortLike
}

export type SimulationFailure =
  /** The flow cannot run at all (validation reports the same as errors). */
  | { readonly ok: false; readonly reason: 'invalid'; readonly message: string; readonly problems: readonly string[] }
  | { readonly ok: false; readonly reason: 'bad-options'; readonly message: string }
  | { readonly ok: false; readonly reason: 'aborted'; readonly message: string }
  /** Runaway: a loop cases hardly ever leave. */
  | { readonly ok: false; readonly reason: 'too-many-events'; readonly message: string }
  /** Overload: cases pile up faster than the flow finishes them. */
  | { readonly ok: false; readonly reason: 'too-many-cases'; readonly message: string }

export type SimulationOutcome =
  { readonly ok: true; readonly report: SimulationReport; readonly trace?: SimulationTrace } | SimulationFailure

export const DEFAULT_CASES = 10_000
export const DEFAULT_SEED = 1
const DEFAULT_SLICE_EVENTS = 100_000
const DEFAULT_MAX_IN_SYSTEM = 100_000
const EVENTS_PER_CASE = 1_000

interface Settings {
  readonly cases: number
  readonly seed: number
  readonly replications: number
  readonly warmupCases: number
  readonly maxEvents: number
  readonly maxCasesInSystem: number
  readonly sliceEvents: number
  readonly traceCases: number
}

function isWhole(value: number, min: number): boolean {
  return Number.isSafeInteger(value) && value >= min
}

function settle(doc: FlowDocument, options: SimulationOptions): Settings | string {
  const cases = options.cases ?? doc.simulation?.cases ?? DEFAULT_CASES
  const seed = options.seed ?? doc.simulation?.seed ?? DEFAULT_SEED
  const replications = options.replications ?? 1
  const warmupCases = options.warmupCases ?? doc.simulation?.warmupCases ?? 0
  if (!isWhole(cases, 1)) return `cases must be a whole number of at least 1, not ${cases}`
  if (!Number.isSafeInteger(seed)) return `seed must be a whole number, not ${seed}`
  if (!isWhole(replications, 1)) return `replications must be a whole number of at least 1, not ${replications}`
  if (!isWhole(warmupCases, 0)) return `warmupCases must be a whole number of at least 0, not ${warmupCases}`
  const traceCases = options.trace ?? 0
  if (!isWhole(traceCases, 0) || traceCases > MAX_TRACE_CASES)
    return `trace must be a whole number from 0 to ${MAX_TRACE_CASES}, not ${traceCases}`
  const maxEvents = options.maxEvents ?? Math.max(1_000_000, EVENTS_PER_CASE * cases)
  const maxCasesInSystem = options.maxCasesInSystem ?? DEFAULT_MAX_IN_SYSTEM
  const sliceEvents = options.sliceEvents ?? DEFAULT_SLICE_EVENTS
  if (!(maxEvents > 0) || !(maxCasesInSystem > 0) || !(sliceEvents >= 1)) return 'limits must be above 0'
  return { cases, seed, replications, warmupCases, maxEvents, maxCasesInSystem, sliceEvents, traceCases }
}

/**
 * The work as a sequence of slices: each `yield` is a pause point with the progress so far;
 * the return value is the outcome.
 */
function* slices(doc: FlowDocument, options: SimulationOptions): Generator<SimulationProgress, SimulationOutcome> {
  const settings = settle(doc, options)
  if (typeof settings === 'string') return { ok: false, reason: 'bad-options', message: settings }
  const compiled = compileModel(doc)
  if (!compiled.ok) {
    return {
      ok: false,
      reason: 'invalid',
      message: `the flow cannot be simulated: ${compiled.problems.join('; ')}`,
      problems: compiled.problems,
    }
  }
  const { cases, replications } = settings
  const runs: RunFigures[] = []
  const recorder =
    settings.traceCases > 0
      ? new TraceRecorder(
          settings.traceCases,
          compiled.model.graph.nodes.map((n) => n.id),
        )
      : undefined
  for (let k = 0; k < replications; k++) {
    const run = new SimulationRun(compiled.model, {
      ...settings,
      replication: k,
      ...(k === 0 && recorder ? { trace: recorder } : {}),
    })
    while (!run.advance(settings.sliceEvents)) {
      yield {
        fraction: (k + run.casesEntered / cases) / replications,
        replication: k + 1,
        replications,
        casesEntered: run.casesEntered,
        cases,
      }
    }
    const stop = run.stopped
    if (stop) {
      const which = replications > 1 ? ` (replication ${k + 1})` : ''
      return { ok: false, reason: stop.reason, message: `${stop.message}${which}` }
    }
    runs.push(run.figures())
    if (k + 1 < replications) {
      yield { fraction: (k + 1) / replications, replication: k + 1, replications, casesEntered: cases, cases }
    }
  }
  const report = combineRuns(compiled.model, runs, { seed: settings.seed, warmupCases: settings.warmupCases })
  options.onProgress?.({ fraction: 1, replication: replications, replications, casesEntered: cases, cases })
  return { ok: true, report, ...(recorder ? { trace: recorder.result() } : {}) }
}

const ABORTED: SimulationFailure = { ok: false, reason: 'aborted', message: 'the simulation was cancelled' }

/** Runs the whole simulation now; progress and the abort flag are handled between slices. */
export function simulate(doc: FlowDocument, options: SimulationOptions = {}): SimulationOutcome {
  if (options.signal?.aborted) return ABORTED
  const work = slices(doc, options)
  for (;;) {
    const step = work.next()
    if (step.done) return step.value
    options.onProgress?.(step.value)
    if (options.signal?.aborted) return ABORTED
  }
}

/**
 * The same, awaiting `pause()` between slices. In a Web Worker pass a macrotask pause
 * (`() => new Promise((r) => setTimeout(r))`) so that a Cancel message can set the flag.
 */
export async function simulateAsync(
  doc: FlowDocument,
  options: SimulationOptions = {},
  pause: () => Promise<void> = () => Promise.resolve(),
): Promise<SimulationOutcome> {
  if (options.signal?.aborted) return ABORTED
  const work = slices(doc, options)
  for (;;) {
    const step = work.next()
    if (step.done) return step.value
    options.onProgress?.(step.value)
    await pause()
    if (options.signal?.aborted) return ABORTED
  }
}
