import { MiniMapNode, type MiniMapNodeProps } from '@xyflow/react'
import { memo } from 'react'
import type { FlowNode } from '../../shared/document/index.js'
import { nodeBox } from '../../shared/geometry/index.js'
import { useEditor } from '../app/EditorContext.js'
import { STEP_OVERVIEW_ID } from './flowElements.js'

/** A step's colour in the minimap, by kind. */
export function miniMapStepColor(kind: FlowNode['kind']): string {
  return kind === 'decision' ? '#e9c46a' : kind === 'end' ? '#94a3b8' : kind === 'start' ? '#86efac' : '#93c5fd'
}

/** Every step of the flow, for the minimap while the overview layer stands in for their nodes. */
const OverviewInMiniMap = memo(function OverviewInMiniMap({ shapeRendering }: { shapeRendering: string }) {
  const nodes = useEditor((s) => s.doc.nodes)
  return (
    <g className="react-flow__minimap-overview">
      {nodes.map((node) => {
        const b = nodeBox(node)
        return (
          <rect
            key={node.id}
            x={b.x}
            y={b.y}
            width={b.width}
            height={b.height}
            rx={5}
            fill={miniMapStepColor(node.kind)}
            shapeRendering={shapeRendering}
          />
        )
      })}
    </g>
  )
})

/**
 * The minimap draws what React Flow gives it; zoomed out over a large flow the steps away
 * from the view are hidden from React Flow (StepOverview.tsx), so the overview layer's node
 * draws every step in the minimap instead.
 */
export function FlowMiniMapNode(props: MiniMapNodeProps) {
  if (props.id === STEP_OVERVIEW_ID) return <OverviewInMiniMap shapeRendering={props.shapeRendering} />
  return <MiniMapNode {...props} />
}
