/**
 * Adapters between the document and React Flow: `toFlowNodes` and `toFlowEdges` build what
 * the canvas draws, reusing each step's view data while the step is unchanged (Immer keeps
 * unchanged objects identical), so a drag or an edit re-renders only what changed.
 */
import type { Edge, Node } from '@xyflow/react'
import type { FlowDocument, FlowNode, Point } from '../../shared/document/index.js'
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

export type StepFlowNode = Node<StepData, 'step'>
export type LaneFlowNode = Node<LaneData, 'lane'>
export type FlowEdgeView = Edge<EdgeData, 'flow'>

/** Above this many steps, edges are routed without looking for obstacles (that costs edges × steps). */
const OBSTACLE_LIMIT = 400

const stepCache = new WeakMap<FlowNode, { key: string; data: StepData }>()

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
  const lanes: LaneFlowNode[] = laneBands(doc).map((band, index) => ({
    id: `lane:${band.laneId}`,
    type: 'lane',
    position: { x: band.box.x, y: band.box.y },
    width: band.box.width,
    height: band.box.height,
    data: { band, index },
    draggable: false,
    selectable: false,
    focusable: false,
    zIndex: -1,
  }))
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
    const box = nodeBox(node)
    return {
      id: node.id,
      type: 'step',
      position: dragging.get(node.id) ?? node.position,
      width: box.width,
      height: box.height,
      data: cached.data,
      selected: selected.has(node.id),
      ariaLabel: `${node.kind} ${node.label}`,
    }
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
  const obstacles = doc.nodes.length <= OBSTACLE_LIMIT ? [...boxes.values()] : []
  const kinds = new Map(doc.nodes.map((n) => [n.id, n.kind]))
  const timeouts = new Set(doc.nodes.flatMap((n) => (n.timeout ? [n.timeout.edgeId] : [])))
  return doc.edges.flatMap((edge): FlowEdgeView[] => {
    const source = boxes.get(edge.source)
    const target = boxes.get(edge.target)
    if (!source || !target) return []
    const kind = kinds.get(edge.source)
    const moving = dragging.has(edge.source) || dragging.has(edge.target)
    const route = edgeRoute(
      source,
      target,
      moving ? [] : (edge.points ?? []),
      moving ? [] : obstacles,
      kind === 'decision' || kind === 'parallel',
    )
    const found = byEdge.get(edge.id)
    return [
      {
        id: edge.id,
        source: edge.source,
        target: edge.target,
        type: 'flow',
        selected: selected.has(edge.id),
        data: {
          route,
          text: edgeLabel(edge),
          timeout: timeouts.has(edge.id),
          ...(found ? { problem: worst(found) } : {}),
        },
      },
    ]
  })
}
