import type { NodeProps } from '@xyflow/react'
import { memo, useCallback, useMemo, type MouseEvent } from 'react'
import { boundingBox, paddedBox, type Box } from '../../shared/geometry/index.js'
import { useEditorStore } from '../app/EditorContext.js'
import { useDiagramTheme } from '../theme/ThemeContext.js'
import { EdgeShape } from './EdgeShape.js'
import type { EdgeLayerFlowNode, FlowEdgeView } from './flowElements.js'
import { LayerSvg } from './LayerSvg.js'
import { boxesMeet, NO_BOX, useCullBox } from './useCullBox.js'

/**
 * Room around the route points for arrowheads and strokes. Label plates may overhang: the SVG
 * paints outside its box, and a tight box keeps the layer out of Fit view's sums.
 */
const MARGIN = 12

/** The box that holds every route and label of `edges`, in flow coordinates. */
export function edgeLayerBounds(edges: readonly FlowEdgeView[]): Box {
  const box = boundingBox(edges.map(edgeBox))
  return box ? paddedBox(box, MARGIN) : NO_BOX
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
    <LayerSvg className="edge-layer" bounds={bounds} aria-hidden>
      {edges.map((edge) => (
        <EdgeShape key={edge.id} id={edge.id} data={edge.data!} theme={theme} onSelect={onSelect} />
      ))}
    </LayerSvg>
  )
}

export const EdgeLayer = memo(EdgeLayerView)
