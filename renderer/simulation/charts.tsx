/**
 * The dashboard's charts, drawn as plain SVG with every style inline, so that each chart is
 * also a self-contained picture: the PNG export serialises them as they are on screen.
 */
import type { ReactNode } from 'react'
import { formatHours, type Bar, type HistogramBin } from './results.js'
import { t } from '../i18n/index.js'

export const CHART_WIDTH = 400
const FONT = "'Noto Sans', 'Helvetica Neue', Arial, 'Noto Sans CJK SC', sans-serif"
const INK = '#1f2937'
const MUTED = '#4b5563'
const BAR = '#3559c7'
const HOT = '#b91c1c'
const GRID = '#e2e8f0'

function ChartFrame({
  name,
  title,
  height,
  children,
}: {
  name: string
  title: string
  height: number
  children: ReactNode
}) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      className="sim-chart"
      data-chart={name}
      width={CHART_WIDTH}
      height={height}
      viewBox={`0 0 ${CHART_WIDTH} ${height}`}
      fontFamily={FONT}
      role="img"
      aria-label={title}
    >
      <rect x={0} y={0} width={CHART_WIDTH} height={height} fill="#ffffff" />
      <text x={8} y={18} fontSize={13} fontWeight={600} fill={INK}>
        {title}
      </text>
      {children}
    </svg>
  )
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

/** Horizontal bars, one per row, with the value at the end of each. */
export function BarChart({
  name,
  title,
  bars,
  format,
  max,
  empty = t('simulation.chart.nothing'),
}: {
  name: string
  title: string
  bars: readonly Bar[]
  format: (value: number) => string
  /** The scale's end; default the largest value. */
  max?: number
  empty?: string
}) {
  const row = 22
  const top = 30
  const labelWidth = 150
  const valueWidth = 64
  const plot = CHART_WIDTH - labelWidth - valueWidth - 16
  const height = top + Math.max(1, bars.length) * row + 8
  const scale = Math.max(max ?? 0, ...bars.map((b) => b.value)) || 1
  return (
    <ChartFrame name={name} title={title} height={height}>
      {bars.length === 0 && (
        <text x={8} y={top + 14} fontSize={12} fill={MUTED}>
          {empty}
        </text>
      )}
      {bars.map((b, i) => {
        const y = top + i * row
        const w = Math.max(b.value > 0 ? 1 : 0, (b.value / scale) * plot)
        return (
          <g key={b.id} data-bar={b.id} data-value={b.value}>
            <text x={labelWidth} y={y + 14} fontSize={12} fill={INK} textAnchor="end">
              <title>{b.label}</title>
              {clip(b.label, 22)}
            </text>
            <rect x={labelWidth + 8} y={y + 3} width={plot} height={row - 6} fill={GRID} />
            <rect x={labelWidth + 8} y={y + 3} width={w} height={row - 6} fill={b.highlight ? HOT : BAR} />
            <text x={labelWidth + 16 + plot} y={y + 14} fontSize={12} fill={b.highlight ? HOT : INK}>
              {format(b.value)}
            </text>
          </g>
        )
      })}
    </ChartFrame>
  )
}

/**
 * The cycle-time distribution: equal-width bars from 0 to the longest cycle time, each bar's
 * height its share of the cases, the slowest tenth in red, on a linear time axis.
 */
/**
 * Completed cases by cycle time: equal bins (red past p90), with the median and p90 marked
 * by dashed lines so the shape and the figures on the KPI cards read together.
 */
export function CycleHistogram({
  bins,
  marks = [],
}: {
  bins: readonly HistogramBin[]
  marks?: readonly { readonly label: string; readonly hours: number }[]
}) {
  const height = 190
  const left = 16
  const right = CHART_WIDTH - 28
  const top = 36
  const bottom = height - 40
  const end = bins.length > 0 ? bins[bins.length - 1]!.to : 1
  const x = (hours: number) => left + (hours / (end || 1)) * (right - left)
  const tallest = Math.max(...bins.map((b) => b.share), 0) || 1
  const barWidth = bins.length > 0 ? x(bins[0]!.to) - x(bins[0]!.from) : 0
  // A share is printed over every bar wide enough for it; over narrow bars, only over the tallest.
  const labelled = (b: HistogramBin) => b.share > 0 && (barWidth >= 24 || b.share === tallest)
  // Ticks on bin edges, every `step` edges, so that their labels keep about 60 px apart.
  const step = Math.max(1, Math.ceil(60 / (barWidth || 60)))
  const ticks = bins.map((b) => b.to).filter((_, i) => (i + 1) % step === 0)
  return (
    <ChartFrame name="cycle-histogram" title={t('simulation.chart.cycle')} height={height}>
      {bins.length === 0 && (
        <text x={8} y={top + 14} fontSize={12} fill={MUTED}>
          {t('simulation.chart.noCases')}
        </text>
      )}
      {bins.map((b, i) => {
        const h = (b.share / tallest) * (bottom - top)
        const x0 = x(b.from)
        const w = Math.max(2, x(b.to) - x0)
        return (
          <g key={i} data-bin={i} data-share={b.share}>
            {h > 0 && <rect x={x0} y={bottom - h} width={w - 1} height={h} fill={b.slow ? HOT : BAR} opacity={0.85} />}
            {labelled(b) && (
              <text x={x0 + w / 2} y={Math.max(top + 10, bottom - h - 4)} fontSize={11} fill={INK} textAnchor="middle">
                {Math.round(b.share * 100)}%
              </text>
            )}
          </g>
        )
      })}
      <line x1={left} y1={bottom} x2={right} y2={bottom} stroke={MUTED} />
      {bins.length > 0 &&
        marks.map((m) => (
          <g key={m.label} data-mark={m.label}>
            <line x1={x(m.hours)} y1={top - 12} x2={x(m.hours)} y2={bottom} stroke={INK} strokeDasharray="3 3" />
            <text x={x(m.hours) + 3} y={top - 4} fontSize={10} fill={INK}>
              {m.label} {formatHours(m.hours)}
            </text>
          </g>
        ))}
      {bins.length > 0 &&
        [0, ...ticks].map((hours, i) => (
          <g key={i}>
            <line x1={x(hours)} y1={bottom} x2={x(hours)} y2={bottom + 4} stroke={MUTED} />
            <text x={x(hours)} y={bottom + 16} fontSize={10} fill={MUTED} textAnchor="middle">
              {hours === 0 ? '0' : formatHours(hours)}
            </text>
          </g>
        ))}
    </ChartFrame>
  )
}
