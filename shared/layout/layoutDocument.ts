/**
 * Automatic layout with elkjs (layered). Without lanes, ELK places every node, left to right
 * or top down. With lanes, ELK decides the columns (the order of work) and each lane is a
 * horizontal band: a step sits in its lane's band, in rows that grow the band when several
 * steps of a lane share a column. Deterministic: the same document gives the same positions.
 */
import ELK from 'elkjs/lib/elk.bundled.js'
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api'
import { produce } from 'immer'
import type { FlowDocument } from '../document/schema.js'
import { LANE, nodeSize } from '../geometry/geometry.js'

export type LayoutDirection = 'LR' | 'TB'

export interface LayoutOptions {
  /** Left to right (default) or top down; flows with lanes are always laid out left to right. */
  readonly direction?: LayoutDirection
}

const NODE_GAP = 40
const LAYER_GAP = 80
const ORIGIN = { x: LANE.headerWidth + LANE.marginLeft, y: 40 }

const elk = new ELK()

export async function layoutDocument(doc: FlowDocument, options: LayoutOptions = {}): Promise<FlowDocument> {
  const lanes = doc.lanes.length > 0
  const direction = lanes ? 'LR' : (options.direction ?? 'LR')
  const placed = await runElk(doc, direction)
  const { positions, heights } = lanes
    ? bandPositions(doc, placed)
    : { positions: placed, heights: new Map<string, number>() }
  return produce(doc, (draft) => {
    for (const node of draft.nodes) {
      const p = positions.get(node.id)
      if (p) node.position = { x: p.x, y: p.y }
    }
    // Old bend points belong to old positions; the geometry routes edges afresh.
    for (const edge of draft.edges) delete edge.points
    for (const lane of draft.lanes) {
      const height = heights.get(lane.id)
      if (height !== undefined) lane.height = height
    }
  })
}

/** Positions per node id, as ELK placed them (shifted to the drawing's origin). */
async function runElk(doc: FlowDocument, direction: LayoutDirection): Promise<Map<string, { x: number; y: number }>> {
  const ids = new Set(doc.nodes.map((n) => n.id))
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': direction === 'LR' ? 'RIGHT' : 'DOWN',
      'elk.spacing.nodeNode': String(NODE_GAP),
      'elk.layered.spacing.nodeNodeBetweenLayers': String(LAYER_GAP),
      'elk.spacing.componentComponent': String(NODE_GAP),
      'elk.edgeRouting': 'ORTHOGONAL',
      // Keep the document's order where ELK has a free choice: stable, and close to the author's intent.
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.layered.crossingMinimization.forceNodeModelOrder': 'false',
      'elk.randomSeed': '1',
    },
    children: doc.nodes.map((n) => ({ id: n.id, ...nodeSize(n) })),
    edges: doc.edges
      .filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target)
      .map((e): ElkExtendedEdge => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  }
  const result = await elk.layout(graph)
  const positions = new Map<string, { x: number; y: number }>()
  for (const child of result.children ?? []) {
    positions.set(child.id, { x: Math.round((child.x ?? 0) + ORIGIN.x), y: Math.round((child.y ?? 0) + ORIGIN.y) })
  }
  return positions
}

/**
 * Keeps ELK's columns and puts each step in its lane's band. Within a lane, steps that would
 * overlap in x go to further rows (in ELK's vertical order); steps without a lane get a band
 * of their own below the lanes.
 */
function bandPositions(
  doc: FlowDocument,
  placed: Map<string, { x: number; y: number }>,
): { positions: Map<string, { x: number; y: number }>; heights: Map<string, number> } {
  const laneIndex = new Map(doc.lanes.map((l, i) => [l.id, i]))
  const groups: string[][] = doc.lanes.map(() => [])
  const unlaned: string[] = []
  for (const node of doc.nodes) {
    const i = node.laneId === undefined ? undefined : laneIndex.get(node.laneId)
    if (i === undefined) unlaned.push(node.id)
    else groups[i]!.push(node.id)
  }
  const nodeById = new Map(doc.nodes.map((n) => [n.id, n]))
  const positions = new Map<string, { x: number; y: number }>()
  const heights = new Map<string, number>()
  let top = 0
  const placeBand = (members: string[]): number => {
    const ordered = [...members].sort(
      (a, b) => placed.get(a)!.y - placed.get(b)!.y || placed.get(a)!.x - placed.get(b)!.x,
    )
    const rows: { from: number; to: number }[][] = []
    const rowOf = new Map<string, number>()
    for (const id of ordered) {
      const x = placed.get(id)!.x
      const width = nodeSize(nodeById.get(id)!).width
      let row = rows.findIndex((r) =>
        r.every((span) => x + width + NODE_GAP / 2 <= span.from || x >= span.to + NODE_GAP / 2),
      )
      if (row === -1) row = rows.push([]) - 1
      rows[row]!.push({ from: x, to: x + width })
      rowOf.set(id, row)
    }
    const rowHeight = Math.max(96, ...members.map((id) => nodeSize(nodeById.get(id)!).height)) + NODE_GAP
    const height = Math.max(LANE.defaultHeight, rows.length * rowHeight + NODE_GAP)
    const firstRowTop = top + (height - rows.length * rowHeight) / 2
    for (const id of members) {
      const size = nodeSize(nodeById.get(id)!)
      const rowTop = firstRowTop + rowOf.get(id)! * rowHeight
      positions.set(id, { x: placed.get(id)!.x, y: Math.round(rowTop + (rowHeight - size.height) / 2) })
    }
    return height
  }
  doc.lanes.forEach((lane, i) => {
    const height = groups[i]!.length > 0 ? placeBand(groups[i]!) : (lane.height ?? LANE.defaultHeight)
    heights.set(lane.id, height)
    top += height
  })
  if (unlaned.length > 0) placeBand(unlaned)
  return { positions, heights }
}
