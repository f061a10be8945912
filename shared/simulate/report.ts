/**
 * What a simulation reports (cli.md, `simulate --json`): the runs' figures combined — counts
 * summed over replications, every other figure the mean of the runs' figures — and their
 * 95 % confidence half-widths; then the one JSON text the CLI prints and the app can save.
 */
import type { RunFigures } from './engine.js'
import { mergeHistograms, type CycleHistogram } from './histogram.js'
import { stepRoleId, type CompiledModel } from './model.js'
import { halfWidth95, meanOf } from './statistics.js'

export interface StepReport {
  readonly nodeId: string
  readonly visits: number
  readonly meanWait: number | null
  readonly meanService: number | null
  readonly meanTime: number | null
  readonly p90Time: number | null
  readonly slaBreachRate: number | null
  readonly timeouts: number
  readonly queue: { readonly mean: number | null; readonly max: number | null }
}

export interface RoleReport {
  readonly roleId: string
  readonly utilization: number | null
  readonly busyHours: number | null
  readonly cost: number | null
}

export interface Bottleneck {
  readonly nodeId: string
  readonly roleId: string | null
  readonly reason: 'most-waiting'
}

/** The figures of one simulation, unrounded; entries keep the order they are printed in. */
export interface SimulationReport {
  readonly cases: number
  readonly completed: number
  readonly seed: number
  readonly replications: number
  readonly warmupCases: number
  readonly simulatedHours: number | null
  readonly throughputPerHour: number | null
  readonly cycleTime: {
    readonly mean: number | null
    readonly p50: number | null
    readonly p90: number | null
    readonly p95: number | null
    readonly max: number | null
  }
  /**
   * Completed cases by cycle time, over all replications (histogram.ts); null when none
   * completed. Not in the JSON: for the app's chart.
   */
  readonly cycleHistogram: CycleHistogram | null
  readonly wip: { readonly mean: number | null }
  /** Per outcome, in the order the end nodes name them. */
  readonly outcomes: readonly { readonly outcome: string; readonly count: number }[]
  /** Per step (task, approval, wait, subprocess), in document order. */
  readonly nodes: readonly StepReport[]
  /** Per role, in document order. */
  readonly roles: readonly RoleReport[]
  readonly bottleneck: Bottleneck | null
  /** JSON path → 95 % half-width; empty with one replication. */
  readonly ci95: readonly { readonly path: string; readonly halfWidth: number | null }[]
  /** Events taken from the event queue over all replications; not in the JSON (it measures the engine, not the flow). */
  readonly events: number
}

const sum = (values: readonly number[]): number => values.reduce((s, x) => s + x, 0)

export function combineRuns(
  model: CompiledModel,
  runs: readonly RunFigures[],
  settings: { seed: number; warmupCases: number },
): SimulationReport {
  const nodes = model.steps.map((v, i): StepReport => {
    const per = runs.map((r) => r.steps[i]!)
    return {
      nodeId: model.graph.nodes[v]!.id,
      visits: sum(per.map((s) => s.visits)),
      meanWait: meanOf(per.map((s) => s.meanWait)),
      meanService: meanOf(per.map((s) => s.meanService)),
      meanTime: meanOf(per.map((s) => s.meanTime)),
      p90Time: meanOf(per.map((s) => s.p90Time)),
      slaBreachRate: meanOf(per.map((s) => s.slaBreachRate)),
      timeouts: sum(per.map((s) => s.timeouts)),
      queue: { mean: meanOf(per.map((s) => s.queueMean)), max: meanOf(per.map((s) => s.queueMax)) },
    }
  })
  const roles = model.roles.map((role, i): RoleReport => ({
    roleId: role.id,
    utilization: meanOf(runs.map((r) => r.roles[i]!.utilization)),
    busyHours: meanOf(runs.map((r) => r.roles[i]!.busyHours)),
    cost: meanOf(runs.map((r) => r.roles[i]!.cost)),
  }))

  // The step where cases spent the most time waiting in total (visits × mean wait).
  let bottleneck: Bottleneck | null = null
  let most = 0
  model.steps.forEach((v, i) => {
    const waited = sum(runs.map((r) => r.steps[i]!.visits * (r.steps[i]!.meanWait ?? 0)))
    if (waited > most) {
      most = waited
      bottleneck = { nodeId: model.graph.nodes[v]!.id, roleId: stepRoleId(model, v), reason: 'most-waiting' }
    }
  })

  const ci95: { path: string; halfWidth: number | null }[] = []
  if (runs.length >= 2) {
    ci95.push({ path: 'cycleTime.mean', halfWidth: halfWidth95(runs.map((r) => r.cycleTime.mean)) })
    ci95.push({ path: 'cycleTime.p90', halfWidth: halfWidth95(runs.map((r) => r.cycleTime.p90)) })
    ci95.push({ path: 'throughputPerHour', halfWidth: halfWidth95(runs.map((r) => r.throughputPerHour)) })
    model.steps.forEach((v, i) => {
      const id = model.graph.nodes[v]!.id
      ci95.push({ path: `nodes.${id}.meanTime`, halfWidth: halfWidth95(runs.map((r) => r.steps[i]!.meanTime)) })
      if (model.limitHours[v] === model.limitHours[v]) {
        ci95.push({
          path: `nodes.${id}.slaBreachRate`,
          halfWidth: halfWidth95(runs.map((r) => r.steps[i]!.slaBreachRate)),
        })
      }
    })
    model.roles.forEach((role, i) =>
      ci95.push({
        path: `roles.${role.id}.utilization`,
        halfWidth: halfWidth95(runs.map((r) => r.roles[i]!.utilization)),
      }),
    )
  }

  return {
    cases: sum(runs.map((r) => r.cases)),
    completed: sum(runs.map((r) => r.completed)),
    seed: settings.seed,
    replications: runs.length,
    warmupCases: settings.warmupCases,
    simulatedHours: meanOf(runs.map((r) => r.simulatedHours)),
    throughputPerHour: meanOf(runs.map((r) => r.throughputPerHour)),
    cycleTime: {
      mean: meanOf(runs.map((r) => r.cycleTime.mean)),
      p50: meanOf(runs.map((r) => r.cycleTime.p50)),
      p90: meanOf(runs.map((r) => r.cycleTime.p90)),
      p95: meanOf(runs.map((r) => r.cycleTime.p95)),
      max: meanOf(runs.map((r) => r.cycleTime.max)),
    },
    cycleHistogram: mergeHistograms(runs.map((r) => r.cycleHistogram)),
    wip: { mean: meanOf(runs.map((r) => r.wipMean)) },
    outcomes: model.outcomes.map((outcome, i) => ({ outcome, count: sum(runs.map((r) => r.outcomes[i]!)) })),
    nodes,
    roles,
    bottleneck,
    ci95,
    events: sum(runs.map((r) => r.events)),
  }
}

