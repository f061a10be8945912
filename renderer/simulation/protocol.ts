/** Messages between the simulation panel and its Web Worker (renderer/workers/simulation.worker.ts). */
import type { FlowDocument } from '../../shared/document/index.js'
import type { SimulationReport, SimulationTrace } from '../../shared/simulate/index.js'

export interface RunRequest {
  readonly type: 'run'
  readonly id: number
  readonly doc: FlowDocument
  readonly options: {
    readonly cases: number
    readonly seed: number
    readonly replications: number
    /** Trace the first this many cases (the walkthrough's animation); none by default. */
    readonly trace?: number
  }
}

export interface CancelRequest {
  readonly type: 'cancel'
  readonly id: number
}

export type ToWorker = RunRequest | CancelRequest

export type FromWorker =
  | {
      readonly type: 'progress'
      readonly id: number
      readonly fraction: number
      readonly replication: number
      readonly replications: number
    }
  | {
      readonly type: 'done'
      readonly id: number
      readonly report: SimulationReport
      /** The `flowlane simulate --json` text of the same run. */
      readonly json: string
      /** Wall-clock milliseconds the worker spent. */
      readonly millis: number
      /** When asked for. */
      readonly trace?: SimulationTrace
    }
  | {
      readonly type: 'failed'
      readonly id: number
      readonly reason: string
      readonly message: string
      readonly problems: readonly string[]
    }
