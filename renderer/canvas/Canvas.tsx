import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  Controls,
  MiniMap,
  ReactFlow,
  SelectionMode,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type Node,
  type NodeChange,
  type NodeSelectionChange,
} from '@xyflow/react'
import { useCallback, useEffect, useMemo, useState, type DragEvent } from 'react'
import type { NodeKind, Point } from '../../shared/document/index.js'
import { addNode, connect, moveNodes, reconnect, resizeLane } from '../../shared/edit/operations.js'
import { useEditor, useEditorStore } from '../app/EditorContext.js'
import type { EditorStore } from '../app/store.js'
import { FlowEdge, EdgeMarkers } from './FlowEdge.js'
import { laneCallbacks, LaneNode } from './LaneNode.js'
import { StepNode } from './StepNode.js'
import { toFlowEdges, toFlowNodes, type StepData } from './flowElements.js'
import { defaultLabel, PALETTE_MIME } from '../panels/Palette.js'
import { useT } from '../i18n/index.js'

const nodeTypes = { step: StepNode, lane: LaneNode }
const edgeTypes = { flow: FlowEdge }
export const GRID = 10

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

  const selectedNodes = useMemo(() => new Set(selection.nodes), [selection.nodes])
  const selectedEdges = useMemo(() => new Set(selection.edges), [selection.edges])
  const nodes = useMemo(
    () => toFlowNodes(doc, problems, selectedNodes, dragging),
    [doc, problems, selectedNodes, dragging],
  )
  const edges = useMemo(
    () => toFlowEdges(doc, problems, selectedEdges, dragging),
    [doc, problems, selectedEdges, dragging],
  )

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
      const moved = changes.filter((c) => c.type === 'position' && c.position && c.dragging)
      if (moved.length > 0) {
        setDragging((current) => {
          const next = new Map(current)
          for (const c of moved) if (c.type === 'position' && c.position) next.set(c.id, c.position)
          return next
        })
      }
      applySelectionChanges(store, changes, 'nodes')
    },
    [store],
  )

  const onEdgesChange = useCallback((changes: EdgeChange[]) => applySelectionChanges(store, changes, 'edges'), [store])

  const onNodeDragStop = useCallback(
    (_event: unknown, _node: Node, dragged: Node[]) => {
      const moves = new Map<string, Point>()
      for (const n of dragged) if (n.type === 'step') moves.set(n.id, n.position)
      setDragging(new Map())
      const changed = [...moves].some(([id, p]) => {
        const current = store.getState().doc.nodes.find((n) => n.id === id)?.position
        return !current || current.x !== Math.round(p.x) || current.y !== Math.round(p.y)
      })
      if (changed) store.getState().apply(moves.size > 1 ? 'Move steps' : 'Move step', (d) => moveNodes(d, moves))
    },
    [store],
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
      const center = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY })
      const id = store
        .getState()
        .apply('Add step', (d) => addNode(d, { kind, label: defaultLabel(kind, d.locale), center }))
      if (id) store.getState().select({ nodes: [id], edges: [] })
    },
    [flow, store],
  )

  return (
    <div className="canvas" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <EdgeMarkers />
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
        snapToGrid
        snapGrid={[GRID, GRID]}
        onlyRenderVisibleElements
        minZoom={0.1}
        maxZoom={3}
        fitView
        fitViewOptions={{ padding: 0.08 }}
        proOptions={{ hideAttribution: true }}
        elevateNodesOnSelect={false}
        elevateEdgesOnSelect={false}
      >
        <Background variant={BackgroundVariant.Dots} gap={GRID * 2} size={1} color="#cbd5e1" />
        <MiniMap pannable zoomable nodeColor={miniMapColor} nodeStrokeWidth={2} ariaLabel={t('canvas.overview')} />
        <Controls showInteractive={false} aria-label={t('canvas.zoomControls')} />
      </ReactFlow>
    </div>
  )
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
  if (node.type === 'lane') return 'transparent'
  const kind = (node.data as StepData).node.kind
  return kind === 'decision' ? '#e9c46a' : kind === 'end' ? '#94a3b8' : kind === 'start' ? '#86efac' : '#93c5fd'
}
