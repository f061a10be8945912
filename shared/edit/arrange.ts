/**
 * Align and distribute for a multi-selection, as Immer recipes. Positions go through
 * `moveNodes`, so a step whose centre lands in another lane joins that lane, as when it is
 * dragged there.
 */
import type { Draft } from 'immer'
import type { FlowDocument, Point } from '../document/schema.js'
import { nodeBox } from '../geometry/geometry.js'
import { moveNodes } from './operations.js'

type Doc = Draft<FlowDocument>

export type Alignment = 'left' | 'center' | 'right' | 'top' | 'middle' | 'bottom'
export type Distribution = 'horizontal' | 'vertical'

export const ALIGNMENTS: readonly Alignment[] = ['left', 'center', 'right', 'top', 'middle', 'bottom']

/**
 * Lines the steps up on one edge or centre line of their common bounding box: left, centre
 * and right move them horizontally; top, middle and bottom vertically.
 */
export function alignNodes(doc: Doc, ids: Iterable<string>, alignment: Alignment): void {
  const wanted = new Set(ids)
  const boxes = doc.nodes.filter((n) => wanted.has(n.id)).map((n) => ({ id: n.id, ...nodeBox(n) }))
  if (boxes.length < 2) return
  const left = Math.min(...boxes.map((b) => b.x))
  const right = Math.max(...boxes.map((b) => b.x + b.width))
  const top = Math.min(...boxes.map((b) => b.y))
  const bottom = Math.max(...boxes.map((b) => b.y + b.height))
  const moves = new Map<string, Point>()
  for (const b of boxes) {
    switch (alignment) {
      case 'left':
        moves.set(b.id, { x: left, y: b.y })
        break
      case 'center':
        moves.set(b.id, { x: (left + right) / 2 - b.width / 2, y: b.y })
        break
      case 'right':
        moves.set(b.id, { x: right - b.width, y: b.y })
        break
      case 'top':
        moves.set(b.id, { x: b.x, y: top })
        break
      case 'middle':
        moves.set(b.id, { x: b.x, y: (top + bottom) / 2 - b.height / 2 })
        break
      case 'bottom':
        moves.set(b.id, { x: b.x, y: bottom - b.height })
        break
    }
  }
  moveNodes(doc, unchangedDropped(doc, moves))
}

/**
 * Spaces three or more steps evenly between the first and the last along one axis: the
 * gaps between neighbouring boxes become equal, the outer two stay where they are.
 */
export function distributeNodes(doc: Doc, ids: Iterable<string>, direction: Distribution): void {
  const wanted = new Set(ids)
  const horizontal = direction === 'horizontal'
  const boxes = doc.nodes
    .filter((n) => wanted.has(n.id))
    .map((n) => ({ id: n.id, ...nodeBox(n) }))
    .sort((a, b) => (horizontal ? a.x - b.x || a.y - b.y : a.y - b.y || a.x - b.x))
  if (boxes.length < 3) return
  const first = boxes[0]!
  const last = boxes[boxes.length - 1]!
  const start = horizontal ? first.x : first.y
  const end = horizontal ? last.x + last.width : last.y + last.height
  const occupied = boxes.reduce((sum, b) => sum + (horizontal ? b.width : b.height), 0)
  const gap = (end - start - occupied) / (boxes.length - 1)
  const moves = new Map<string, Point>()
  let at = start
  for (const b of boxes) {
    moves.set(b.id, horizontal ? { x: at, y: b.y } : { x: b.x, y: at })
    at += (horizontal ? b.width : b.height) + gap
  }
  moveNodes(doc, unchangedDropped(doc, moves))
}

/** Keeps only real moves, so a no-op makes no patch and no undo step. */
function unchangedDropped(doc: Doc, moves: Map<string, Point>): Map<string, Point> {
  const kept = new Map<string, Point>()
  for (const node of doc.nodes) {
    const to = moves.get(node.id)
    if (to && (Math.round(to.x) !== node.position.x || Math.round(to.y) !== node.position.y)) kept.set(node.id, to)
  }
  return kept
}
