/**
 * Small flows for the simulator's tests, written compactly and loaded through the same
 * `parseDocument` as user files; `build` also insists that validation finds no error, so a
 * test never checks the simulator on a flow the CLI would refuse.
 */
import {
  parseDocument,
  type Calendar,
  type Distribution,
  type FlowDocument,
  type FlowNode,
} from '../../../shared/document/index.js'
import { simulate, type SimulationOptions, type SimulationReport } from '../../../shared/simulate/index.js'
import { halfWidth95 } from '../../../shared/simulate/statistics.js'
import { validateDocument } from '../../../shared/validate/index.js'

export type NodeSpec = Partial<FlowNode> & Pick<FlowNode, 'id' | 'kind'>
/** [source, target, probability?, id?] */
export type EdgeSpec = readonly [string, string, (number | undefined)?, string?]

export interface FlowSpec {
  readonly roles?: readonly (readonly [string, number, (number | undefined)?])[]
  readonly nodes: readonly NodeSpec[]
  readonly edges: readonly EdgeSpec[]
  readonly arrivals?: Distribution
  readonly calendar?: Calendar
  readonly cases?: number
  readonly seed?: number
}

export const hours = (mean: number): Distribution => ({ dist: 'exponential', mean, unit: 'hour' })
export const fixed = (value: number, unit: Distribution['unit'] = 'hour'): Distribution => ({
  dist: 'fixed',
  value,
  unit,
})

/**
 * `allow`: validation rules a test may break on purpose — e.g. `role-overloaded` for a few
 * fixed cases that queue up by design and then stop.
 */
export function build(spec: FlowSpec, allow: readonly string[] = []): FlowDocument {
  const raw = {
    format: 'flowlane',
    version: 1,
    id: 'test-flow',
    name: 'Test flow',
    ...(spec.calendar && { calendar: spec.calendar }),
    roles: (spec.roles ?? []).map(([id, headcount, costPerHour]) => ({
      id,
      name: id,
      headcount,
      ...(costPerHour !== undefined && { costPerHour }),
    })),
    lanes: [],
    nodes: spec.nodes.map((n, i) => ({ label: n.id, position: { x: i * 200, y: 0 }, ...n })),
    edges: spec.edges.map(([source, target, probability, id], i) => ({
      id: id ?? `e${i + 1}`,
      source,
      target,
      ...(probability !== undefined && { probability }),
    })),
    simulation: {
      ...(spec.arrivals && { arrivals: spec.arrivals }),
      cases: spec.cases ?? 1000,
      seed: spec.seed ?? 1,
    },
  }
  const parsed = parseDocument(JSON.stringify(raw), 'test.flow.json')
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('\n'))
  const errors = validateDocument(parsed.value).filter((p) => p.severity === 'error' && !allow.includes(p.rule))
  if (errors.length > 0) throw new Error(errors.map((p) => `${p.rule}: ${p.message}`).join('\n'))
  return parsed.value
}

/** One step owned by `role` with `people` people, fed by Poisson arrivals: an M/M/c queue when work is exponential. */
export function singleStation(options: {
  arrivalsPerHour: number
  meanWork: number
  people: number
  limitHours?: number
  cases?: number
}): FlowDocument {
  return build({
    roles: [['clerk', options.people, 30]],
    arrivals: hours(1 / options.arrivalsPerHour),
    cases: options.cases ?? 1000,
    nodes: [
      { id: 'in', kind: 'start' },
      {
        id: 'work',
        kind: 'task',
        owner: 'clerk',
        duration: hours(options.meanWork),
        ...(options.limitHours !== undefined && { timeLimit: { value: options.limitHours, unit: 'hour' } }),
      },
      { id: 'done', kind: 'end', outcome: 'done' },
    ],
    edges: [
      ['in', 'work'],
      ['work', 'done'],
    ],
  })
}

export function run(doc: FlowDocument, options: SimulationOptions = {}): SimulationReport {
  const outcome = simulate(doc, options)
  if (!outcome.ok) throw new Error(`${outcome.reason}: ${outcome.message}`)
  return outcome.report
}

export interface Estimate {
  readonly mean: number
  /** 95 % confidence half-width over the replications (Student t). */
  readonly halfWidth: number
}

/**
 * Independent replications (seeds 1..R), each its own run; a figure's mean and 95 % half-width
 * over them. Tolerances in the tests are multiples of this half-width, never guessed.
 */
export function replicate(
  doc: FlowDocument,
  replications: number,
  options: SimulationOptions,
  ...figures: ((report: SimulationReport) => number | null)[]
): Estimate[] {
  const reports = Array.from({ length: replications }, (_, k) => run(doc, { ...options, seed: 1000 + k }))
  return figures.map((figure) => {
    const values = reports.map(figure)
    const present = values.filter((v): v is number => v !== null)
    return { mean: present.reduce((s, x) => s + x, 0) / present.length, halfWidth: halfWidth95(values)! }
  })
}

/** How many half-widths apart an estimate and the truth may be: 3 × t-based 95 % ≈ 6.8 standard errors at R = 10. */
export const WIDTHS = 3

export function node(report: SimulationReport, id: string) {
  const found = report.nodes.find((n) => n.nodeId === id)
  if (!found) throw new Error(`no node ${id} in the report`)
  return found
}

export function role(report: SimulationReport, id: string) {
  const found = report.roles.find((r) => r.roleId === id)
  if (!found) throw new Error(`no role ${id} in the report`)
  return found
}

export function outcome(report: SimulationReport, name: string): number {
  return report.outcomes.find((o) => o.outcome === name)?.count ?? 0
}
