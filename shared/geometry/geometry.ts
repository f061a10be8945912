/**
 * The one geometry of a drawn flow — node boxes, label lines, badges, lane bands, edge
 * routes — shared by the canvas and every exporter (architecture.md, "One geometry"),
 * so an export looks exactly like the screen.
 */
import type { FlowDocument, FlowEdge, FlowNode, NodeKind, Point, Size } from '../document/schema.js'
import { formatDuration } from './formatDuration.js'
import { textWidth, wrapText } from './textMetrics.js'

export const DEFAULT_SIZES: Readonly<Record<NodeKind, Size>> = {
  start: { width: 140, height: 56 },
  end: { width: 140, height: 56 },
  task: { width: 200, height: 96 },
  approval: { width: 200, height: 96 },
  subprocess: { width: 200, height: 96 },
  decision: { width: 140, height: 96 },
  parallel: { width: 64, height: 64 },
  wait: { width: 160, height: 64 },
  note: { width: 200, height: 80 },
}

export const LANE = { defaultHeight: 200, headerWidth: 40, marginLeft: 40, marginRight: 40 } as const
export const LABEL_FONT_SIZE = 14
export const LABEL_LINE_HEIGHT = 18
export const BADGE_FONT_SIZE = 11
export const BADGE_HEIGHT = 18
const PADDING = 10

export interface Box {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

export function nodeSize(node: FlowNode): Size {
  return node.size ?? DEFAULT_SIZES[node.kind]
}

export function nodeBox(node: FlowNode): Box {
  const { width, height } = nodeSize(node)
  return { x: node.position.x, y: node.position.y, width, height }
}

/** Steps people work on carry badges: owner, time limit, people, quality controls. */
export function hasBadges(node: FlowNode): boolean {
  return node.kind === 'task' || node.kind === 'approval' || node.kind === 'subprocess' || node.kind === 'wait'
}

export interface Badge {
  readonly kind: 'owner' | 'timeLimit' | 'people' | 'qualityControls'
  readonly text: string
  readonly box: Box
}

/** The badge row along the bottom of a step, left to right; badges that do not fit are left out. */
export function nodeBadges(node: FlowNode, doc: FlowDocument): Badge[] {
  if (!hasBadges(node)) return []
  const box = nodeBox(node)
  const items: { kind: Badge['kind']; text: string }[] = []
  const owner = node.owner ?? node.approvers?.[0]
  if (owner !== undefined) items.push({ kind: 'owner', text: doc.roles.find((r) => r.id === owner)?.name || owner })
  if (node.timeLimit) items.push({ kind: 'timeLimit', text: `≤ ${formatDuration(node.timeLimit, doc.locale)}` })
  const people = node.resources?.people
  if (people !== undefined && people !== 1) items.push({ kind: 'people', text: `×${people}` })
  if (node.qualityControls?.length) items.push({ kind: 'qualityControls', text: `QC ${node.qualityControls.length}` })

  const badges: Badge[] = []
  const y = box.y + box.height - BADGE_HEIGHT - 6
  let x = box.x + 6
  const right = box.x + box.width - 6
  for (const item of items) {
    const available = right - x
    let text = item.text
    let width = textWidth(text, BADGE_FONT_SIZE) + 10
    if (width > available) {
      // The owner badge shrinks to fit; others are left out rather than cut.
      if (item.kind !== 'owner' || available < 40) continue
      text = wrapText(text, available - 10, BADGE_FONT_SIZE, 1)[0]!
      width = available
    }
    badges.push({ kind: item.kind, text, box: { x, y, width, height: BADGE_HEIGHT } })
    x += width + 4
  }
  return badges
}

export interface LabelLayout {
  readonly lines: readonly string[]
  readonly fontSize: number
  readonly lineHeight: number
  /** Centre of the text block. */
  readonly center: Point
}

/** Where a node's label sits and how it wraps: inside the shape, above the badge row. */
export function labelLayout(node: FlowNode, doc: FlowDocument): LabelLayout {
  const box = nodeBox(node)
  const badgeSpace = nodeBadges(node, doc).length > 0 ? BADGE_HEIGHT + 8 : 0
  // Diamonds and circles hold less text than their box.
  const shrink =
    node.kind === 'decision'
      ? 0.62
      : node.kind === 'parallel'
        ? 0
        : node.kind === 'start' || node.kind === 'end'
          ? 0.86
          : 1
  if (node.kind === 'parallel') {
    return {
      lines: [],
      fontSize: LABEL_FONT_SIZE,
      lineHeight: LABEL_LINE_HEIGHT,
      center: { x: box.x + box.width / 2, y: box.y + box.height / 2 },
    }
  }
  const width = Math.max(20, box.width * shrink - 2 * PADDING)
  const height = Math.max(LABEL_LINE_HEIGHT, (box.height - badgeSpace) * (node.kind === 'decision' ? 0.7 : 1) - 2 * 6)
  const maxLines = Math.max(1, Math.floor(height / LABEL_LINE_HEIGHT))
  const lines = wrapText(node.label, width, LABEL_FONT_SIZE, maxLines)
  return {
    lines,
    fontSize: LABEL_FONT_SIZE,
    lineHeight: LABEL_LINE_HEIGHT,
    center: { x: box.x + box.width / 2, y: box.y + (box.height - badgeSpace) / 2 },
  }
}

export interface LaneBand {
  readonly laneId: string
  readonly name: string
  readonly roleName?: string
  readonly box: Box
}

/** Lanes as bands stacked from y = 0 in array order, as wide as the drawing. */
export function laneBands(doc: FlowDocument): LaneBand[] {
  if (doc.lanes.length === 0) return []
  const boxes = doc.nodes.map(nodeBox)
  const minX = boxes.length ? Math.min(...boxes.map((b) => b.x)) : 0
  const maxX = boxes.length ? Math.max(...boxes.map((b) => b.x + b.width)) : 600
  const x = Math.min(0, minX - LANE.headerWidth - LANE.marginLeft)
  const width = maxX + LANE.marginRight - x
  let y = 0
  return doc.lanes.map((lane) => {
    const height = lane.height ?? LANE.defaultHeight
    const roleName = lane.roleId === undefined ? undefined : doc.roles.find((r) => r.id === lane.roleId)?.name
    const band: LaneBand = {
      laneId: lane.id,
      name: lane.name,
      ...(roleName ? { roleName } : {}),
      box: { x, y, width, height },
    }
    y += height
    return band
  })
}

const center = (b: Box): Point => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 })

