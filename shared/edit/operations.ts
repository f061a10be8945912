/**
 * Every change the editor makes to a document, as an Immer recipe on a draft. The renderer
 * runs them through `produceWithPatches`, so undo/redo replays exact patches; the CLI and
 * tests can run them through `produce`. Each keeps the document loadable: references are
 * cleaned up with what they point to, ids stay unique.
 */
import { isDraft, original, type Draft } from 'immer'
import {
  DocumentSchema,
  EdgeSchema,
  LaneSchema,
  NodeSchema,
  RoleSchema,
  type FlowDocument,
  type FlowEdge,
  type FlowNode,
  type Lane,
  type NodeKind,
  type Point,
  type Role,
} from '../document/schema.js'
import { sameJson } from '../document/diffDocuments.js'
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

/**
 * `item` with `fields` set, `undefined` removing a key; the item itself is left alone. A plain
 * copy, so a schema can check it before anything changes.
 */
function merged(item: object, fields: object): Record<string, unknown> {
  const next: Record<string, unknown> = { ...item }
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) delete next[key]
    else next[key] = value
  }
  return next
}

/** Writes `fields` into a draft item, `undefined` removing a key. */
function assign(item: object, fields: object): void {
  const target = item as Record<string, unknown>
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) delete target[key]
    else target[key] = value
  }
}

/**
 * Replaces a step's fields; `undefined` removes an optional field. Id and kind are kept.
 * Refuses (returns false, changes nothing) what loading would refuse: a negative duration,
 * `min > mode`, an empty standard, a timeout through another step's edge, a bad colour…
 */
export function updateNode(doc: Doc, nodeId: string, fields: Partial<Omit<FlowNode, 'id'>>): boolean {
  const node = doc.nodes.find((n) => n.id === nodeId)
  if (!node) return false
  const next = merged(node, fields)
  if (!NodeSchema.safeParse(next).success) return false
  const timeout = next['timeout'] as FlowNode['timeout']
  if (timeout && !doc.edges.some((e) => e.id === timeout.edgeId && e.source === nodeId)) return false
  assign(node, fields)
  return true
}

/** Replaces an edge's label, probability (0..1), condition or bend points; refuses invalid values. */
export function updateEdge(
  doc: Doc,
  edgeId: string,
  fields: Partial<Omit<FlowEdge, 'id' | 'source' | 'target'>>,
): boolean {
  const edge = doc.edges.find((e) => e.id === edgeId)
  if (!edge || !EdgeSchema.safeParse(merged(edge, fields)).success) return false
  assign(edge, fields)
  return true
}

/**
 * The edges among which a step's cases are shared out by probability: its outgoing edges
 * except the one its timeout uses.
 */
export function branchesOf(doc: FlowDocument | Doc, nodeId: string): FlowEdge[] {
  const timeoutEdge = doc.nodes.find((n) => n.id === nodeId)?.timeout?.edgeId
  return doc.edges.filter((e) => e.source === nodeId && e.id !== timeoutEdge)
}

/**
 * Makes the branches that share an edge's source add up to 100 %: the rest is shared
 * equally among the branches without a probability; when every branch has one, they are
 * scaled to fit. Shares are rounded to 0.01 %, the last branch taking what rounding left.
 */
export function balanceProbabilities(doc: Doc, edgeId: string): void {
  const edge = doc.edges.find((e) => e.id === edgeId)
  if (!edge) return
  const branches = branchesOf(doc, edge.source)
  if (branches.length === 0) return
  const unset = branches.filter((e) => e.probability === undefined)
  const setSum = branches.reduce((sum, e) => sum + (e.probability ?? 0), 0)
  let shares: number[]
  if (unset.length > 0 && setSum <= 1) {
    shares = branches.map((e) => e.probability ?? (1 - setSum) / unset.length)
  } else if (setSum > 0) {
    shares = branches.map((e) => (e.probability ?? 0) / setSum)
  } else {
    shares = branches.map(() => 1 / branches.length)
  }
  const rounded = shares.map((p) => Math.round(p * 10000) / 10000)
  const rest = Math.round((1 - rounded.slice(0, -1).reduce((a, b) => a + b, 0)) * 10000) / 10000
  rounded[rounded.length - 1] = Math.min(1, Math.max(0, rest))
  branches.forEach((branch, i) => {
    if (branch.probability !== rounded[i]) branch.probability = rounded[i]!
  })
}

