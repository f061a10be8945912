import { memo, type MouseEvent } from 'react'
import { textWidth } from '../../shared/geometry/index.js'
import type { DiagramTheme } from '../../shared/formats/svg/theme.js'
import type { EdgeData } from './flowElements.js'

/** The SVG path through an edge's route points. */
export const routePath = (data: EdgeData): string =>
  data.route.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ')

export function edgeStroke(data: EdgeData, selected: boolean, theme: DiagramTheme) {
  const color = selected
    ? (theme.selection ?? '#0b5cff')
    : data.problem === 'error'
      ? (theme.error ?? '#b91c1c')
      : theme.edge
  return {
    stroke: color,
    strokeWidth: (selected ? 2.5 : 1.5) + (theme.strokeBoost ?? 0),
    strokeDasharray: data.timeout ? '6 4' : undefined,
  }
}

/** An edge's label on a rounded plate, centred where the shared geometry puts it. */
export function EdgeLabel({ data, theme }: { data: EdgeData; theme: DiagramTheme }) {
  if (!data.text) return null
  const width = Math.min(200, textWidth(data.text, 12) + 10)
  // Absolute coordinates, no transform: in a layer of thousands each transform costs a frame.
  const { x, y } = data.route.labelAt
  return (
    <g className="edge-label">
      <rect
        x={x - width / 2}
        y={y - 9}
        width={width}
        height={18}
        rx={4}
        fill={theme.edgeLabelBackground}
        fillOpacity={0.92}
      />
      <text x={x} y={y} textAnchor="middle" dominantBaseline="central" fontSize={12} fill={theme.mutedText}>
        {data.text}
      </text>
    </g>
  )
}

/**
 * An unselected edge in the canvas's one edge layer: the visible path, a wide transparent
 * path that takes the clicks, and the label.
 */
function EdgeShapeView({
  id,
  data,
  theme,
  onSelect,
}: {
  id: string
  data: EdgeData
  theme: DiagramTheme
  onSelect: (id: string, event: MouseEvent) => void
}) {
  const d = routePath(data)
  return (
    <g className="fl-edge" data-id={id} onClick={(event) => onSelect(id, event)}>
      <path d={d} fill="none" style={edgeStroke(data, false, theme)} markerEnd="url(#fl-arrow)" />
      <path className="fl-edge-hit" d={d} fill="none" stroke="transparent" strokeWidth={14} />
      <EdgeLabel data={data} theme={theme} />
    </g>
  )
}

export const EdgeShape = memo(EdgeShapeView)
