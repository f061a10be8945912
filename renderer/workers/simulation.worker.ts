/**
 * The simulator off the main thread: runs `simulateAsync` in slices, posts progress after
 * each, and yields a macrotask between slices so a Cancel message can set the abort flag.
 */
import { simulateAsync, toSimulationJson } from '../../shared/simulate/index.js'
import type { FromWorker, ToWorker } from '../simulation/protocol.js'

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null
  postMessage(message: FromWorker): void
}

const scope = self as unknown as WorkerScope
const cancelled = new Set<number>()
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

async function run(request: Extract<ToWorker, { type: 'run' }>): Promise<void> {
  const { id, doc, options } = request
  const started = performance.now()
  const signal = {
    get aborted() {
      return cancelled.has(id)
    },
  }
  const outcome = await simulateAsync(
    doc,
    {
      ...options,
      // Small slices keep Cancel quick; progress is posted once per slice.
      sliceEvents: 50_000,
      signal,
      onProgress: (p) =>
        scope.postMessage({
          type: 'progress',
          id,
          fraction: p.fraction,
          replication: p.replication,
          replications: p.replications,
        }),
    },
    pause,
  )
  cancelled.delete(id)
  if (outcome.ok) {
    scope.postMessage({
      type: 'done',
      id,
      report: outcome.report,
      json: toSimulationJson(outcome.report),
      millis: performance.now() - started,
      ...(outcome.trace ? { trace: outcome.trace } : {}),
    })
  } else {
    scope.postMessage({
      type: 'failed',
      id,
      reason: outcome.reason,
      message: outcome.message,
      problems: outcome.reason === 'invalid' ? outcome.problems : [],
    })
  }
}

scope.onmessage = (event) => {
  const message = event.data
  if (message.type === 'cancel') cancelled.add(message.id)
  else
    void run(message).catch((error: unknown) =>
      scope.postMessage({ type: 'failed', id: message.id, reason: 'error', message: String(error), problems: [] }),
    )
}
