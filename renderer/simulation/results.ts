/**
 * What the dashboard shows, derived from a simulation report: the KPI figures, the chart
 * series, the heat map's shares, the cycle-time histogram and the CSV. Pure functions of
 * (document, report), tested in test/renderer/simulation/.
 */
import type { FlowDocument } from '../../shared/document/index.js'
import type { SimulationReport } from '../../shared/simulate/index.js'
import { stepsInFlowOrder } from '../../shared/formats/handbook/handbookModel.js'
import { currentLanguage, formatNumber as formatLocaleNumber, t } from '../i18n/index.js'

export interface Kpis {
  /** Hours. */
  readonly meanCycle: number | null
  readonly p90Cycle: number | null
  readonly throughputPerWeek: number | null
  /** won ÷ completed. */
  readonly winRate: number | null
  readonly won: number
  /** All people's cost over the run ÷ won cases (lost cases cost too). */
  readonly costPerWon: number | null
  /** Visits that left a step later than its time limit (estimated from the per-step rates). */
  readonly slaBreaches: number
  /** Share of the visits to steps with a time limit that breached it. */
  readonly slaBreachShare: number | null
}

const WON = /^(won|win|成交|赢单)$/i

function wonCount(report: SimulationReport): number {
  return report.outcomes.filter((o) => WON.test(o.outcome.trim())).reduce((s, o) => s + o.count, 0)
}

export function computeKpis(report: SimulationReport): Kpis {
  const won = wonCount(report)
  // Role costs are means per replication; counts are totals over replications.
  const costs = report.roles.map((r) => r.cost).filter((c): c is number => c !== null)
  const totalCost = costs.length > 0 ? costs.reduce((s, c) => s + c, 0) * report.replications : null
  let breaches = 0
  let limitedVisits = 0
  for (const s of report.nodes) {
    if (s.slaBreachRate === null) continue
    breaches += s.slaBreachRate * s.visits
    limitedVisits += s.visits
  }
  return {
    meanCycle: report.cycleTime.mean,
    p90Cycle: report.cycleTime.p90,
    throughputPerWeek: report.throughputPerHour === null ? null : report.throughputPerHour * 168,
    winRate: report.completed > 0 ? won / report.completed : null,
    won,
    costPerWon: totalCost !== null && won > 0 ? totalCost / won : null,
    slaBreaches: Math.round(breaches),
    slaBreachShare: limitedVisits > 0 ? breaches / limitedVisits : null,
  }
}

export interface Bar {
  readonly id: string
  readonly label: string
  readonly value: number
  readonly highlight?: boolean
}

function labelOf(doc: FlowDocument, id: string): string {
  return doc.nodes.find((n) => n.id === id)?.label ?? id
}

/** Steps in the order a case meets them, as the report names them. */
function stepsInOrder(doc: FlowDocument, report: SimulationReport) {
  const order = new Map(stepsInFlowOrder(doc).map((n, i) => [n.id, i]))
  return [...report.nodes].sort(
    (a, b) => (order.get(a.nodeId) ?? Infinity) - (order.get(b.nodeId) ?? Infinity) || a.nodeId.localeCompare(b.nodeId),
  )
}

export interface ChartSeries {
  readonly utilisation: readonly Bar[]
  readonly waiting: readonly Bar[]
  readonly slaBreach: readonly Bar[]
  /** Visits per step in flow order: how many cases reach each stage. */
  readonly funnel: readonly Bar[]
}

export function chartSeries(doc: FlowDocument, report: SimulationReport): ChartSeries {
  const steps = stepsInOrder(doc, report)
  const bottleneck = report.bottleneck?.nodeId
  return {
    utilisation: report.roles.map((r) => ({
      id: r.roleId,
      label: doc.roles.find((x) => x.id === r.roleId)?.name ?? r.roleId,
      value: r.utilization ?? 0,
      highlight: r.roleId === report.bottleneck?.roleId,
    })),
    waiting: steps
      .filter((s) => s.meanWait !== null)
      .map((s) => ({
        id: s.nodeId,
        label: labelOf(doc, s.nodeId),
        value: s.meanWait ?? 0,
        highlight: s.nodeId === bottleneck,
      })),
    slaBreach: steps
      .filter((s) => s.slaBreachRate !== null)
      .map((s) => ({ id: s.nodeId, label: labelOf(doc, s.nodeId), value: s.slaBreachRate ?? 0 })),
    funnel: steps
      .filter((s) => s.visits > 0)
      .map((s) => ({ id: s.nodeId, label: labelOf(doc, s.nodeId), value: s.visits })),
  }
}