// ---- JSON ------------------------------------------------------------------------------------

/** A JSON value whose objects keep their key order: entries, not a plain object (ids may be `__proto__`). */
type Json = null | boolean | string | Figure | Count | Json[] | JsonObject
class JsonObject {
  constructor(readonly entries: readonly (readonly [string, Json])[]) {}
}
/** A measured figure: printed to 6 significant digits. */
class Figure {
  constructor(readonly value: number | null) {}
}
/** A count: printed exactly. */
class Count {
  constructor(readonly value: number) {}
}

const obj = (...entries: (readonly [string, Json])[]): JsonObject => new JsonObject(entries)
const fig = (value: number | null): Figure => new Figure(value)
const count = (value: number): Count => new Count(value)

/** Rounds to 6 significant digits; null for a figure that does not exist or is not finite. */
export function roundFigure(value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null
  if (value === 0) return 0
  return Number(value.toPrecision(6))
}

function write(value: Json, indent: string): string {
  if (value === null) return 'null'
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'string') return JSON.stringify(value)
  if (value instanceof Figure) {
    const x = roundFigure(value.value)
    return x === null ? 'null' : JSON.stringify(x)
  }
  if (value instanceof Count) return Number.isFinite(value.value) ? String(value.value) : 'null'
  const inner = `${indent}  `
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    return `[\n${value.map((v) => inner + write(v, inner)).join(',\n')}\n${indent}]`
  }
  if (value.entries.length === 0) return '{}'
  return `{\n${value.entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${write(v, inner)}`).join(',\n')}\n${indent}}`
}

/** The `simulate --json` text (cli.md): fixed key order, 6 significant digits, never NaN. */
export function toSimulationJson(report: SimulationReport): string {
  const root = obj(
    ['cases', count(report.cases)],
    ['completed', count(report.completed)],
    ['seed', count(report.seed)],
    ['replications', count(report.replications)],
    ['warmupCases', count(report.warmupCases)],
    ['simulatedHours', fig(report.simulatedHours)],
    ['throughputPerHour', fig(report.throughputPerHour)],
    [
      'cycleTime',
      obj(
        ['mean', fig(report.cycleTime.mean)],
        ['p50', fig(report.cycleTime.p50)],
        ['p90', fig(report.cycleTime.p90)],
        ['p95', fig(report.cycleTime.p95)],
        ['max', fig(report.cycleTime.max)],
      ),
    ],
    ['wip', obj(['mean', fig(report.wip.mean)])],
    ['outcomes', obj(...report.outcomes.map((o) => [o.outcome, count(o.count)] as const))],
    [
      'nodes',
      obj(
        ...report.nodes.map(
          (s) =>
            [
              s.nodeId,
              obj(
                ['visits', count(s.visits)],
                ['meanWait', fig(s.meanWait)],
                ['meanService', fig(s.meanService)],
                ['meanTime', fig(s.meanTime)],
                ['p90Time', fig(s.p90Time)],
                ['slaBreachRate', fig(s.slaBreachRate)],
                ['timeouts', count(s.timeouts)],
                ['queue', obj(['mean', fig(s.queue.mean)], ['max', fig(s.queue.max)])],
              ),
            ] as const,
        ),
      ),
    ],
    [
      'roles',
      obj(
        ...report.roles.map(
          (r) =>
            [
              r.roleId,
              obj(['utilization', fig(r.utilization)], ['busyHours', fig(r.busyHours)], ['cost', fig(r.cost)]),
            ] as const,
        ),
      ),
    ],
    [
      'bottleneck',
      report.bottleneck
        ? obj(
            ['nodeId', report.bottleneck.nodeId],
            ['roleId', report.bottleneck.roleId],
            ['reason', report.bottleneck.reason],
          )
        : null,
    ],
    ['ci95', obj(...report.ci95.map((c) => [c.path, fig(c.halfWidth)] as const))],
  )
  return write(root, '')
}
