export {
  simulate,
  simulateAsync,
  DEFAULT_CASES,
  DEFAULT_SEED,
  type AbortLike,
  type SimulationFailure,
  type SimulationOptions,
  type SimulationOutcome,
  type SimulationProgress,
} from './simulate.js'
export {
  toSimulationJson,
  roundFigure,
  type Bottleneck,
  type RoleReport,
  type SimulationReport,
  type StepReport,
} from './report.js'
export { compileModel, type CompiledModel, type CompileResult } from './model.js'
export { SimulationRun, quantiles, type RunFigures, type RunSettings, type RunStop } from './engine.js'
export { WorkingClock } from './workingClock.js'
export { HISTOGRAM_BINS, type CycleHistogram } from './histogram.js'
export { RandomStreams, streamKey } from './random.js'
export { studentTQuantile, halfWidth95 } from './statistics.js'
export {
  caseTimes,
  lastAtOrBefore,
  nodeSeries,
  seriesAt,
  traceMoves,
  MAX_TRACE_CASES,
  TraceRecorder,
  type NodeSeries,
  type SimulationTrace,
  type TraceEvent,
  type TraceKind,
  type TraceMove,
} from './trace.js'
