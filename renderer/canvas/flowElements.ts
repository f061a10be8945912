/**
 * Adapters between the document and React Flow: `toFlowNodes` and `toFlowEdges` build what
 * the canvas draws, reusing each step's and edge's view object while it is unchanged (Immer
 * keeps unchanged objects identical), so a drag or an edit re-renders only what changed.
 *
 * React Flow keeps its internal node (and skips re-rendering it) only while it gets the very
 * same node object; a new object without `measured` sizes and `handles` also counts as never
 * measured, and every such node is mounted — visible or not — until the DOM has measured it.
 * So each step says its size and handles, which the shared geometry knows exactly.
 */
import { Position, type Edge, type Node, type NodeHandle } from '@xyflow/react'
import type { FlowDocument, FlowEdge, FlowNode, Point } from '../../shared/document/index.js'
import {
  edgeLabel,
  edgeRoute,
  labelLayout,
  laneBands,
  nodeBadges,
  nodeBox,
  type Badge,
  type Box,
  type EdgeRoute,
  type LabelLayout,
  type LaneBand,
} from '../../shared/geometry/index.js'
import type { Problem, Severity } from '../../shared/validate/index.js'

export interface StepData extends Record<string, unknown> {
  readonly node: FlowNode
  readonly label: LabelLayout
  readonly badges: readonly Badge[]
  readonly problem?: { readonly severity: Severity; readonly messages: readonly string[] }
}

export interface LaneData extends Record<string, unknown> {
  readonly band: LaneBand
  readonly index: number
}

export interface EdgeData extends Record<string, unknown> {
  readonly route: EdgeRoute
  readonly text: string
  readonly timeout: boolean
  readonly problem?: Severity
}

export interface EdgeLayerData extends Record<string, unknown> {
  readonly edges: readonly FlowEdgeView[]
  readonly bounds: Box
}

export interface StepOverviewData extends Record<string, unknown> {
  readonly steps: readonly StepFlowNode[]
  readonly bounds: Box
}

export type StepFlowNode = Node<StepData, 'step'>
export type StepOverviewFlowNode = Node<StepOverviewData, 'overview'>
export type EdgeLayerFlowNode = Node<EdgeLayerData, 'edges'>
export type LaneFlowNode = Node<LaneData, 'lane'>
export type FlowEdgeView = Edge<EdgeData, 'flow'>

/** Above this many steps, edges are routed without looking for obstacles (that costs edges × steps). */
const OBSTACLE_LIMIT = 400

const stepCache = new WeakMap<FlowNode, { key: string; data: StepData; view?: StepFlowNode }>()
const edgeCache = new WeakMap<FlowEdge, { key: string; view: FlowEdgeView }>()
let laneCache: LaneFlowNode[] = []

/** Side of a handle's square (styles.css: `.step .react-flow__handle`). */
const HANDLE = 9

/** The four handles StepNode draws, centred on the middle of each side, in the node's coordinates. */
function stepHandles(kind: FlowNode['kind'], width: number, height: number): NodeHandle[] {
  if (kind === 'note') return []
  const at = (id: string, type: 'source' | 'target', position: Position, cx: number, cy: number): NodeHandle => ({
    id,
    type,
    position,
    x: cx - HANDLE / 2,
    y: cy - HANDLE / 2,
    width: HANDLE,
    height: HANDLE,
  })
  return [
    at('in', 'target', Position.Left, 0, height / 2),
    at('out', 'source', Position.Right, width, height / 2),
    at('in-top', 'target', Position.Top, width / 2, 0),
    at('out-bottom', 'source', Position.Bottom, width / 2, height),
  ]
}

const sameBand = (a: LaneBand, b: LaneBand) =>
  a.laneId === b.laneId &&
  a.name === b.name &&
  a.roleName === b.roleName &&
  a.box.x === b.box.x &&
  a.box.y === b.box.y &&
  a.box.width === b.box.width &&
  a.box.height === b.box.height

