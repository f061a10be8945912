import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  Controls,
  MiniMap,
  ReactFlow,
  SelectionMode,
  useReactFlow,
  useStore,
  type Connection,
  type Edge,
  type EdgeChange,
  type Node,
  type NodeChange,
  type NodeSelectionChange,
} from '@xyflow/react'
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type PointerEvent } from 'react'
import type { NodeKind, Point } from '../../shared/document/index.js'
import { addNode, connect, moveNodes, reconnect, resizeLane } from '../../shared/edit/operations.js'
import { GRID_SIZE } from '../../shared/geometry/index.js'
import { useEditor, useEditorStore } from '../app/EditorContext.js'
import type { EditorStore } from '../app/store.js'
import { AlignmentGuides } from './AlignmentGuides.js'
import { ConnectPicker } from './ConnectPicker.js'
import { useDragSnapping } from './dragSnapping.js'
import { edgeLayerBounds, EdgeLayer } from './EdgeLayer.js'
import { FlowEdge, EdgeMarkers } from './FlowEdge.js'
import { FlowMiniMapNode, miniMapStepColor } from './FlowMiniMapNode.js'
import { laneCallbacks, LaneNode } from './LaneNode.js'
import { StepNode } from './StepNode.js'
import { OVERVIEW_STEPS, OVERVIEW_ZOOM } from './levelOfDetail.js'
import { OverviewContext, overviewBounds, overviewSteps, StepOverview } from './StepOverview.js'
import { useCullBox } from './useCullBox.js'
import { StickyLaneHeaders } from './StickyLaneHeaders.js'
import {
  splitEdges,
  stepOverviewNode,
  toFlowEdges,
  toFlowNodes,
  type StepData,
  type StepFlowNode,
} from './flowElements.js'
import { defaultLabel, PALETTE_MIME } from '../panels/Palette.js'
import { useT } from '../i18n/index.js'

const nodeTypes = { step: StepNode, lane: LaneNode, edges: EdgeLayer, overview: StepOverview }
const edgeTypes = { flow: FlowEdge }
export const GRID = GRID_SIZE

