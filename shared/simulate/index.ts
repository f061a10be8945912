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
export { RandomStreams, streamKey } from './random.js'
export { studentTQuantile, halfWidth95 } from './statistics.js'
