/**
 * Where each BPMN shape and edge goes, from Flowlane's own geometry (`shared/geometry`), so a
 * BPMN tool draws what Flowlane draws. Tasks, gateways and annotations keep their Flowlane
 * boxes; events are BPMN's 36 px circles centred in theirs; boundary timers sit on the bottom
 * border of their step; lanes are Flowlane's bands (right of a 30 px pool header), and edges
 * follow Flowlane's routes between these shapes. The importer calls the same functions to
 * tell whether a file's diagram is still the one Flowlane wrote.
 */
import type { FlowDocument, FlowNode } from '../../document/index.js'
import { edgeRoute, laneBands, nodeBox, type Box } from '../../geometry/index.js'
import type { Point } from '../../document/index.js'

export const EVENT_SIZE = 36
export const POOL_HEADER = 30
const POOL_MARGIN = 40

/** How a node is drawn in BPMN: an event (circle), or a shape filling its Flowlane box. */
export function isDrawnAsEvent(node: FlowNode): boolean {
  return node.kind === 'start' || node.kind === 'end' || (node.kind === 'wait' && !isWaitActivity(node))
}

/** A wait with a time limit or timeout is a receive task, which boundary timers can attach to. */
export function isWaitActivity(node: FlowNode): boolean {
  return node.kind === 'wait' && (node.timeLimit !== undefined || node.timeout !== undefined)
}

/** Steps BPMN treats as activities: they hold boundary timers and a potential owner. */
export function isActivity(node: FlowNode): boolean {
  return node.kind === 'task' || node.kind === 'approval' || node.kind === 'subprocess' || isWaitActivity(node)
}

export function shapeBox(node: FlowNode): Box {
  const box = nodeBox(node)
  if (!isDrawnAsEvent(node)) return box
  return {
    x: box.x + (box.width - EVENT_SIZE) / 2,
    y: box.y + (box.height - EVENT_SIZE) / 2,
    width: EVENT_SIZE,
    height: EVENT_SIZE,
  }
}

/** The node position whose shape is `box` (the inverse of `shapeBox`). */
export function positionFromShape(node: FlowNode, box: Box): Point {
  const { width, height } = nodeBox(node)
  if (!isDrawnAsEvent(node)) return { x: box.x, y: box.y }
  return { x: box.x + box.width / 2 - width / 2, y: box.y + box.height / 2 - height / 2 }
}

export type BoundaryRole = 'timeLimit' | 'timeout'

/** Boundary timers on the bottom border: the time limit at the left, the timeout at the right. */
export function boundaryBox(host: Box, role: BoundaryRole): Box {
  const inset = Math.min(20, Math.max(0, (host.width - 2 * EVENT_SIZE) / 4))
  const x = role === 'timeLimit' ? host.x + inset : host.x + host.width - inset - EVENT_SIZE
  return { x, y: host.y + host.height - EVENT_SIZE / 2, width: EVENT_SIZE, height: EVENT_SIZE }
}

export interface DiagramGeometry {
  readonly shapes: ReadonlyMap<string, Box>
  /** Boundary timers per node id. */
  readonly boundaries: ReadonlyMap<string, Partial<Record<BoundaryRole, Box>>>
  readonly waypoints: ReadonlyMap<string, readonly Point[]>
  readonly lanes: ReadonlyMap<string, Box>
  readonly participant: Box
}

/**
 * Every box and route of a document's BPMN diagram. `timeouts` says which nodes get an
 * interrupting boundary timer, whose outgoing flow is their timeout edge.
 */
export function diagramGeometry(doc: FlowDocument, timeouts: ReadonlySet<string>): DiagramGeometry {
  const shapes = new Map(doc.nodes.map((n) => [n.id, shapeBox(n)]))
  const boundaries = new Map<string, Partial<Record<BoundaryRole, Box>>>()
  for (const node of doc.nodes) {
    if (!isActivity(node)) continue
    const host = shapes.get(node.id)!
    const roles: Partial<Record<BoundaryRole, Box>> = {}
    if (node.timeLimit) roles.timeLimit = boundaryBox(host, 'timeLimit')
    if (timeouts.has(node.id)) roles.timeout = boundaryBox(host, 'timeout')
    if (roles.timeLimit || roles.timeout) boundaries.set(node.id, roles)
  }

  const obstacles = [...shapes.values()]
  const kinds = new Map(doc.nodes.map((n) => [n.id, n.kind]))
  const timeoutEdges = new Map<string, string>()
  for (const node of doc.nodes)
    if (node.timeout && timeouts.has(node.id)) timeoutEdges.set(node.timeout.edgeId, node.id)
  const waypoints = new Map<string, readonly Point[]>()
  for (const edge of doc.edges) {
    const timeoutOf = timeoutEdges.get(edge.id)
    const source = timeoutOf === edge.source ? boundaries.get(edge.source)?.timeout : shapes.get(edge.source)
    const target = shapes.get(edge.target)
    if (!source || !target) continue
    const kind = kinds.get(edge.source)
    const route = edgeRoute(source, target, edge.points, obstacles, kind === 'decision' || kind === 'parallel')
    waypoints.set(edge.id, route.points)
  }

  const bands = laneBands(doc).map((band) => ({ laneId: band.laneId, box: band.box }))
  const participant = participantBox(
    shapes,
    boundaries,
    waypoints,
    bands.map((b) => b.box),
  )
  // Lanes fill the pool: as wide as it is (right of its header), the first and last one
  // stretched to its top and bottom when steps or routes lie outside the bands.
  const lanes = new Map<string, Box>()
  bands.forEach(({ laneId, box }, index) => {
    const top = index === 0 ? participant.y : box.y
    const bottom = index === bands.length - 1 ? participant.y + participant.height : box.y + box.height
    lanes.set(laneId, {
      x: participant.x + POOL_HEADER,
      y: top,
      width: participant.width - POOL_HEADER,
      height: bottom - top,
    })
  })
  return { shapes, boundaries, waypoints, lanes, participant }
}

/** The pool: around every band, shape and route, with its header on the left. */
function participantBox(
  shapes: ReadonlyMap<string, Box>,
  boundaries: ReadonlyMap<string, Partial<Record<BoundaryRole, Box>>>,
  waypoints: ReadonlyMap<string, readonly Point[]>,
  bands: readonly Box[],
): Box {
  const boxes: Box[] = [...shapes.values()]
  for (const roles of boundaries.values()) for (const box of Object.values(roles)) boxes.push(box)
  for (const points of waypoints.values()) for (const p of points) boxes.push({ ...p, width: 0, height: 0 })
  if (boxes.length === 0 && bands.length === 0) return { x: 0, y: 0, width: 600, height: 200 }
  const margin = (b: Box): Box => ({
    x: b.x - POOL_MARGIN - POOL_HEADER,
    y: b.y - POOL_MARGIN,
    width: b.width + 2 * POOL_MARGIN + POOL_HEADER,
    height: b.height + 2 * POOL_MARGIN,
  })
  // Flowlane's bands already leave room for a header at their left.
  const all = [...boxes.map(margin), ...bands]
  const minX = Math.min(...all.map((b) => b.x))
  const minY = Math.min(...all.map((b) => b.y))
  const maxX = Math.max(...all.map((b) => b.x + b.width))
  const maxY = Math.max(...all.map((b) => b.y + b.height))
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY }
}
