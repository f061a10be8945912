import type { NodeProps } from '@xyflow/react'
import { memo, useCallback, useMemo, type MouseEvent } from 'react'
import type { Box } from '../../shared/geometry/index.js'
import { useEditorStore } from '../app/EditorContext.js'
import { useDiagramTheme } from '../theme/ThemeContext.js'
import { EdgeShape } from './EdgeShape.js'
import type { EdgeLayerFlowNode, FlowEdgeView } from './flowElements.js'
import { boxesMeet, useCullBox } from './useCullBox.js'

/**
 * Room around the route points for arrowheads and strokes. Label plates may overhang: the SVG
 * paints outside its box, and a tight box keeps the layer out of Fit view's sums.
 */
const MARGIN = 12

/** The box that holds every route and label of `edges`, in flow coordinates. */
export function edgeLayerBounds(edges: readonly FlowEdgeView[]): Box {
  let left = Infinity
  let top = Infinity
  let right = -Infinity
  let bottom = -Infinity
  for (const edge of edges) {
    const b = edgeBox(edge)
    left = Math.min(left, b.x)
    top = Math.min(top, b.y)
    right = Math.max(right, b.x + b.width)
    bottom = Math.max(bottom, b.y + b.height)
  }
  if (left > right) return { x: 0, y: 0, width: 0, height: 0 }
  return { x: left - MARGIN, y: top - MARGIN, width: right - left + 2 * MARGIN, height: bottom - top + 2 * MARGIN }
}

const edgeBoxes = new WeakMap<FlowEdgeView, Box>()

/** The box around an edge's route and label anchor (label plates reach up to 100 further). */
function edgeBox(edge: FlowEdgeView): Box {
  let box = edgeBoxes.get(edge)
  if (box) return box
  const route = edge.data!.route
  let left = route.labelAt.x
  let right = left
  let top = route.labelAt.y
  let bottom = top
  for (const p of route.points) {
    left = Math.min(left, p.x)
    right = Math.max(right, p.x)
    top = Math.min(top, p.y)
    bottom = Math.max(bottom, p.y)
  }
  box = { x: left - 100, y: top - 10, width: right - left + 200, height: bottom - top + 20 }
  edgeBoxes.set(edge, box)
  return box
}

/**
 * Every unselected edge, in one SVG drawn as a node behind the steps and above the lanes:
 * one element to paint, layer and hit-test instead of an SVG per edge. Clicking an edge
 * selects it (Shift, Ctrl or Cmd adds it); React Flow then draws it, with its reconnect ends.
 */
function EdgeLayerView({ data }: NodeProps<EdgeLayerFlowNode>) {
  const { bounds } = data
  const cull = useCullBox()
  const edges = useMemo(
    () => (cull ? data.edges.filter((e) => boxesMeet(edgeBox(e), cull)) : data.edges),
    [data.edges, cull],
  )
  const theme = useDiagramTheme()
  const store = useEditorStore()
  const onSelect = useCallback(
    (id: string, event: MouseEvent) => {
      event.stopPropagation()
      const state = store.getState()
      const add = event.shiftKey || event.ctrlKey || event.metaKey
      state.select(
        add
          ? { nodes: state.selection.nodes, edges: [...state.selection.edges.filter((e) => e !== id), id] }
          : { nodes: [], edges: [id] },
      )
    },
    [store],
  )
  return (
    <svg
      className="edge-layer"
      overflow="visible"
      width={bounds.width}
      height={bounds.height}
      viewBox={`${bounds.x} ${bounds.y} ${bounds.width} ${bounds.height}`}
      aria-hidden
    >
      {edges.map((edge) => (
        <EdgeShape key={edge.id} id={edge.id} data={edge.data!} theme={theme} onSelect={onSelect} />
      ))}
    </svg>
  )
}

export const EdgeLayer = memo(EdgeLayerView)
