import { BaseEdge, type EdgeProps } from '@xyflow/react'
import { memo } from 'react'
import { textWidth } from '../../shared/geometry/index.js'
import { useDiagramTheme } from '../theme/ThemeContext.js'
import type { FlowEdgeView } from './flowElements.js'

/** An edge on the route the SVG export uses, with its label and probability. */
function FlowEdgeComponent({ id, data, selected }: EdgeProps<FlowEdgeView>) {
  const theme = useDiagramTheme()
  if (!data) return null
  const { route, text, timeout, problem } = data
  const path = route.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ')
  const color = selected
    ? (theme.selection ?? '#0b5cff')
    : problem === 'error'
      ? (theme.error ?? '#b91c1c')
      : theme.edge
  const boost = theme.strokeBoost ?? 0
  const width = Math.min(200, textWidth(text, 12) + 10)
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={selected ? 'url(#fl-arrow-selected)' : 'url(#fl-arrow)'}
        style={{
          stroke: color,
          strokeWidth: (selected ? 2.5 : 1.5) + boost,
          strokeDasharray: timeout ? '6 4' : undefined,
        }}
        interactionWidth={14}
      />
      {text && (
        <g className="edge-label" transform={`translate(${route.labelAt.x},${route.labelAt.y})`}>
          <rect
            x={-width / 2}
            y={-9}
            width={width}
            height={18}
            rx={4}
            fill={theme.edgeLabelBackground}
            fillOpacity={0.92}
          />
          <text textAnchor="middle" dominantBaseline="central" fontSize={12} fill={theme.mutedText}>
            {text}
          </text>
        </g>
      )}
    </>
  )
}

export const FlowEdge = memo(FlowEdgeComponent)

/** Arrowheads shared by every edge, defined once in the canvas. */
export function EdgeMarkers() {
  const theme = useDiagramTheme()
  return (
    <svg style={{ position: 'absolute', width: 0, height: 0 }} aria-hidden>
      <defs>
        <marker
          id="fl-arrow"
          viewBox="0 0 10 10"
          refX="10"
          refY="5"
          markerWidth="12"
          markerHeight="12"
          orient="auto"
          markerUnits="userSpaceOnUse"
        >
          <path d="M0,0 L10,5 L0,10 z" fill={theme.edge} />
        </marker>
        <marker
          id="fl-arrow-selected"
          viewBox="0 0 10 10"
          refX="10"
          refY="5"
          markerWidth="13"
          markerHeight="13"
          orient="auto"
          markerUnits="userSpaceOnUse"
        >
          <path d="M0,0 L10,5 L0,10 z" fill={theme.selection ?? '#0b5cff'} />
        </marker>
      </defs>
    </svg>
  )
}