/** The point where a ray from the box centre towards `toward` leaves the box's side. */
function anchorToward(b: Box, toward: Point): Point {
  const c = center(b)
  const dx = toward.x - c.x
  const dy = toward.y - c.y
  if (Math.abs(dx) * b.height >= Math.abs(dy) * b.width) return { x: dx >= 0 ? b.x + b.width : b.x, y: c.y }
  return { x: c.x, y: dy >= 0 ? b.y + b.height : b.y }
}

export interface EdgeRoute {
  readonly points: readonly Point[]
  /** Where the edge's label is drawn: the middle of its longest segment. */
  readonly labelAt: Point
}

/**
 * An orthogonal route between two boxes, or through the edge's own bend points.
 * Forward edges leave right and enter left, turning in whichever gap crosses the fewest
 * other steps (`obstacles`); edges back to an earlier column run below both boxes, so
 * they never cross the steps between.
 */
export function edgeRoute(
  source: Box,
  target: Box,
  bends: readonly Point[] = [],
  obstacles: readonly Box[] = [],
  fromDiamond = false,
): EdgeRoute {
  let points: Point[]
  if (bends.length > 0) {
    points = [anchorToward(source, bends[0]!), ...bends, anchorToward(target, bends[bends.length - 1]!)]
  } else {
    const s = center(source)
    const t = center(target)
    const sRight = source.x + source.width
    if (target.x >= sRight + 8) {
      const start = { x: sRight, y: s.y }
      const end = { x: target.x, y: t.y }
      if (start.y === end.y) points = [start, end]
      else {
        const turns = [end.x - 16, start.x + 16, (start.x + end.x) / 2]
        const candidates = turns.map((x) => [start, { x, y: start.y }, { x, y: end.y }, end])
        // A decision sends branches to other rows from its top or bottom corner (BPMN style).
        const apart = target.y >= source.y + source.height || target.y + target.height <= source.y
        if (fromDiamond && apart) {
          const down = t.y > s.y
          candidates.unshift([{ x: s.x, y: down ? source.y + source.height : source.y }, { x: s.x, y: end.y }, end])
        }
        const crossings = candidates.map((c) => countCrossings(c, obstacles, source, target))
        points = candidates[crossings.indexOf(Math.min(...crossings))]!
      }
    } else if (target.x + target.width > source.x - 8 && target.x < sRight + 8) {
      // Same column: straight up or down.
      const down = t.y > s.y
      const from = { x: s.x, y: down ? source.y + source.height : source.y }
      const to = { x: t.x, y: down ? target.y : target.y + target.height }
      const turnY = down ? source.y + source.height + 12 : source.y - 12
      points = Math.abs(s.x - t.x) < 1 ? [from, to] : [from, { x: s.x, y: turnY }, { x: t.x, y: turnY }, to]
    } else {
      const below = Math.max(source.y + source.height, target.y + target.height) + 24
      points = [
        { x: s.x, y: source.y + source.height },
        { x: s.x, y: below },
        { x: t.x, y: below },
        { x: t.x, y: target.y + target.height },
      ]
    }
  }
  let best = 0
  let bestLength = -1
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i]!
    const b = points[i + 1]!
    const length = Math.abs(a.x - b.x) + Math.abs(a.y - b.y)
    if (length > bestLength) {
      bestLength = length
      best = i
    }
  }
  const a = points[best]!
  const b = points[best + 1]!
  return { points, labelAt: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } }
}

