import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseDocument, type FlowDocument } from '../../../shared/document/index.js'
import { simulate, toSimulationJson, type SimulationReport } from '../../../shared/simulate/index.js'
import {
  chartSeries,
  compareKpis,
  computeKpis,
  cycleHistogram,
  formatHours,
  heatCells,
  heatColour,
  resultsCsv,
} from '../../../renderer/simulation/results.js'
import {
  applyScenario,
  defaultParams,
  describeScenario,
  flowLeadsPerPeriod,
  scaleDistribution,
} from '../../../renderer/simulation/scenario.js'

function template(name: string): FlowDocument {
  const text = readFileSync(join(import.meta.dirname, '../../../templates/en', `${name}.flow.json`), 'utf8')
  const parsed = parseDocument(text, `${name}.flow.json`)
  if (!parsed.ok) throw new Error('template does not load')
  return parsed.value
}

function run(doc: FlowDocument, cases = 2000): SimulationReport {
  const outcome = simulate(doc, { cases })
  if (!outcome.ok) throw new Error(outcome.message)
  return outcome.report
}

const b2b = template('b2b-pipeline')

describe('scenario parameters', () => {
  it('reads the flow’s arrivals as leads per day and week', () => {
    // exponential, mean 0.3 day → 3.33 a day.
    expect(flowLeadsPerPeriod(b2b, 'day')).toBeCloseTo(1 / 0.3, 9)
    expect(flowLeadsPerPeriod(b2b, 'week')).toBeCloseTo(7 / 0.3, 9)
  })

  it('converts working-clock arrivals by the calendar', () => {
    const doc: FlowDocument = {
      ...b2b,
      simulation: { ...b2b.simulation, arrivals: { dist: 'fixed', value: 4, unit: 'hour' } },
    }
    // Every 4 working hours, 40 working hours a week → 10 a week.
    expect(flowLeadsPerPeriod(doc, 'week')).toBeCloseTo(10, 9)
  })

  it('leaves the document untouched without changes, so a run equals the CLI’s', () => {
    expect(applyScenario(b2b, defaultParams(b2b))).toBe(b2b)
    const params = { ...defaultParams(b2b), headcount: { marketing: 1 } }
    expect(applyScenario(b2b, params)).toBe(b2b)
  })

  it('scales arrivals to the wanted rate, keeping the distribution’s shape, and sets headcounts', () => {
    const params = { ...defaultParams(b2b), leadsPerPeriod: 5, headcount: { marketing: 3 } }
    const doc = applyScenario(b2b, params)
    expect(flowLeadsPerPeriod(doc, 'day')).toBeCloseTo(5, 9)
    expect(doc.simulation?.arrivals?.dist).toBe('exponential')
    expect(doc.roles.find((r) => r.id === 'marketing')?.headcount).toBe(3)
    expect(b2b.roles.find((r) => r.id === 'marketing')?.headcount).toBe(1)
    expect(describeScenario(b2b, params)).toBe('B2B sales pipeline · 5 leads/day · Marketing specialist × 3')
  })

  it('scales every parameter of every distribution', () => {
    expect(scaleDistribution({ dist: 'triangular', min: 1, mode: 2, max: 4, unit: 'hour' }, 2)).toEqual({
      dist: 'triangular',
      min: 2,
      mode: 4,
      max: 8,
      unit: 'hour',
    })
    expect(scaleDistribution({ dist: 'normal', mean: 3, sd: 1, unit: 'day' }, 0.5)).toEqual({
      dist: 'normal',
      mean: 1.5,
      sd: 0.5,
      unit: 'day',
    })
  })
})