function problemsByElement(problems: readonly Problem[]): {
  nodes: Map<string, Problem[]>
  edges: Map<string, Problem[]>
} {
  const nodes = new Map<string, Problem[]>()
  const edges = new Map<string, Problem[]>()
  for (const p of problems) {
    if (p.nodeId !== undefined && p.edgeId === undefined) nodes.set(p.nodeId, [...(nodes.get(p.nodeId) ?? []), p])
    if (p.edgeId !== undefined) edges.set(p.edgeId, [...(edges.get(p.edgeId) ?? []), p])
  }
  return { nodes, edges }
}

const worst = (problems: readonly Problem[]): Severity =>
  problems.some((p) => p.severity === 'error')
    ? 'error'
    : problems.some((p) => p.severity === 'warning')
      ? 'warning'
      : 'info'

export function toFlowNodes(
  doc: FlowDocument,
  problems: readonly Problem[],
  selected: ReadonlySet<string>,
  dragging: ReadonlyMap<string, Point>,
): (StepFlowNode | LaneFlowNode)[] {
  const byNode = problemsByElement(problems).nodes
  // Badges name roles and format durations by locale: a change to either redraws every step.
  const context = `${doc.locale ?? ''}|${doc.roles.map((r) => `${r.id}=${r.name}`).join(',')}`
  const lanes: LaneFlowNode[] = laneBands(doc).map((band, index) => {
    const cached = laneCache[index]
    if (cached && sameBand(cached.data.band, band)) return cached
    return {
      id: `lane:${band.laneId}`,
      type: 'lane',
      position: { x: band.box.x, y: band.box.y },
      width: band.box.width,
      height: band.box.height,
      measured: { width: band.box.width, height: band.box.height },
      handles: [],
      data: { band, index },
      draggable: false,
      selectable: false,
      focusable: false,
      zIndex: -1,
    }
  })
  laneCache = lanes
  const steps = doc.nodes.map((node): StepFlowNode => {
    const found = byNode.get(node.id)
    const key = `${context}|${found ? found.map((p) => p.message).join('\n') : ''}`
    let cached = stepCache.get(node)
    if (!cached || cached.key !== key) {
      const data: StepData = {
        node,
        label: labelLayout(node, doc),
        badges: nodeBadges(node, doc),
        ...(found ? { problem: { severity: worst(found), messages: found.map((p) => p.message) } } : {}),
      }
      cached = { key, data }
      stepCache.set(node, cached)
    }
    const position = dragging.get(node.id) ?? node.position
    const isSelected = selected.has(node.id)
    if (cached.view && cached.view.position === position && cached.view.selected === isSelected) return cached.view
    const box = nodeBox(node)
    cached.view = {
      id: node.id,
      type: 'step',
      position,
      width: box.width,
      height: box.height,
      measured: { width: box.width, height: box.height },
      handles: stepHandles(node.kind, box.width, box.height),
      data: cached.data,
      selected: isSelected,
      ariaLabel: `${node.kind} ${node.label}`,
    }
    return cached.view
  })
  return [...lanes, ...steps]
}