/** How many boxes (other than the edge's own ends) an axis-parallel polyline passes through. */
function countCrossings(points: readonly Point[], obstacles: readonly Box[], source: Box, target: Box): number {
  let count = 0
  for (const box of obstacles) {
    if (box === source || box === target) continue
    for (let i = 0; i < points.length - 1; i++) {
      const a = points[i]!
      const b = points[i + 1]!
      const x1 = Math.min(a.x, b.x)
      const x2 = Math.max(a.x, b.x)
      const y1 = Math.min(a.y, b.y)
      const y2 = Math.max(a.y, b.y)
      if (x2 > box.x && x1 < box.x + box.width && y2 > box.y && y1 < box.y + box.height) {
        count++
        break
      }
    }
  }
  return count
}

/** Routes of every edge of a document, by edge id; each avoids the other steps where it can. */
export function edgeRoutes(doc: FlowDocument): Map<string, EdgeRoute> {
  const boxes = new Map(doc.nodes.map((n) => [n.id, nodeBox(n)]))
  const obstacles = [...boxes.values()]
  const kinds = new Map(doc.nodes.map((n) => [n.id, n.kind]))
  const routes = new Map<string, EdgeRoute>()
  for (const edge of doc.edges) {
    const source = boxes.get(edge.source)
    const target = boxes.get(edge.target)
    if (source && target) {
      const kind = kinds.get(edge.source)
      routes.set(edge.id, edgeRoute(source, target, edge.points, obstacles, kind === 'decision' || kind === 'parallel'))
    }
  }
  return routes
}

/** The text drawn on an edge: its label, and its probability as a percentage. */
export function edgeLabel(edge: FlowEdge): string {
  const percent = edge.probability === undefined ? '' : `${Math.round(edge.probability * 1000) / 10}%`
  const label = edge.label?.trim() ?? ''
  return label && percent ? `${label} · ${percent}` : label || percent
}

/** Everything drawn, with a margin: the SVG viewBox and the fit-to-screen target. */
export function diagramBounds(doc: FlowDocument, margin = 20): Box {
  const boxes: Box[] = [...doc.nodes.map(nodeBox), ...laneBands(doc).map((l) => l.box)]
  for (const edge of doc.edges) for (const p of edge.points ?? []) boxes.push({ x: p.x, y: p.y, width: 0, height: 0 })
  if (boxes.length === 0) return { x: 0, y: 0, width: 200, height: 100 }
  // Edges back to earlier columns run up to 24 px below the lowest box.
  const minX = Math.min(...boxes.map((b) => b.x))
  const minY = Math.min(...boxes.map((b) => b.y))
  const maxX = Math.max(...boxes.map((b) => b.x + b.width))
  const maxY = Math.max(...boxes.map((b) => b.y + b.height)) + 30
  return { x: minX - margin, y: minY - margin, width: maxX - minX + 2 * margin, height: maxY - minY + 2 * margin }
}
