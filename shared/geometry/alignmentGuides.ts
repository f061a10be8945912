/**
 * Snapping of a dragged step (or the bounding box of a dragged selection) to the steps around
 * it, as drawing tools do: when its left, centre or right lines up with another step's left,
 * centre or right — or its top, middle or bottom with another's — within a tolerance, it snaps
 * there and a guide line is drawn through both. An axis with nothing to line up with falls back
 * to the grid, so a guide always wins over the grid.
 */
import type { Point } from '../document/schema.js'
import type { Box } from './geometry.js'

/** A guide line: vertical at x = `at` when `axis` is 'x', horizontal at y = `at` when 'y'; it runs `from`…`to`. */
export interface GuideSegment {
  readonly axis: 'x' | 'y'
  readonly at: number
  readonly from: number
  readonly to: number
}

export interface GuideSnap {
  /** Where the dragged box's top-left goes. */
  readonly position: Point
  /** Which axes snapped to another step (rather than to the grid). */
  readonly snapped: { readonly x: boolean; readonly y: boolean }
  readonly guides: readonly GuideSegment[]
}

export interface GuideOptions {
  /** How far (canvas units) a line may be from another step's to snap to it. */
  readonly tolerance: number
  /** The grid an axis snaps to when it lines up with nothing; none when 0 or left out. */
  readonly grid?: number
  /** How far guides reach past the boxes they join. */
  readonly overhang?: number
}

type Axis = 'x' | 'y'

const start = (b: Box, axis: Axis) => (axis === 'x' ? b.x : b.y)
const length = (b: Box, axis: Axis) => (axis === 'x' ? b.width : b.height)
/** Left, centre and right (or top, middle and bottom) of a box along one axis. */
const lines = (b: Box, axis: Axis): [number, number, number] => {
  const s = start(b, axis)
  const l = length(b, axis)
  return [s, s + l / 2, s + l]
}

/** The shift along one axis that lines the box up with the nearest candidate line, if one is within tolerance. */
function nearestShift(moving: Box, candidates: readonly Box[], axis: Axis, tolerance: number): number | undefined {
  const own = lines(moving, axis)
  let best: number | undefined
  for (const c of candidates) {
    for (const theirs of lines(c, axis)) {
      for (const mine of own) {
        const shift = theirs - mine
        if (Math.abs(shift) <= tolerance && (best === undefined || Math.abs(shift) < Math.abs(best))) best = shift
      }
    }
  }
  return best
}

/** Guide lines along one axis through the (already snapped) box and every candidate sharing one of its lines. */
function guidesAlong(moving: Box, candidates: readonly Box[], axis: Axis, overhang: number): GuideSegment[] {
  const across: Axis = axis === 'x' ? 'y' : 'x'
  const guides: GuideSegment[] = []
  for (const at of new Set(lines(moving, axis))) {
    let from = start(moving, across)
    let to = from + length(moving, across)
    let found = false
    for (const c of candidates) {
      if (!lines(c, axis).some((line) => Math.abs(line - at) < 0.5)) continue
      found = true
      from = Math.min(from, start(c, across))
      to = Math.max(to, start(c, across) + length(c, across))
    }
    if (found) guides.push({ axis, at, from: from - overhang, to: to + overhang })
  }
  return guides
}

const onGrid = (value: number, grid: number | undefined) => (grid ? Math.round(value / grid) * grid : value)

/**
 * Snaps a dragged box to the candidates' lines (each axis on its own), else to the grid.
 * Positions come out whole, as the document stores them, so a drop lands exactly where the
 * guide showed it.
 */
export function snapToGuides(moving: Box, candidates: readonly Box[], options: GuideOptions): GuideSnap {
  const dx = nearestShift(moving, candidates, 'x', options.tolerance)
  const dy = nearestShift(moving, candidates, 'y', options.tolerance)
  const position = {
    x: Math.round(dx === undefined ? onGrid(moving.x, options.grid) : moving.x + dx),
    y: Math.round(dy === undefined ? onGrid(moving.y, options.grid) : moving.y + dy),
  }
  const snappedBox = { ...moving, ...position }
  const overhang = options.overhang ?? 0
  return {
    position,
    snapped: { x: dx !== undefined, y: dy !== undefined },
    guides: [
      ...(dx === undefined ? [] : guidesAlong(snappedBox, candidates, 'x', overhang)),
      ...(dy === undefined ? [] : guidesAlong(snappedBox, candidates, 'y', overhang)),
    ],
  }
}

/** The smallest box around some boxes (a dragged selection's); undefined for none. */
export function boundingBox(boxes: Iterable<Box>): Box | undefined {
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const b of boxes) {
    minX = Math.min(minX, b.x)
    minY = Math.min(minY, b.y)
    maxX = Math.max(maxX, b.x + b.width)
    maxY = Math.max(maxY, b.y + b.height)
  }
  return minX === Infinity ? undefined : { x: minX, y: minY, width: maxX - minX, height: maxY - minY }
}

/** The box grown by `by` on every side. */
export function paddedBox(box: Box, by: number): Box {
  return { x: box.x - by, y: box.y - by, width: box.width + 2 * by, height: box.height + 2 * by }
}

/** Whether two boxes overlap (touching edges do not). */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}