export interface HistogramBin {
  /** Hours. */
  readonly from: number
  readonly to: number
  /** Share of completed cases in the bin (0..1). */
  readonly share: number
  /** The bin lies mostly beyond the 90th percentile: the slowest tenth of the cases. */
  readonly slow: boolean
}

/**
 * The cycle-time distribution: the report's histogram of completed cases, in equal-width bins
 * from 0 to the longest cycle time, each with its share of the cases.
 */
export function cycleHistogram(report: SimulationReport): HistogramBin[] {
  const histogram = report.cycleHistogram
  const total = histogram ? histogram.counts.reduce((sum, count) => sum + count, 0) : 0
  if (!histogram || total === 0) return []
  const { binHours, counts } = histogram
  const p90 = report.cycleTime.p90 ?? Infinity
  return counts.map((count, i) => ({
    from: i * binHours,
    to: (i + 1) * binHours,
    share: count / total,
    slow: (i + 0.5) * binHours > p90,
  }))
}

export interface HeatCell {
  /** 0..1: the step's share of the largest value among steps. */
  readonly share: number
  readonly value: number
}

export type HeatMode = 'waiting' | 'utilisation'

/**
 * Per step, how hot it is: by total waiting (visits × mean wait, relative to the largest)
 * or by the utilisation of its owner's role.
 */
export function heatCells(doc: FlowDocument, report: SimulationReport, mode: HeatMode): Record<string, HeatCell> {
  const cells: Record<string, HeatCell> = {}
  if (mode === 'waiting') {
    const totals = report.nodes.map((s) => ({ id: s.nodeId, value: s.visits * (s.meanWait ?? 0) }))
    const most = Math.max(0, ...totals.map((t) => t.value))
    for (const t of totals) cells[t.id] = { value: t.value, share: most > 0 ? t.value / most : 0 }
  } else {
    const utilisation = new Map(report.roles.map((r) => [r.roleId, r.utilization ?? 0]))
    for (const s of report.nodes) {
      const node = doc.nodes.find((n) => n.id === s.nodeId)
      const role =
        node?.kind === 'approval' && node.approvers?.length ? node.approvers : node?.owner ? [node.owner] : []
      if (role.length === 0) continue
      const value = Math.max(...role.map((r) => utilisation.get(r) ?? 0))
      cells[s.nodeId] = { value, share: Math.min(1, value) }
    }
  }
  return cells
}

/** A colour-blind-safe sequential scale (light yellow → orange → dark red), for 0..1. */
export function heatColour(share: number): string {
  const stops: [number, number, number][] = [
    [255, 247, 188],
    [254, 196, 79],
    [236, 112, 20],
    [153, 52, 4],
  ]
  const x = Math.min(1, Math.max(0, share)) * (stops.length - 1)
  const i = Math.min(stops.length - 2, Math.floor(x))
  const t = x - i
  const [a, b] = [stops[i]!, stops[i + 1]!]
  const channel = (k: number) =>
    Math.round(a[k]! + (b[k]! - a[k]!) * t)
      .toString(16)
      .padStart(2, '0')
  return `#${channel(0)}${channel(1)}${channel(2)}`
}

// ---- CSV -------------------------------------------------------------------------------------