/** The React Flow canvas over the document: lanes behind, steps and edges drawn by shared geometry. */
export function Canvas() {
  const store = useEditorStore()
  const doc = useEditor((s) => s.doc)
  const problems = useEditor((s) => s.problems)
  const selection = useEditor((s) => s.selection)
  const readOnly = useEditor((s) => s.readOnly)
  const flow = useReactFlow()
  const { t } = useT()
  // Positions of steps while they are being dragged: the document changes once, on drop.
  const [dragging, setDragging] = useState<ReadonlyMap<string, Point>>(new Map())
  // The same positions, snapped to guides or the grid, for the drop to store exactly what was shown.
  const draggingRef = useRef<ReadonlyMap<string, Point>>(new Map())
  const { guides, snap: snapDrag, end: endDrag } = useDragSnapping(store, GRID)

  const selectedNodes = useMemo(() => new Set(selection.nodes), [selection.nodes])
  const selectedEdges = useMemo(() => new Set(selection.edges), [selection.edges])
  const allEdges = useMemo(
    () => toFlowEdges(doc, problems, selectedEdges, dragging),
    [doc, problems, selectedEdges, dragging],
  )
  const { flowEdges: edges, layer } = useMemo(() => splitEdges(allEdges, edgeLayerBounds), [allEdges])
  const zoomedOut = useStore((s) => s.transform[2] < OVERVIEW_ZOOM)
  const overview = zoomedOut && doc.nodes.length >= OVERVIEW_STEPS
  const cull = useCullBox()
  const nodes = useMemo(() => {
    const flowNodes = toFlowNodes(doc, problems, selectedNodes, dragging)
    // The edge layer goes above the lanes and below the steps.
    const lanes = flowNodes.findIndex((n) => n.type !== 'lane')
    const at = lanes < 0 ? flowNodes.length : lanes
    const steps = flowNodes.slice(at) as StepFlowNode[]
    if (!overview) return [...flowNodes.slice(0, at), layer, ...steps]
    const drawn = stepOverviewNode(steps, overviewBounds)
    return [...flowNodes.slice(0, at), layer, drawn, ...overviewSteps(steps, cull)]
  }, [doc, problems, selectedNodes, dragging, layer, overview, cull])

  // A newly opened document is shown whole, never larger than life; a blank one at 100 %.
  const loads = useEditor((s) => s.loads)
  useEffect(() => {
    if (loads === 0) return
    const frame = requestAnimationFrame(() => {
      if (store.getState().doc.nodes.length === 0) void flow.setViewport({ x: 0, y: 0, zoom: 1 })
      else void flow.fitView({ padding: 0.08, maxZoom: 1 })
    })
    return () => cancelAnimationFrame(frame)
  }, [loads, flow, store])

  useEffect(() => {
    laneCallbacks.current = {
      selectLane: (laneId) => store.getState().select({ nodes: [], edges: [], lane: laneId }),
      resizeLane: (laneId, height) => store.getState().apply('Resize lane', (d) => resizeLane(d, laneId, height)),
    }
    return () => {
      laneCallbacks.current = null
    }
  }, [store])

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      const moved = new Map<string, Point>()
      for (const c of changes) if (c.type === 'position' && c.position && c.dragging) moved.set(c.id, c.position)
      if (moved.size > 0) {
        const next = new Map([...draggingRef.current, ...snapDrag(moved)])
        draggingRef.current = next
        setDragging(next)
      }
      applySelectionChanges(store, changes, 'nodes')
    },
    [store, snapDrag],
  )

  const onEdgesChange = useCallback((changes: EdgeChange[]) => applySelectionChanges(store, changes, 'edges'), [store])

  const onNodeDragStop = useCallback(
    (_event: unknown, _node: Node, dragged: Node[]) => {
      const moves = new Map<string, Point>()
      for (const n of dragged) if (n.type === 'step') moves.set(n.id, draggingRef.current.get(n.id) ?? n.position)
      draggingRef.current = new Map()
      endDrag()
      setDragging(new Map())
      const changed = [...moves].some(([id, p]) => {
        const current = store.getState().doc.nodes.find((n) => n.id === id)?.position
        return !current || current.x !== Math.round(p.x) || current.y !== Math.round(p.y)
      })
      if (changed) store.getState().apply(moves.size > 1 ? 'Move steps' : 'Move step', (d) => moveNodes(d, moves))
    },
    [store, endDrag],
  )

  const onConnect = useCallback(
    (c: Connection) => {
      if (c.source === c.target) return
      const id = store.getState().apply('Connect', (d) => connect(d, c.source, c.target))
      if (id) store.getState().select({ nodes: [], edges: [id] })
    },
    [store],
  )

  const onReconnect = useCallback(
    (old: Edge, c: Connection) => {
      store.getState().apply('Reconnect', (d) => reconnect(d, old.id, c.source, c.target))
    },
    [store],
  )

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(PALETTE_MIME) as NodeKind
      if (!kind) return
      event.preventDefault()
      const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY })
      const center = { x: Math.round(at.x / GRID) * GRID, y: Math.round(at.y / GRID) * GRID }
      const id = store
        .getState()
        .apply('Add step', (d) => addNode(d, { kind, label: defaultLabel(kind, d.locale), center }))
      if (id) store.getState().select({ nodes: [id], edges: [] })
    },
    [flow, store],
  )

  return (
    <OverviewContext.Provider value={overview}>
      <div
        className={overview ? 'canvas is-overview' : 'canvas'}
        onDragOver={(e) => e.preventDefault()}
        onDrop={onDrop}
        onPointerDownCapture={capturePan}
      >
        <EdgeMarkers />
        <ConnectPicker />
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onNodeDragStop={onNodeDragStop}
          onConnect={onConnect}
          onReconnect={onReconnect}
          edgesReconnectable={!readOnly}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          connectionMode={ConnectionMode.Loose}
          selectionMode={SelectionMode.Partial}
          selectionOnDrag
          panOnDrag={[1, 2]}
          panOnScroll
          zoomOnPinch
          multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
          deleteKeyCode={null}
          // Snapping (to alignment guides, else to the grid) is dragSnapping.ts's: React Flow's own
          // would hide from the guides where the pointer really is.
          snapToGrid={false}
          // In the overview the nodes in reach of the view are mounted once (overviewSteps), not
          // mounted and unmounted at every frame of a pan.
          onlyRenderVisibleElements={!overview}
          minZoom={0.1}
          maxZoom={3}
          fitView
          fitViewOptions={{ padding: 0.08 }}
          proOptions={{ hideAttribution: true }}
          elevateNodesOnSelect={false}
          elevateEdgesOnSelect={false}
        >
          {/* Zoomed far out the dots crowd into noise, and redrawing them at every frame of a pan
            was what still made a large flow drop frames. */}
          {!zoomedOut && <Background variant={BackgroundVariant.Dots} gap={GRID * 2} size={1} color="#cbd5e1" />}
          <MiniMap
            pannable
            zoomable
            nodeColor={miniMapColor}
            nodeComponent={FlowMiniMapNode}
            nodeStrokeWidth={2}
            ariaLabel={t('canvas.overview')}
          />
          <Controls showInteractive={false} aria-label={t('canvas.zoomControls')} />
          <StickyLaneHeaders />
          <AlignmentGuides guides={guides} />
        </ReactFlow>
      </div>
    </OverviewContext.Provider>
  )
}

/**
 * A pan (middle button anywhere, right button on the background) captures the pointer on the
 * pane: the browser then sends every move there without hit-testing the thousands of shapes
 * under the pointer first, which was most of a frame's time in a large flow.
 */
function capturePan(event: PointerEvent): void {
  const pane = (event.target as Element).closest('.react-flow__pane')
  if (!pane) return
  if (event.button === 1 || (event.button === 2 && event.target === pane)) pane.setPointerCapture(event.pointerId)
}

/**
 * React Flow reports clicks and box selection as `select` changes; the selection lives in the
 * editor store, beside the document. Removals go through the editor's commands instead.
 */
function applySelectionChanges(
  store: EditorStore,
  changes: readonly (NodeChange | EdgeChange)[],
  kind: 'nodes' | 'edges',
): void {
  const selects = changes.filter((c): c is NodeSelectionChange => c.type === 'select' && !c.id.startsWith('lane:'))
  if (selects.length === 0) return
  const state = store.getState()
  const current = new Set(state.selection[kind])
  for (const c of selects) {
    if (c.selected) current.add(c.id)
    else current.delete(c.id)
  }
  const ids = [...current]
  const other = kind === 'nodes' ? state.selection.edges : state.selection.nodes
  const same = ids.length === state.selection[kind].length && ids.every((id) => state.selection[kind].includes(id))
  if (same) return
  state.select(kind === 'nodes' ? { nodes: ids, edges: other } : { nodes: other, edges: ids })
}

function miniMapColor(node: Node): string {
  if (node.type !== 'step') return 'transparent'
  return miniMapStepColor((node.data as StepData).node.kind)
}
