/**
 * Owns the simulation Web Worker: one run at a time, progress to the caller, Cancel that
 * sets the worker's abort flag and, should the worker not answer at once, terminates it.
 */
import type { FlowDocument } from '../../shared/document/index.js'
import type { FromWorker, RunRequest } from './protocol.js'

export type RunAnswer = Extract<FromWorker, { type: 'done' | 'failed' }> | { type: 'cancelled'; id: number }

/** How long a cancelled worker may take to notice its flag before it is terminated. */
const CANCEL_GRACE_MS = 400

export class SimulationRunner {
  private worker: Worker | null = null
  private nextId = 1
  private current: { id: number; settle: (answer: RunAnswer) => void } | null = null

  private ensureWorker(): Worker {
    if (this.worker) return this.worker
    const worker = new Worker(new URL('../workers/simulation.worker.ts', import.meta.url), { type: 'module' })
    worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(event.data)
    worker.onerror = (event) => {
      event.preventDefault()
      const current = this.current
      if (current) {
        this.current = null
        current.settle({ type: 'failed', id: current.id, reason: 'error', message: event.message, problems: [] })
      }
      this.dispose()
    }
    this.worker = worker
    return worker
  }

  private onProgress: ((fraction: number, replication: number, replications: number) => void) | null = null

  private receive(message: FromWorker): void {
    const grace = this.cancelling.get(message.id)
    if (grace !== undefined && message.type !== 'progress') {
      clearTimeout(grace)
      this.cancelling.delete(message.id)
    }
    const current = this.current
    if (!current || message.id !== current.id) return
    if (message.type === 'progress') {
      this.onProgress?.(message.fraction, message.replication, message.replications)
      return
    }
    this.current = null
    current.settle(
      message.type === 'failed' && message.reason === 'aborted' ? { type: 'cancelled', id: message.id } : message,
    )
  }

  get running(): boolean {
    return this.current !== null
  }

  run(
    doc: FlowDocument,
    options: RunRequest['options'],
    onProgress: (fraction: number, replication: number, replications: number) => void,
  ): Promise<RunAnswer> {
    this.cancel()
    const worker = this.ensureWorker()
    const id = this.nextId++
    this.onProgress = onProgress
    return new Promise<RunAnswer>((resolve) => {
      this.current = { id, settle: resolve }
      const request: RunRequest = { type: 'run', id, doc, options }
      worker.postMessage(request)
    })
  }

  /** Stops the run in progress, if any; its promise settles as cancelled at once. */
  cancel(): void {
    const current = this.current
    if (!current) return
    this.current = null
    current.settle({ type: 'cancelled', id: current.id })
    const worker = this.worker
    if (!worker) return
    worker.postMessage({ type: 'cancel', id: current.id })
    // The flag is checked between slices; a worker that does not answer soon is ended.
    this.cancelling.set(
      current.id,
      setTimeout(() => {
        this.cancelling.delete(current.id)
        if (this.worker === worker) this.dispose()
      }, CANCEL_GRACE_MS),
    )
  }

  private readonly cancelling = new Map<number, ReturnType<typeof setTimeout>>()

  dispose(): void {
    for (const timer of this.cancelling.values()) clearTimeout(timer)
    this.cancelling.clear()
    this.worker?.terminate()
    this.worker = null
  }
}