export function toFlowEdges(
  doc: FlowDocument,
  problems: readonly Problem[],
  selected: ReadonlySet<string>,
  dragging: ReadonlyMap<string, Point>,
): FlowEdgeView[] {
  const byEdge = problemsByElement(problems).edges
  const boxes = new Map<string, Box>()
  for (const node of doc.nodes) {
    const box = nodeBox(node)
    const moved = dragging.get(node.id)
    boxes.set(node.id, moved ? { ...box, x: moved.x, y: moved.y } : box)
  }
  // Routes around obstacles depend on every step's box: they are worked out again, and a view
  // object is still reused when its route came out the same.
  const obstacles = doc.nodes.length <= OBSTACLE_LIMIT ? [...boxes.values()] : []
  const kinds = new Map(doc.nodes.map((n) => [n.id, n.kind]))
  const timeouts = new Set(doc.nodes.flatMap((n) => (n.timeout ? [n.timeout.edgeId] : [])))
  const boxKey = (b: Box) => `${b.x},${b.y},${b.width},${b.height}`
  return doc.edges.flatMap((edge): FlowEdgeView[] => {
    const source = boxes.get(edge.source)
    const target = boxes.get(edge.target)
    if (!source || !target) return []
    const kind = kinds.get(edge.source)
    const moving = dragging.has(edge.source) || dragging.has(edge.target)
    const found = byEdge.get(edge.id)
    const problem = found ? worst(found) : undefined
    const isSelected = selected.has(edge.id)
    const isTimeout = timeouts.has(edge.id)
    const key = [boxKey(source), boxKey(target), kind, moving, problem, isSelected, isTimeout].join('|')
    const cached = edgeCache.get(edge)
    if (cached && cached.key === key && obstacles.length === 0) return [cached.view]
    const route = edgeRoute(
      source,
      target,
      moving ? [] : (edge.points ?? []),
      moving ? [] : obstacles,
      kind === 'decision' || kind === 'parallel',
    )
    if (cached && cached.key === key && sameRoute(cached.view.data!.route, route)) return [cached.view]
    const view: FlowEdgeView = {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      type: 'flow',
      selected: isSelected,
      data: {
        route,
        text: edgeLabel(edge),
        timeout: isTimeout,
        ...(problem ? { problem } : {}),
      },
    }
    edgeCache.set(edge, { key, view })
    return [view]
  })
}

export const EDGE_LAYER_ID = 'edges:layer'
export const STEP_OVERVIEW_ID = 'overview:layer'

/** A one-SVG layer drawn as a node of its own: fixed, not selectable, sized to its content. */
function layerNode<T extends 'edges' | 'overview', D extends Record<string, unknown>>(
  id: string,
  type: T,
  box: Box,
  data: D,
  zIndex?: number,
): Node<D & { bounds: Box }, T> {
  return {
    id,
    type,
    position: { x: box.x, y: box.y },
    width: box.width,
    height: box.height,
    measured: { width: box.width, height: box.height },
    handles: [],
    data: { ...data, bounds: box },
    draggable: false,
    selectable: false,
    focusable: false,
    connectable: false,
    ...(zIndex === undefined ? {} : { zIndex }),
  }
}

const sameItems = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i])

let edgeLayerCache: EdgeLayerFlowNode | undefined
let overviewCache: StepOverviewFlowNode | undefined

/**
 * Splits the edges: the selected ones for React Flow to draw (it gives them reconnect ends),
 * the rest for the edge layer, a node of its own after the lanes and before the steps. The
 * layer node is the same object while its edges are, so a change elsewhere leaves it alone.
 */
export function splitEdges(
  edges: readonly FlowEdgeView[],
  bounds: (edges: readonly FlowEdgeView[]) => Box,
): { flowEdges: FlowEdgeView[]; layer: EdgeLayerFlowNode } {
  const flowEdges = edges.filter((e) => e.selected)
  const layered = edges.filter((e) => !e.selected)
  if (!edgeLayerCache || !sameItems(edgeLayerCache.data.edges, layered))
    edgeLayerCache = layerNode(EDGE_LAYER_ID, 'edges', bounds(layered), { edges: layered }, -1)
  return { flowEdges, layer: edgeLayerCache }
}

/** The overview layer's node (StepOverview.tsx): the same object while its steps are. */
export function stepOverviewNode(
  steps: readonly StepFlowNode[],
  bounds: (steps: readonly StepFlowNode[]) => Box,
): StepOverviewFlowNode {
  if (!overviewCache || !sameItems(overviewCache.data.steps, steps))
    overviewCache = layerNode(STEP_OVERVIEW_ID, 'overview', bounds(steps), { steps })
  return overviewCache
}

function sameRoute(a: EdgeRoute, b: EdgeRoute): boolean {
  return (
    a.labelAt.x === b.labelAt.x &&
    a.labelAt.y === b.labelAt.y &&
    a.points.length === b.points.length &&
    a.points.every((p, i) => p.x === b.points[i]!.x && p.y === b.points[i]!.y)
  )
}
