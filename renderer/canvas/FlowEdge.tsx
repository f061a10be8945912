import { BaseEdge, type EdgeProps } from '@xyflow/react'
import { memo } from 'react'
import { useDiagramTheme } from '../theme/ThemeContext.js'
import { EdgeLabel, edgeStroke, routePath } from './EdgeShape.js'
import type { FlowEdgeView } from './flowElements.js'

/**
 * A selected edge, drawn by React Flow so it can be reconnected by its ends. Every other edge
 * is drawn in the one SVG of the edge layer (EdgeLayer.tsx): React Flow gives each edge an
 * SVG element of its own, and thousands of them make every frame of a pan slow to paint.
 */
function FlowEdgeComponent({ id, data, selected }: EdgeProps<FlowEdgeView>) {
  const theme = useDiagramTheme()
  if (!data) return null
  return (
    <g className="fl-edge is-selected" data-id={id}>
      <BaseEdge
        id={id}
        path={routePath(data)}
        markerEnd={selected ? 'url(#fl-arrow-selected)' : 'url(#fl-arrow)'}
        style={edgeStroke(data, !!selected, theme)}
        interactionWidth={14}
      />
      <EdgeLabel data={data} theme={theme} />
    </g>
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
