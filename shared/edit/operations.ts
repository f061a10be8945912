/**
 * Every change the editor makes to a document, as an Immer recipe on a draft. The renderer
 * runs them through `produceWithPatches`, so undo/redo replays exact patches; the CLI and
 * tests can run them through `produce`. Each keeps the document loadable: references are
 * cleaned up with what they point to, ids stay unique.
 */
import type { Draft } from 'immer'
import type { FlowDocument, FlowEdge, FlowNode, Lane, NodeKind, Point, Role } from '../document/schema.js'
import { DEFAULT_SIZES } from '../geometry/geometry.js'

type Doc = Draft<FlowDocument>

/** An id not yet used in `taken`, from a readable stem: `task`, `task-2`, `task-3`… */
export function freshId(stem: string, taken: ReadonlySet<string>): string {
  const base =
    stem
      .toLowerCase()
      .replace(/[^a-z0-9\u4e00-\u9fff]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'item'
  if (!taken.has(base)) return base
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`
}

function allIds(doc: FlowDocument | Doc): Set<string> {
  return new Set([
    ...doc.nodes.map((n) => n.id),
    ...doc.edges.map((e) => e.id),
    ...doc.lanes.map((l) => l.id),
    ...doc.roles.map((r) => r.id),
  ])
}

/** The lane whose band holds a y coordinate (lanes stack from y = 0). */
export function laneAt(doc: FlowDocument | Doc, y: number): Lane | undefined {
  let top = 0
  for (const lane of doc.lanes) {
    const height = lane.height ?? 200
    if (y >= top && y < top + height) return lane
    top += height
  }
  return undefined
}

export interface NewNode {
  readonly kind: NodeKind
  readonly label: string
  /** Centre of the new step, in canvas coordinates. */
  readonly center: Point
  readonly id?: string
}

/** Adds a step centred on a point, in the lane under it, owned by that lane's role. Returns its id. */
export function addNode(doc: Doc, input: NewNode): string {
  const id = input.id && !allIds(doc).has(input.id) ? input.id : freshId(input.kind, allIds(doc))
  const size = DEFAULT_SIZES[input.kind]
  const node: FlowNode = {
    id,
    kind: input.kind,
    label: input.label,
    position: { x: Math.round(input.center.x - size.width / 2), y: Math.round(input.center.y - size.height / 2) },
  }
  const lane = laneAt(doc, input.center.y)
  if (lane) {
    node.laneId = lane.id
    if (lane.roleId && (input.kind === 'task' || input.kind === 'subprocess' || input.kind === 'approval'))
      node.owner = lane.roleId
  }
  if (input.kind === 'end') node.outcome = 'won'
  doc.nodes.push(node)
  return id
}

/** Connects two steps; refuses a duplicate of an existing edge. Returns the edge id, or undefined. */
export function connect(doc: Doc, source: string, target: string): string | undefined {
  if (!doc.nodes.some((n) => n.id === source) || !doc.nodes.some((n) => n.id === target)) return undefined
  if (doc.edges.some((e) => e.source === source && e.target === target)) return undefined
  const id = freshId('e', allIds(doc))
  doc.edges.push({ id, source, target })
  return id
}

/** Points an edge at another source or target. */
export function reconnect(doc: Doc, edgeId: string, source: string, target: string): void {
  const edge = doc.edges.find((e) => e.id === edgeId)
  if (!edge) return
  const oldSource = edge.source
  edge.source = source
  edge.target = target
  delete edge.points
  // A timeout edge belongs to its step: moving it away removes the timeout.
  if (oldSource !== source) {
    const step = doc.nodes.find((n) => n.id === oldSource)
    if (step?.timeout?.edgeId === edgeId) delete step.timeout
  }
}

/** Deletes steps (with their edges) and edges, and every reference to them. */
export function deleteElements(doc: Doc, nodeIds: Iterable<string>, edgeIds: Iterable<string> = []): void {
  const nodes = new Set(nodeIds)
  const edges = new Set(edgeIds)
  for (const e of doc.edges) if (nodes.has(e.source) || nodes.has(e.target)) edges.add(e.id)
  doc.nodes = doc.nodes.filter((n) => !nodes.has(n.id))
  doc.edges = doc.edges.filter((e) => !edges.has(e.id))
  for (const n of doc.nodes) if (n.timeout && edges.has(n.timeout.edgeId)) delete n.timeout
}

/** Moves steps to new top-left positions; a step whose centre lands in another lane joins it. */
export function moveNodes(doc: Doc, moves: ReadonlyMap<string, Point>): void {
  for (const node of doc.nodes) {
    const to = moves.get(node.id)
    if (!to) continue
    node.position = { x: Math.round(to.x), y: Math.round(to.y) }
    const size = node.size ?? DEFAULT_SIZES[node.kind]
    const lane = laneAt(doc, node.position.y + size.height / 2)
    if (lane && lane.id !== node.laneId) moveToLane(doc, node.id, lane.id)
  }
}

/** Puts a step in a lane; a work step takes the lane's role as its owner, as the lane says who does it. */
export function moveToLane(doc: Doc, nodeId: string, laneId: string): void {
  const node = doc.nodes.find((n) => n.id === nodeId)
  const lane = doc.lanes.find((l) => l.id === laneId)
  if (!node || !lane) return
  node.laneId = lane.id
  if (
    lane.roleId &&
    (node.kind === 'task' || node.kind === 'subprocess' || (node.kind === 'approval' && !node.approvers?.length))
  ) {
    node.owner = lane.roleId
  }
}

/** Replaces a step's fields; `undefined` removes an optional field. Id and kind are kept. */
export function updateNode(doc: Doc, nodeId: string, fields: Partial<Omit<FlowNode, 'id'>>): void {
  const node = doc.nodes.find((n) => n.id === nodeId) as Record<string, unknown> | undefined
  if (!node) return
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) delete node[key]
    else node[key] = value
  }
}

export function updateEdge(
  doc: Doc,
  edgeId: string,
  fields: Partial<Omit<FlowEdge, 'id' | 'source' | 'target'>>,
): void {
  const edge = doc.edges.find((e) => e.id === edgeId) as Record<string, unknown> | undefined
  if (!edge) return
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) delete edge[key]
    else edge[key] = value
  }
}

/** Adds a lane below the others, with a new role of the same name unless one is given. */
export function addLane(doc: Doc, name: string, roleId?: string): string {
  const ids = allIds(doc)
  const id = freshId(`lane-${name}`, ids)
  let role = roleId
  if (role === undefined) {
    role = freshId(name, new Set([...ids, id]))
    doc.roles.push({ id: role, name, headcount: 1 })
  }
  doc.lanes.push({ id, name, roleId: role, height: 200 })
  return id
}

export function updateLane(doc: Doc, laneId: string, fields: Partial<Omit<Lane, 'id'>>): void {
  const lane = doc.lanes.find((l) => l.id === laneId) as Record<string, unknown> | undefined
  if (!lane) return
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) delete lane[key]
    else lane[key] = value
  }
}

/**
 * Moves a lane up or down; the steps drawn in it move with their band, so every step
 * stays in its lane.
 */
export function moveLane(doc: Doc, laneId: string, by: -1 | 1): void {
  const index = doc.lanes.findIndex((l) => l.id === laneId)
  const other = index + by
  if (index < 0 || other < 0 || other >= doc.lanes.length) return
  const [a, b] = by < 0 ? [other, index] : [index, other]
  const laneA = doc.lanes[a]!
  const laneB = doc.lanes[b]!
  const heightA = laneA.height ?? 200
  const heightB = laneB.height ?? 200
  for (const node of doc.nodes) {
    if (node.laneId === laneA.id) node.position.y += heightB
    else if (node.laneId === laneB.id) node.position.y -= heightA
  }
  doc.lanes[a] = laneB
  doc.lanes[b] = laneA
}

/** Changes a lane's height; the steps of the lanes below move with their bands. */
export function resizeLane(doc: Doc, laneId: string, height: number): void {
  const index = doc.lanes.findIndex((l) => l.id === laneId)
  if (index < 0) return
  const lane = doc.lanes[index]!
  const next = Math.max(60, Math.round(height))
  const delta = next - (lane.height ?? 200)
  lane.height = next
  const below = new Set(doc.lanes.slice(index + 1).map((l) => l.id))
  for (const node of doc.nodes) if (node.laneId !== undefined && below.has(node.laneId)) node.position.y += delta
}

/** Removes a lane; its steps stay where they are, without a lane. */
export function removeLane(doc: Doc, laneId: string): void {
  const index = doc.lanes.findIndex((l) => l.id === laneId)
  if (index < 0) return
  const height = doc.lanes[index]!.height ?? 200
  const below = new Set(doc.lanes.slice(index + 1).map((l) => l.id))
  doc.lanes.splice(index, 1)
  for (const node of doc.nodes) {
    if (node.laneId === laneId) delete node.laneId
    else if (node.laneId !== undefined && below.has(node.laneId)) node.position.y -= height
  }
}

export function addRole(doc: Doc, name: string): string {
  const id = freshId(name, allIds(doc))
  doc.roles.push({ id, name, headcount: 1 })
  return id
}

export function updateRole(doc: Doc, roleId: string, fields: Partial<Omit<Role, 'id'>>): void {
  const role = doc.roles.find((r) => r.id === roleId) as Record<string, unknown> | undefined
  if (!role) return
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) delete role[key]
    else role[key] = value
  }
}

/** A deep copy of plain document data (no Dates, Maps or functions live in a document). */
function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

/**
 * Pastes copied steps and the edges between them, offset and with fresh ids, so the same
 * clipboard pastes into this or another document. Returns the new node ids.
 */
export function pasteElements(
  doc: Doc,
  nodes: readonly FlowNode[],
  edges: readonly FlowEdge[],
  offset: Point,
): string[] {
  const taken = allIds(doc)
  const idMap = new Map<string, string>()
  const laneIds = new Set(doc.lanes.map((l) => l.id))
  const roleIds = new Set(doc.roles.map((r) => r.id))
  for (const node of nodes) {
    const id = freshId(node.id, taken)
    taken.add(id)
    idMap.set(node.id, id)
    const copy = clone(node)
    copy.id = id
    copy.position = { x: node.position.x + offset.x, y: node.position.y + offset.y }
    // References into another document's lanes and roles are dropped rather than left dangling.
    if (copy.laneId !== undefined && !laneIds.has(copy.laneId)) delete copy.laneId
    if (copy.owner !== undefined && !roleIds.has(copy.owner)) delete copy.owner
    delete copy.timeout
    doc.nodes.push(copy)
  }
  for (const edge of edges) {
    const source = idMap.get(edge.source)
    const target = idMap.get(edge.target)
    if (!source || !target) continue
    const id = freshId(edge.id, taken)
    taken.add(id)
    const copy: FlowEdge = { ...clone(edge), id, source, target }
    delete copy.points
    doc.edges.push(copy)
  }
  // Timeouts survive when their edge was copied too.
  for (const node of nodes) {
    if (!node.timeout) continue
    const edge = edges.find((e) => e.id === node.timeout!.edgeId)
    const copied =
      edge && idMap.has(edge.target)
        ? doc.edges.find((e) => e.source === idMap.get(node.id) && e.target === idMap.get(edge.target))
        : undefined
    if (copied)
      doc.nodes.find((n) => n.id === idMap.get(node.id))!.timeout = { after: node.timeout.after, edgeId: copied.id }
  }
  return [...idMap.values()]
}