function csvCell(value: string | number | null): string {
  if (value === null) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(Number(value.toPrecision(6))) : ''
  // A text a spreadsheet could read as a formula gets a leading apostrophe; separators are quoted.
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

function csvRow(cells: readonly (string | number | null)[]): string {
  return cells.map(csvCell).join(',')
}

/** The run as CSV: the KPIs, then one table per step and one per role (times in hours). */
export function resultsCsv(doc: FlowDocument, report: SimulationReport): string {
  const k = computeKpis(report)
  const rows: string[] = [
    csvRow(['kpi', 'value']),
    csvRow(['process', doc.name]),
    csvRow(['cases', report.cases]),
    csvRow(['completed', report.completed]),
    csvRow(['seed', report.seed]),
    csvRow(['replications', report.replications]),
    csvRow(['mean cycle time (h)', k.meanCycle]),
    csvRow(['p90 cycle time (h)', k.p90Cycle]),
    csvRow(['throughput per week', k.throughputPerWeek]),
    csvRow(['win rate', k.winRate]),
    csvRow(['cost per won deal', k.costPerWon]),
    csvRow(['SLA breaches', k.slaBreaches]),
    csvRow(['bottleneck', report.bottleneck?.nodeId ?? null]),
    '',
    csvRow([
      'step',
      'label',
      'visits',
      'mean wait (h)',
      'mean service (h)',
      'mean time (h)',
      'p90 time (h)',
      'SLA breach rate',
      'timeouts',
      'mean queue',
      'max queue',
    ]),
    ...stepsInOrder(doc, report).map((s) =>
      csvRow([
        s.nodeId,
        labelOf(doc, s.nodeId),
        s.visits,
        s.meanWait,
        s.meanService,
        s.meanTime,
        s.p90Time,
        s.slaBreachRate,
        s.timeouts,
        s.queue.mean,
        s.queue.max,
      ]),
    ),
    '',
    csvRow(['role', 'name', 'utilisation', 'busy hours', 'cost']),
    ...report.roles.map((r) =>
      csvRow([
        r.roleId,
        doc.roles.find((x) => x.id === r.roleId)?.name ?? r.roleId,
        r.utilization,
        r.busyHours,
        r.cost,
      ]),
    ),
  ]
  return `${rows.join('\r\n')}\r\n`
}

// ---- Comparison --------------------------------------------------------------------------------

export interface KpiDelta {
  readonly key: keyof Kpis
  readonly label: string
  readonly baseline: number | null
  readonly current: number | null
  /** current − baseline. */
  readonly delta: number | null
  /** Relative change, or null when the baseline is 0 or missing. */
  readonly relative: number | null
  /** Whether the change is an improvement (lower is better for times and costs). */
  readonly better: boolean | null
}

export const KPI_ROWS: readonly {
  key: Exclude<keyof Kpis, 'won' | 'slaBreachShare'>
  label: string
  lowerIsBetter: boolean
}[] = [
  { key: 'meanCycle', label: 'Mean cycle time', lowerIsBetter: true },
  { key: 'p90Cycle', label: 'p90 cycle time', lowerIsBetter: true },
  { key: 'throughputPerWeek', label: 'Throughput / week', lowerIsBetter: false },
  { key: 'winRate', label: 'Win rate', lowerIsBetter: false },
  { key: 'costPerWon', label: 'Cost per won deal', lowerIsBetter: true },
  { key: 'slaBreaches', label: 'SLA breaches', lowerIsBetter: true },
]

export function compareKpis(baseline: Kpis, current: Kpis): KpiDelta[] {
  return KPI_ROWS.map(({ key, label, lowerIsBetter }) => {
    const b = baseline[key]
    const c = current[key]
    const delta = b !== null && c !== null ? c - b : null
    return {
      key,
      label,
      baseline: b,
      current: c,
      delta,
      relative: delta !== null && b !== null && b !== 0 ? delta / Math.abs(b) : null,
      better: delta === null || Math.abs(delta) < 1e-12 ? null : lowerIsBetter ? delta < 0 : delta > 0,
    }
  })
}

// ---- Formatting ------------------------------------------------------------------------------

/**
 * Hours as a person reads them: minutes, hours or days (of 24 h: cycle times are elapsed),
 * with numbers and units in the UI language.
 */
export function formatHours(hours: number | null, language: string = currentLanguage()): string {
  if (hours === null) return '—'
  const abs = Math.abs(hours)
  if (abs < 1) return t('simulation.units.minutes', { value: trim(Math.round(hours * 60), 0, language), lng: language })
  if (abs < 48) return t('simulation.units.hours', { value: trim(hours, 1, language), lng: language })
  return t('simulation.units.days', { value: trim(hours / 24, 1, language), lng: language })
}

export function formatPercentage(share: number | null, language: string = currentLanguage()): string {
  return share === null ? '—' : `${trim(share * 100, 1, language)}%`
}

export function formatNumber(value: number | null, digits = 1, language: string = currentLanguage()): string {
  return value === null ? '—' : trim(value, digits, language)
}

export function formatMoney(
  value: number | null,
  currency: string | undefined,
  language: string = currentLanguage(),
): string {
  if (value === null) return '—'
  const text = trim(Math.round(value), 0, language)
  return currency ? `${text} ${currency}` : text
}

function trim(value: number, digits: number, language: string): string {
  return formatLocaleNumber(value, language, { maximumFractionDigits: digits, minimumFractionDigits: 0 })
}
