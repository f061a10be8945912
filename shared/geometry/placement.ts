/**
 * Where a step added without a pointer goes (keyboard, palette click): after the selected step,
 * the way the flow runs there, or at the free spot nearest a point — never on top of another step.
 */
import type { FlowDocument, Point, Size } from '../document/schema.js'
import { boxesOverlap } from './alignmentGuides.js'
import { nodeBox, type Box } from './geometry.js'

export type FlowDirection = 'right' | 'down'

/** The canvas grid (canvas units): dragged and added steps snap to it. */
export const GRID_SIZE = 10

/** Space between a step and the one added after it, along the flow. */
export const PLACEMENT_GAP = 60
/** Space kept free around a placed step. */
const CLEARANCE = 20
/** Rows (or columns) tried on each side of the anchor's before moving one place further along the flow. */
const SIDE_ROWS = 2

const isFree = (box: Box, obstacles: readonly Box[]) => {
  const padded = {
    x: box.x - CLEARANCE,
    y: box.y - CLEARANCE,
    width: box.width + 2 * CLEARANCE,
    height: box.height + 2 * CLEARANCE,
  }
  return !obstacles.some((o) => boxesOverlap(padded, o))
}

/**
 * The way the flow runs through a step: down when its incoming edges (else its outgoing ones)
 * mostly come from above (go below) rather than from the left (to the right); right otherwise,
 * as most sales flows are drawn.
 */
export function flowDirectionAt(doc: FlowDocument, nodeId: string): FlowDirection {
  const node = doc.nodes.find((n) => n.id === nodeId)
  if (!node) return 'right'
  const centre = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 })
  const here = centre(nodeBox(node))
  const boxes = new Map(doc.nodes.map((n) => [n.id, nodeBox(n)]))
  const vote = (others: readonly string[], sign: 1 | -1): number => {
    let down = 0
    for (const id of others) {
      const box = boxes.get(id)
      if (!box) continue
      const there = centre(box)
      const dx = (here.x - there.x) * sign
      const dy = (here.y - there.y) * sign
      if (dy > 0 && dy > Math.abs(dx)) down++
      else if (dx > 0) down--
    }
    return down
  }
  const incoming = vote(
    doc.edges.filter((e) => e.target === nodeId).map((e) => e.source),
    1,
  )
  if (incoming !== 0) return incoming > 0 ? 'down' : 'right'
  const outgoing = vote(
    doc.edges.filter((e) => e.source === nodeId).map((e) => e.target),
    -1,
  )
  return outgoing > 0 ? 'down' : 'right'
}

/**
 * The top-left of a new step placed after `anchor`: beside it in the flow's direction, centred
 * on it so the edge between them runs straight; if that place is taken, the rows beside it
 * (below first, as a second branch goes), then one place further along.
 */
export function placeAfter(
  anchor: Box,
  size: Size,
  direction: FlowDirection,
  obstacles: readonly Box[],
): Point | undefined {
  const along = direction === 'right' ? 'x' : 'y'
  const across = direction === 'right' ? 'y' : 'x'
  const length = (s: Size | Box, axis: 'x' | 'y') => (axis === 'x' ? s.width : s.height)
  const first = anchor[along] + length(anchor, along) + PLACEMENT_GAP
  const centred = Math.round(anchor[across] + length(anchor, across) / 2 - length(size, across) / 2)
  for (let step = 0; step < 20; step++) {
    for (let k = 0; k <= 2 * SIDE_ROWS; k++) {
      const row = k === 0 ? 0 : k % 2 === 1 ? (k + 1) / 2 : -k / 2
      const a = first + step * (length(size, along) + PLACEMENT_GAP)
      const b = centred + row * (length(size, across) + 2 * CLEARANCE)
      const box = along === 'x' ? { x: a, y: b, ...size } : { x: b, y: a, ...size }
      if (isFree(box, obstacles)) return { x: box.x, y: box.y }
    }
  }
  return undefined
}

/** The top-left, on the grid, of the free place for a step nearest to centring it on `center`. */
export function freeSpotNear(center: Point, size: Size, obstacles: readonly Box[], grid = GRID_SIZE): Point {
  const snap = (v: number) => Math.round(v / grid) * grid
  const x0 = snap(center.x - size.width / 2)
  const y0 = snap(center.y - size.height / 2)
  const step = 2 * grid
  const rings = 60
  const reach = rings * step + CLEARANCE
  // Only steps the search can reach matter: a large flow is mostly far away.
  const near = obstacles.filter((o) =>
    boxesOverlap(o, {
      x: x0 - reach,
      y: y0 - reach,
      width: size.width + 2 * reach,
      height: size.height + 2 * reach,
    }),
  )
  for (let r = 0; r <= rings; r++) {
    const ring: Point[] = []
    for (let i = -r; i <= r; i++) {
      for (let j = -r; j <= r; j++) {
        if (Math.max(Math.abs(i), Math.abs(j)) === r) ring.push({ x: x0 + i * step, y: y0 + j * step })
      }
    }
    ring.sort((a, b) => Math.hypot(a.x - x0, a.y - y0) - Math.hypot(b.x - x0, b.y - y0))
    const free = ring.find((p) => isFree({ ...p, ...size }, near))
    if (free) return free
  }
  // Nothing free nearby: past the right end of everything.
  const right = Math.max(...obstacles.map((o) => o.x + o.width))
  return { x: snap(right + PLACEMENT_GAP), y: y0 }
}