describe('results', () => {
  const report = run(b2b)

  it('computes the KPIs from the report', () => {
    const k = computeKpis(report)
    const won = report.outcomes.find((o) => o.outcome === 'won')!.count
    expect(k.meanCycle).toBe(report.cycleTime.mean)
    expect(k.throughputPerWeek).toBeCloseTo(report.throughputPerHour! * 168, 9)
    expect(k.winRate).toBeCloseTo(won / report.completed, 12)
    const cost = report.roles.reduce((s, r) => s + (r.cost ?? 0), 0)
    expect(k.costPerWon).toBeCloseTo(cost / won, 6)
    const breaches = report.nodes.reduce((s, n) => s + (n.slaBreachRate ?? 0) * n.visits, 0)
    expect(k.slaBreaches).toBe(Math.round(breaches))
  })

  it('counts cost per won deal over all replications', () => {
    const outcome = simulate(b2b, { cases: 1000, replications: 3 })
    if (!outcome.ok) throw new Error(outcome.message)
    const r = outcome.report
    const won = r.outcomes.find((o) => o.outcome === 'won')!.count
    const perRun = r.roles.reduce((s, x) => s + (x.cost ?? 0), 0)
    expect(computeKpis(r).costPerWon).toBeCloseTo((perRun * 3) / won, 6)
  })

  it('draws the histogram from the report’s equal-width bins, shares adding up to 1', () => {
    const bins = cycleHistogram(report)
    const { binHours, counts } = report.cycleHistogram!
    expect(bins).toHaveLength(counts.length)
    expect(bins[0]!.from).toBe(0)
    expect(bins.every((b, i) => b.from === i * binHours && b.to === (i + 1) * binHours)).toBe(true)
    expect(bins.at(-1)!.to).toBeGreaterThanOrEqual(report.cycleTime.max!)
    expect(bins.reduce((s, b) => s + b.share, 0)).toBeCloseTo(1, 12)
    expect(bins[3]!.share).toBe(counts[3]! / report.completed)
  })

  it('marks the bins beyond the 90th percentile as the slow tail', () => {
    const cycleHistogramOf = { binHours: 1, counts: [5, 3, 1, 1] }
    const bins = cycleHistogram({
      ...report,
      cycleHistogram: cycleHistogramOf,
      cycleTime: { ...report.cycleTime, p90: 2.2 },
    })
    expect(bins.map((b) => b.slow)).toEqual([false, false, true, true])
    expect(bins.map((b) => b.share)).toEqual([0.5, 0.3, 0.1, 0.1])
    expect(cycleHistogram({ ...report, cycleHistogram: null })).toEqual([])
  })

  it('orders the step charts by flow and marks the bottleneck', () => {
    const series = chartSeries(b2b, report)
    expect(series.waiting[0]!.id).toBe('lead-acquisition')
    expect(series.waiting.filter((b) => b.highlight).map((b) => b.id)).toEqual([report.bottleneck!.nodeId])
    expect(series.utilisation).toHaveLength(b2b.roles.length)
    expect(series.funnel[0]!.value).toBe(report.nodes.find((n) => n.nodeId === 'lead-acquisition')!.visits)
  })

  it('gives the heat map’s hottest step the whole scale', () => {
    const cells = heatCells(b2b, report, 'waiting')
    expect(cells[report.bottleneck!.nodeId]!.share).toBe(1)
    const util = heatCells(b2b, report, 'utilisation')
    const role = report.roles.find((r) => r.roleId === 'sales-manager')!
    expect(util['negotiation']!.value).toBe(role.utilization)
    expect(heatColour(0)).toBe('#fff7bc')
    expect(heatColour(1)).toBe('#993404')
  })

  it('writes CSV with one table per part, formulas defused', () => {
    const doc = { ...b2b, name: '=HYPERLINK("x")' }
    const csv = resultsCsv(doc, report)
    const lines = csv.split('\r\n')
    expect(lines[0]).toBe('kpi,value')
    expect(lines[1]).toBe(`process,"'=HYPERLINK(""x"")"`)
    expect(csv).toContain('\r\nstep,label,visits,')
    expect(csv).toContain('\r\nrole,name,utilisation,busy hours,cost\r\n')
  })

  it('compares two runs: lower times are better, higher win rates are better', () => {
    const base = computeKpis(report)
    const better = { ...base, meanCycle: base.meanCycle! / 2, winRate: base.winRate! + 0.1 }
    const rows = compareKpis(base, better)
    const mean = rows.find((r) => r.key === 'meanCycle')!
    expect(mean.better).toBe(true)
    expect(mean.relative).toBeCloseTo(-0.5, 12)
    expect(rows.find((r) => r.key === 'winRate')!.better).toBe(true)
    expect(rows.find((r) => r.key === 'p90Cycle')!.better).toBeNull()
  })

  it('keeps the JSON the CLI prints', () => {
    expect(JSON.parse(toSimulationJson(report)).cases).toBe(2000)
  })

  it('formats hours for people', () => {
    expect(formatHours(0.5)).toBe('30 min')
    expect(formatHours(12.34)).toBe('12.3 h')
    expect(formatHours(72)).toBe('3 d')
    expect(formatHours(null)).toBe('—')
  })
})
