/**
 * The simulation panel: the run's parameters, a run in a Web Worker with progress and
 * Cancel, the KPI cards, the charts, the heat map switch, CSV/PNG/JSON of the results and the
 * comparison with a pinned baseline.
 */
import { useReactFlow } from '@xyflow/react'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { FlowDocument } from '../../shared/document/index.js'
import { useEditor, useEditorStore } from '../app/EditorContext.js'
import { bridge } from '../bridge/bridge.js'
import { focusNode } from '../canvas/focusNode.js'
import { downloadFile } from '../bridge/download.js'
import { fileStem, svgToPng } from '../export/png.js'
import { BarChart, CycleHistogram } from './charts.js'
import {
  chartSeries,
  compareKpis,
  computeKpis,
  cycleHistogram,
  formatHours,
  formatMoney,
  formatNumber,
  formatPercentage,
  resultsCsv,
  type HeatMode,
  type KpiDelta,
  type Kpis,
} from './results.js'
import { resultsSvg } from './resultsImage.js'
import { SimulationRunner } from './runner.js'
import { applyScenario, defaultParams, describeScenario, flowLeadsPerPeriod, type ScenarioParams } from './scenario.js'
import { simulationActions, simulationUi, type RunResult } from './simulationStore.js'
import './simulation.css'
import { t as translate, useT } from '../i18n/index.js'

const runner = new SimulationRunner()

export function SimulationPanel() {
  const open = simulationUi((s) => s.panel)
  const store = useEditorStore()
  const loads = useEditor((s) => s.loads)
  // A newly opened document: the last run and its heat map describe another flow.
  const firstLoad = useRef(loads)
  useEffect(() => {
    if (loads === firstLoad.current) return
    firstLoad.current = loads
    runner.cancel()
    simulationActions.forgetResult()
  }, [loads, store])
  if (!open) return null
  return <PanelBody />
}

