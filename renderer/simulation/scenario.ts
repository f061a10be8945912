/**
 * A scenario: the document plus the run's parameters from the simulation panel — arrivals as
 * "N leads per day or week", headcount per role, cases, seed, replications. Parameters left
 * as the flow has them change nothing, so a run from the panel equals `flowlane simulate`
 * on the same file and seed. Pure: the document is never edited, a changed copy is simulated.
 */
import type { Distribution, FlowDocument } from '../../shared/document/index.js'
import { distributionMean } from '../../shared/time/distributionMean.js'
import { clockOf, toClockHours, workingShare } from '../../shared/time/clock.js'

export type RatePeriod = 'day' | 'week'

export interface ScenarioParams {
  /** New cases per `period` over all start nodes; null keeps the flow's arrivals. */
  readonly leadsPerPeriod: number | null
  readonly period: RatePeriod
  /** Role id → headcount for this run; roles not listed keep the flow's headcount. */
  readonly headcount: Readonly<Record<string, number>>
  readonly cases: number
  readonly seed: number
  readonly replications: number
}

const PERIOD_HOURS: Record<RatePeriod, number> = { day: 24, week: 168 }

/** Mean elapsed hours between two arrivals of a stream; the working clock converts by the calendar's share. */
function elapsedHoursBetween(d: Distribution, doc: FlowDocument): number {
  const clockHours = toClockHours(distributionMean(d), d.unit, doc.calendar)
  return clockOf(d.unit) === 'working' ? clockHours / workingShare(doc.calendar) : clockHours
}

function startArrivals(doc: FlowDocument): (Distribution | undefined)[] {
  return doc.nodes.filter((n) => n.kind === 'start').map((n) => n.arrivals ?? doc.simulation?.arrivals)
}

/** New cases per period (elapsed clock) that the flow's own arrivals bring, over all starts; null when unknown. */
export function flowLeadsPerPeriod(doc: FlowDocument, period: RatePeriod): number | null {
  const streams = startArrivals(doc)
  if (streams.length === 0 || streams.some((d) => d === undefined)) return null
  let perHour = 0
  for (const d of streams) {
    const between = elapsedHoursBetween(d!, doc)
    if (!(between > 0) || !Number.isFinite(between)) return null
    perHour += 1 / between
  }
  return perHour * PERIOD_HOURS[period]
}

/** Every time parameter of a distribution times `factor`: the same shape, a different rate. */
export function scaleDistribution(d: Distribution, factor: number): Distribution {
  switch (d.dist) {
    case 'fixed':
      return { ...d, value: d.value * factor }
    case 'uniform':
      return { ...d, min: d.min * factor, max: d.max * factor }
    case 'triangular':
    case 'pert':
      return { ...d, min: d.min * factor, mode: d.mode * factor, max: d.max * factor }
    case 'normal':
    case 'lognormal':
      return { ...d, mean: d.mean * factor, sd: d.sd * factor }
    case 'exponential':
      return { ...d, mean: d.mean * factor }
  }
}

/** The flow's own parameters: what a run changes nothing with. */
export function defaultParams(doc: FlowDocument): ScenarioParams {
  return {
    leadsPerPeriod: null,
    period: 'day',
    headcount: {},
    cases: doc.simulation?.cases ?? 10_000,
    seed: doc.simulation?.seed ?? 1,
    replications: 1,
  }
}

/**
 * The document to simulate: arrivals scaled so all starts together bring `leadsPerPeriod`
 * (each start keeps its share and its distribution's shape), headcounts replaced. Returns
 * the very same document when nothing changes.
 */
export function applyScenario(doc: FlowDocument, params: ScenarioParams): FlowDocument {
  let out = doc
  const changedRoles = doc.roles.some((r) => {
    const h = params.headcount[r.id]
    return h !== undefined && h !== r.headcount
  })
  if (changedRoles) {
    out = {
      ...out,
      roles: out.roles.map((r) => {
        const h = params.headcount[r.id]
        return h !== undefined && h !== r.headcount ? { ...r, headcount: h } : r
      }),
    }
  }
  const wanted = params.leadsPerPeriod
  if (wanted !== null && wanted > 0) {
    const current = flowLeadsPerPeriod(doc, params.period)
    if (current === null) {
      // No usable arrivals: exponential arrivals, the starts sharing the rate equally.
      const starts = doc.nodes.filter((n) => n.kind === 'start').length || 1
      const arrivals: Distribution = { dist: 'exponential', mean: starts / wanted, unit: params.period }
      out = {
        ...out,
        nodes: out.nodes.map((n) => (n.kind === 'start' && n.arrivals ? { ...n, arrivals } : n)),
        simulation: { ...out.simulation, arrivals },
      }
    } else if (Math.abs(current - wanted) > 1e-9 * wanted) {
      const factor = current / wanted
      out = {
        ...out,
        nodes: out.nodes.map((n) =>
          n.kind === 'start' && n.arrivals ? { ...n, arrivals: scaleDistribution(n.arrivals, factor) } : n,
        ),
        ...(out.simulation?.arrivals
          ? { simulation: { ...out.simulation, arrivals: scaleDistribution(out.simulation.arrivals, factor) } }
          : {}),
      }
    }
  }
  return out
}

/** One line saying what a scenario changed, for the comparison's column heads. */
export function describeScenario(doc: FlowDocument, params: ScenarioParams): string {
  const parts: string[] = [doc.name]
  if (params.leadsPerPeriod !== null) parts.push(`${formatCount(params.leadsPerPeriod)} leads/${params.period}`)
  for (const r of doc.roles) {
    const h = params.headcount[r.id]
    if (h !== undefined && h !== r.headcount) parts.push(`${r.name} × ${h}`)
  }
  return parts.join(' · ')
}

function formatCount(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(2).replace(/\.?0+$/, '')
}