/** Sets or clears a step's timeout; the edge must be one of the step's own outgoing edges. */
export function setStepTimeout(doc: Doc, nodeId: string, timeout: FlowNode['timeout']): boolean {
  return updateNode(doc, nodeId, { timeout })
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

/** Renames a lane, changes its role or height; refuses an empty role id or a height ≤ 0. */
export function updateLane(doc: Doc, laneId: string, fields: Partial<Omit<Lane, 'id'>>): boolean {
  const lane = doc.lanes.find((l) => l.id === laneId)
  if (!lane || !LaneSchema.safeParse(merged(lane, fields)).success) return false
  assign(lane, fields)
  return true
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

/** Renames a role or changes its headcount (whole, ≥ 1) or cost per hour (≥ 0); refuses other values. */
export function updateRole(doc: Doc, roleId: string, fields: Partial<Omit<Role, 'id'>>): boolean {
  const role = doc.roles.find((r) => r.id === roleId)
  if (!role || !RoleSchema.safeParse(merged(role, fields)).success) return false
  assign(role, fields)
  return true
}

/** What still names a role, in words: the steps it owns or approves, the lanes it stands for. */
export function roleUsage(doc: FlowDocument | Doc, roleId: string): string[] {
  const uses: string[] = []
  for (const node of doc.nodes) {
    if (node.owner === roleId) uses.push(`owner of “${node.label || node.id}”`)
    if (node.approvers?.includes(roleId)) uses.push(`approver of “${node.label || node.id}”`)
  }
  for (const lane of doc.lanes) if (lane.roleId === roleId) uses.push(`role of lane “${lane.name || lane.id}”`)
  return uses
}

/** Removes a role nothing names any more; refuses (returns what still uses it) otherwise. */
export function removeRole(doc: Doc, roleId: string): string[] {
  const uses = roleUsage(doc, roleId)
  if (uses.length === 0) doc.roles = doc.roles.filter((r) => r.id !== roleId)
  return uses
}

/** The document's own settings that the inspector edits. */
export type DocumentFields = Partial<
  Pick<FlowDocument, 'name' | 'description' | 'locale' | 'currency' | 'calendar' | 'simulation'>
>

/**
 * Changes the document's name, description, locale, currency, calendar or simulation
 * settings; `undefined` removes an optional one. Refuses what loading would refuse.
 */
export function updateDocument(doc: Doc, fields: DocumentFields): boolean {
  const shape = DocumentSchema.shape
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) {
      if (key === 'name') return false
      continue
    }
    if (!shape[key as keyof DocumentFields].safeParse(value).success) return false
  }
  assign(doc, fields)
  return true
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

/**
 * Makes the document equal to `next` (restoring a saved version): keys that differ are
 * replaced, keys `next` lacks are removed. Run through `produceWithPatches`, it is one step
 * whose inverse patches give back the document as it was, exactly.
 */
export function replaceDocument(doc: Doc, next: FlowDocument): void {
  const target = doc as Record<string, unknown>
  // Compared on the draft's base object: reading through the draft would proxy every step.
  const base = ((isDraft(doc) ? original(doc) : doc) ?? doc) as Record<string, unknown>
  const source = next as Record<string, unknown>
  for (const key of Object.keys(base)) if (!Object.hasOwn(source, key)) delete target[key]
  for (const [key, value] of Object.entries(source)) {
    if (!sameJson(base[key], value)) target[key] = clone(value)
  }
}