function PanelBody() {
  const doc = useEditor((s) => s.doc)
  const loads = useEditor((s) => s.loads)
  const errors = useEditor((s) => s.problems.filter((p) => p.severity === 'error').length)
  const status = simulationUi((s) => s.status)
  const result = simulationUi((s) => s.result)
  const baseline = simulationUi((s) => s.baseline)
  const [params, setParams] = useState<ScenarioParams>(() => defaultParams(doc))
  // Each newly opened document starts from its own parameters.
  const [paramsFor, setParamsFor] = useState(loads)
  if (paramsFor !== loads) {
    setParamsFor(loads)
    setParams(defaultParams(doc))
  }
  const running = status.state === 'running'
  const { t } = useT()

  const run = async () => {
    const scenario = applyScenario(doc, params)
    simulationActions.setStatus({ state: 'running', fraction: 0, replication: 1, replications: params.replications })
    const answer = await runner.run(
      scenario,
      { cases: params.cases, seed: params.seed, replications: params.replications },
      (fraction, replication, replications) =>
        simulationActions.setStatus({ state: 'running', fraction, replication, replications }),
    )
    if (answer.type === 'cancelled') {
      if (simulationUi.getState().status.state === 'running') simulationActions.setStatus({ state: 'cancelled' })
      return
    }
    if (answer.type === 'failed') {
      simulationActions.setStatus({ state: 'failed', message: answer.message, problems: answer.problems })
      return
    }
    simulationActions.setResult({
      doc: scenario,
      params,
      label: describeScenario(doc, params),
      report: answer.report,
      json: answer.json,
      millis: answer.millis,
    })
    simulationActions.setStatus({ state: 'done' })
  }

  const cancel = () => {
    runner.cancel()
    simulationActions.setStatus({ state: 'cancelled' })
  }

  return (
    <aside className="sim-panel" aria-label={t('simulation.title')} data-testid="simulation-panel">
      <header className="sim-head">
        <h2>{t('simulation.title')}</h2>
        <button
          type="button"
          className="sim-close"
          aria-label={t('simulation.close')}
          onClick={() => simulationActions.togglePanel(false)}
        >
          ✕
        </button>
      </header>
      <div className="sim-scroll">
        <ParamsForm doc={doc} params={params} onChange={setParams} disabled={running} />
        <div className="sim-run">
          {running ? (
            <>
              <div
                className="sim-progress"
                role="progressbar"
                aria-label={t('simulation.progress')}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={Math.round(status.fraction * 100)}
              >
                <div className="sim-progress-bar" style={{ width: `${(status.fraction * 100).toFixed(1)}%` }} />
              </div>
              <span className="sim-progress-text">
                {Math.round(status.fraction * 100)}%
                {status.replications > 1
                  ? ` · ${t('simulation.replicationOf', { number: status.replication, total: status.replications })}`
                  : ''}
              </span>
              <button type="button" onClick={cancel}>
                {t('simulation.cancel')}
              </button>
            </>
          ) : (
            <button type="button" className="sim-primary" onClick={() => void run()} disabled={errors > 0}>
              {t('simulation.run')}
            </button>
          )}
        </div>
        {errors > 0 && !running && (
          <p className="sim-note" role="status">
            {t('simulation.fixErrors', { count: errors })}
          </p>
        )}
        {status.state === 'cancelled' && (
          <p className="sim-note" role="status" data-testid="sim-status">
            {t('simulation.cancelled')}
          </p>
        )}
        {status.state === 'failed' && (
          <div className="sim-error" role="alert" data-testid="sim-status">
            <p>{status.message}</p>
            {status.problems.length > 0 && (
              <ul>
                {status.problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        {result && <Results result={result} baseline={baseline} />}
      </div>
    </aside>
  )
}

function NumberInput({
  label,
  value,
  min,
  step,
  onChange,
  disabled,
  placeholder,
  name,
}: {
  label: string
  value: number | null
  min: number
  step?: number
  onChange: (value: number | null) => void
  disabled?: boolean
  placeholder?: string
  name: string
}) {
  const [text, setText] = useState(value === null ? '' : String(value))
  const [shown, setShown] = useState(value)
  if (shown !== value) {
    setShown(value)
    setText(value === null ? '' : String(value))
  }
  return (
    <label className="sim-field">
      <span>{label}</span>
      <input
        type="number"
        name={name}
        min={min}
        step={step ?? 1}
        value={text}
        placeholder={placeholder}
        disabled={disabled}
        onChange={(e) => {
          setText(e.target.value)
          const x = e.target.value.trim() === '' ? null : Number(e.target.value)
          if (x === null || (Number.isFinite(x) && x >= min)) {
            setShown(x)
            onChange(x)
          }
        }}
      />
    </label>
  )
}

function ParamsForm({
  doc,
  params,
  onChange,
  disabled,
}: {
  doc: FlowDocument
  params: ScenarioParams
  onChange: (p: ScenarioParams) => void
  disabled: boolean
}) {
  const flowRate = flowLeadsPerPeriod(doc, params.period)
  const whole = (x: number | null, fallback: number) => (x === null ? fallback : Math.max(1, Math.round(x)))
  const { t } = useT()
  return (
    <fieldset className="sim-params" disabled={disabled}>
      <legend>{t('simulation.parameters')}</legend>
      <div className="sim-row">
        <NumberInput
          name="leads"
          label={t('simulation.leadsPer')}
          value={params.leadsPerPeriod}
          min={0.0001}
          step={0.1}
          placeholder={
            flowRate === null ? t('simulation.none') : t('simulation.fromFlow', { rate: formatNumber(flowRate, 2) })
          }
          onChange={(x) => onChange({ ...params, leadsPerPeriod: x !== null && x > 0 ? x : null })}
        />
        <label className="sim-field sim-period">
          <span>{t('simulation.period')}</span>
          <select
            name="period"
            value={params.period}
            onChange={(e) => {
              const period = e.target.value === 'week' ? 'week' : 'day'
              const factor = period === 'week' ? 7 : 1 / 7
              onChange({
                ...params,
                period,
                leadsPerPeriod: params.leadsPerPeriod === null ? null : params.leadsPerPeriod * factor,
              })
            }}
          >
            <option value="day">{t('simulation.day')}</option>
            <option value="week">{t('simulation.week')}</option>
          </select>
        </label>
      </div>
      <div className="sim-row">
        <NumberInput
          name="cases"
          label={t('document.cases')}
          value={params.cases}
          min={1}
          onChange={(x) => onChange({ ...params, cases: whole(x, params.cases) })}
        />
        <NumberInput
          name="seed"
          label={t('document.seed')}
          value={params.seed}
          min={-Number.MAX_SAFE_INTEGER}
          onChange={(x) => onChange({ ...params, seed: x === null ? params.seed : Math.round(x) })}
        />
        <NumberInput
          name="replications"
          label={t('simulation.replications')}
          value={params.replications}
          min={1}
          onChange={(x) => onChange({ ...params, replications: Math.min(50, whole(x, params.replications)) })}
        />
      </div>
      {doc.roles.length > 0 && (
        <div className="sim-roles">
          <span className="sim-sub">{t('simulation.headcountPerRole')}</span>
          {doc.roles.map((r) => (
            <NumberInput
              key={r.id}
              name={`headcount-${r.id}`}
              label={r.name}
              value={params.headcount[r.id] ?? r.headcount}
              min={1}
              onChange={(x) =>
                onChange({
                  ...params,
                  headcount: { ...params.headcount, [r.id]: x === null ? r.headcount : Math.max(1, Math.round(x)) },
                })
              }
            />
          ))}
        </div>
      )}
      <button type="button" className="sim-link" onClick={() => onChange(defaultParams(doc))}>
        {t('simulation.reset')}
      </button>
    </fieldset>
  )
}

function kpiCards(k: Kpis, currency: string | undefined) {
  const t = translate
  return [
    { key: 'meanCycle', label: t('simulation.kpi.meanCycle'), value: formatHours(k.meanCycle), raw: k.meanCycle },
    { key: 'p90Cycle', label: t('simulation.kpi.p90Cycle'), value: formatHours(k.p90Cycle), raw: k.p90Cycle },
    {
      key: 'throughputPerWeek',
      label: t('simulation.kpi.throughputPerWeek'),
      value: formatNumber(k.throughputPerWeek),
      raw: k.throughputPerWeek,
    },
    { key: 'winRate', label: t('simulation.kpi.winRate'), value: formatPercentage(k.winRate), raw: k.winRate },
    {
      key: 'costPerWon',
      label: t('simulation.kpi.costPerWon'),
      value: formatMoney(k.costPerWon, currency),
      raw: k.costPerWon,
    },
    {
      key: 'slaBreaches',
      label: t('simulation.kpi.slaBreaches'),
      value: `${formatNumber(k.slaBreaches, 0)}${k.slaBreachShare === null ? '' : ` (${formatPercentage(k.slaBreachShare)})`}`,
      raw: k.slaBreaches,
    },
  ]
}

function Results({ result, baseline }: { result: RunResult; baseline: RunResult | null }) {
  const store = useEditorStore()
  const flow = useReactFlow()
  const heatMode = simulationUi((s) => s.heatMode)
  const heatVisible = simulationUi((s) => s.heatVisible)
  const charts = useRef<HTMLDivElement>(null)
  const { report, doc } = result
  const kpis = useMemo(() => computeKpis(report), [report])
  const series = useMemo(() => chartSeries(doc, report), [doc, report])
  const bins = useMemo(() => cycleHistogram(report), [report])
  const marks = useMemo(
    () =>
      (['p50', 'p90'] as const).flatMap((label) => {
        const hours = report.cycleTime[label]
        return hours === null ? [] : [{ label, hours }]
      }),
    [report],
  )
  const cards = kpiCards(kpis, doc.currency)
  const bottleneck = report.bottleneck
  const bottleneckLabel = bottleneck
    ? (doc.nodes.find((n) => n.id === bottleneck.nodeId)?.label ?? bottleneck.nodeId)
    : null
  const stem = fileStem(doc.name)
  const { t } = useT()
  const subtitle = [
    result.label,
    t('simulation.cases', { count: report.cases, formatted: formatNumber(report.cases, 0) }),
    t('simulation.seed', { seed: report.seed }),
    t('simulation.replicationCount', { count: report.replications }),
  ].join(' · ')

  const exportPng = async () => {
    const svgs = [...(charts.current?.querySelectorAll<SVGSVGElement>('svg.sim-chart') ?? [])]
    const svg = resultsSvg(t('simulation.imageTitle', { name: doc.name }), subtitle, cards, svgs)
    const blob = await svgToPng(svg, { scale: 2, background: '#ffffff' })
    await bridge.writeExport('png', new Uint8Array(await blob.arrayBuffer()), `${stem}-simulation.png`)
  }

  return (
    <section className="sim-results" aria-label={t('simulation.results')} data-testid="sim-results">
      <p className="sim-meta">
        {subtitle} · {(result.millis / 1000).toFixed(1)} s
      </p>
      <div className="sim-kpis">
        {cards.map((c) => (
          <div key={c.key} className="sim-kpi" data-kpi={c.key} data-value={c.raw ?? ''}>
            <span className="sim-kpi-label">{c.label}</span>
            <span className="sim-kpi-value">{c.value}</span>
          </div>
        ))}
      </div>
      <div className="sim-heat">
        <label>
          <input
            type="checkbox"
            checked={heatVisible}
            onChange={(e) => simulationActions.setHeat(heatMode, e.target.checked)}
          />{' '}
          {t('simulation.heatMap')}
        </label>
        <select
          aria-label={t('simulation.heatBy')}
          value={heatMode}
          onChange={(e) => simulationActions.setHeat(e.target.value as HeatMode, heatVisible)}
        >
          <option value="waiting">{t('simulation.byWaiting')}</option>
          <option value="utilisation">{t('simulation.byUtilisation')}</option>
        </select>
        <span className="sim-legend" aria-hidden>
          <span>{t('simulation.low')}</span>
          <span className="sim-legend-scale" />
          <span>{t('simulation.high')}</span>
        </span>
      </div>
      {bottleneck && (
        <p className="sim-bottleneck" data-testid="bottleneck">
          {t('simulation.bottleneck')} <strong>{bottleneckLabel}</strong>
          {bottleneck.roleId
            ? ` (${doc.roles.find((r) => r.id === bottleneck.roleId)?.name ?? bottleneck.roleId})`
            : ''}{' '}
          <button type="button" className="sim-link" onClick={() => focusNode(store, flow, bottleneck.nodeId)}>
            {t('simulation.show')}
          </button>
        </p>
      )}
      <div className="sim-actions">
        <button
          type="button"
          onClick={() => downloadFile(resultsCsv(doc, report), `${stem}-simulation.csv`, 'text/csv')}
        >
          CSV
        </button>
        <button type="button" onClick={() => void exportPng()}>
          PNG
        </button>
        <button
          type="button"
          onClick={() => void bridge.writeExport('json', `${result.json}\n`, `${stem}-simulation.json`)}
        >
          JSON
        </button>
        <button type="button" onClick={() => simulationActions.pinBaseline()} title={t('simulation.pinTitle')}>
          {t('simulation.pin')}
        </button>
      </div>
      {baseline && <Comparison baseline={baseline} current={result} />}
      <div className="sim-charts" ref={charts}>
        <CycleHistogram bins={bins} marks={marks} />
        <BarChart
          name="utilisation"
          title={t('simulation.chart.utilisation')}
          bars={series.utilisation}
          max={1}
          format={(v) => formatPercentage(v)}
        />
        <BarChart
          name="waiting"
          title={t('simulation.chart.waiting')}
          bars={series.waiting}
          format={(v) => formatHours(v)}
        />
        <BarChart
          name="sla"
          title={t('simulation.chart.sla')}
          bars={series.slaBreach}
          max={1}
          format={(v) => formatPercentage(v)}
          empty={t('simulation.chart.noTimeLimit')}
        />
        <BarChart
          name="funnel"
          title={t('simulation.chart.funnel')}
          bars={series.funnel}
          format={(v) => formatNumber(v, 0)}
        />
      </div>
    </section>
  )
}

function formatDelta(d: KpiDelta): string {
  if (d.delta === null) return '—'
  const sign = d.delta > 0 ? '+' : d.delta < 0 ? '−' : '±'
  const abs = Math.abs(d.delta)
  const value =
    d.key === 'meanCycle' || d.key === 'p90Cycle'
      ? formatHours(abs)
      : d.key === 'winRate'
        ? translate('simulation.points', { value: formatNumber(abs * 100) })
        : d.key === 'costPerWon'
          ? formatMoney(abs, undefined)
          : formatNumber(abs)
  const relative =
    d.relative === null || d.key === 'winRate' ? '' : ` (${sign}${formatNumber(Math.abs(d.relative) * 100)}%)`
  return `${sign}${value}${relative}`
}

function Comparison({ baseline, current }: { baseline: RunResult; current: RunResult }) {
  const rows = compareKpis(computeKpis(baseline.report), computeKpis(current.report))
  const currency = current.doc.currency
  const show = (key: KpiDelta['key'], value: number | null) =>
    key === 'meanCycle' || key === 'p90Cycle'
      ? formatHours(value)
      : key === 'winRate'
        ? formatPercentage(value)
        : key === 'costPerWon'
          ? formatMoney(value, currency)
          : formatNumber(value)
  const same = baseline === current
  const { t } = useT()
  return (
    <section className="sim-compare" aria-label={t('simulation.comparison')} data-testid="sim-compare">
      <header>
        <h3>{t('simulation.compared')}</h3>
        <button type="button" className="sim-link" onClick={() => simulationActions.clearBaseline()}>
          {t('simulation.unpin')}
        </button>
      </header>
      {same && <p className="sim-note">{t('simulation.sameRun')}</p>}
      <table>
        <thead>
          <tr>
            <th scope="col">{t('simulation.kpiHeader')}</th>
            <th scope="col" title={baseline.label}>
              {t('simulation.baseline')}
            </th>
            <th scope="col" title={current.label}>
              {t('simulation.thisRun')}
            </th>
            <th scope="col">{t('simulation.change')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-delta={r.key}>
              <th scope="row">{t(`simulation.kpi.${r.key}`)}</th>
              <td>{show(r.key, r.baseline)}</td>
              <td>{show(r.key, r.current)}</td>
              <td className={r.better === null ? '' : r.better ? 'sim-better' : 'sim-worse'}>
                {formatDelta(r)}
                {r.better !== null && (
                  <span className="sr-only">{r.better ? t('simulation.better') : t('simulation.worse')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="sim-scenarios">
        <span>{t('simulation.baselineIs', { label: baseline.label })}</span>
        <span>{t('simulation.thisRunIs', { label: current.label })}</span>
      </p>
    </section>
  )
}
