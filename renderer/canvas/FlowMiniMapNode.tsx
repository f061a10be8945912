import { MiniMapNode, type MiniMapNodeProps } from '@xyflow/react'
import { memo, useContext, useMemo } from 'react'
import type { FlowNode } from '../../shared/document/index.js'
import { nodeBox } from '../../shared/geometry/index.js'
import { useEditor } from '../app/EditorContext.js'
import { STEP_OVERVIEW_ID } from './flowElements.js'
import { OverviewContext } from './StepOverview.js'

/** A step's colour in the minimap, by kind. */
export function miniMapStepColor(kind: FlowNode['kind']): string {
  return kind === 'decision' ? '#e9c46a' : kind === 'end' ? '#94a3b8' : kind === 'start' ? '#86efac' : '#93c5fd'
}

/**
 * Every step of the flow, for the minimap while the overview layer stands in for their nodes:
 * one path per colour, so the minimap's viewport frame moving over it at every frame of a pan
 * repaints a handful of shapes, not thousands.
 */
const OverviewInMiniMap = memo(function OverviewInMiniMap({ shapeRendering }: { shapeRendering: string }) {
  const nodes = useEditor((s) => s.doc.nodes)
  const paths = useMemo(() => {
    const byColour = new Map<string, string[]>()
    for (const node of nodes) {
      const b = nodeBox(node)
      const colour = miniMapStepColor(node.kind)
      const parts = byColour.get(colour) ?? []
      parts.push(`M${b.x},${b.y}h${b.width}v${b.height}h${-b.width}z`)
      byColour.set(colour, parts)
    }
    return [...byColour].map(([colour, d]) => ({ colour, d: d.join('') }))
  }, [nodes])
  return (
    <g className="react-flow__minimap-overview" data-steps={nodes.length}>
      {paths.map(({ colour, d }) => (
        <path key={colour} d={d} fill={colour} shapeRendering={shapeRendering} />
      ))}
    </g>
  )
})

/**
 * The minimap draws what React Flow gives it; zoomed out over a large flow most steps are
 * hidden from React Flow (StepOverview.tsx), so the overview layer's node draws them all
 * in the minimap and the step nodes draw nothing there.
 */
export function FlowMiniMapNode(props: MiniMapNodeProps) {
  const overview = useContext(OverviewContext)
  if (props.id === STEP_OVERVIEW_ID) return <OverviewInMiniMap shapeRendering={props.shapeRendering} />
  if (overview) return null
  return <MiniMapNode {...props} />
}
