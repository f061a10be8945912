/**
 * Which part of the drawing the walkthrough shows — around a step, a lane, the whole flow —
 * as a view box in drawing coordinates for an area of screen (or page) pixels. The walkthrough
 * on screen and its PDF pages use the same arithmetic.
 */
import type { FlowNode } from '../../document/schema.js'
import { nodeBox, type Box, type LaneBand } from '../../geometry/index.js'

export interface Size {
  readonly width: number
  readonly height: number
}

export interface Point {
  readonly x: number
  readonly y: number
}

/** Start of a window `size` long around `centre`, kept inside [start, start + extent] where it fits. */
function windowStart(centre: number, size: number, start: number, extent: number): number {
  if (size >= extent) return start + extent / 2 - size / 2
  return Math.min(Math.max(centre - size / 2, start), start + extent - size)
}

/**
 * The view at `scale` screen pixels per drawing pixel, centred on `focus`; with `within`, moved
 * so that it shows no more beyond those bounds than it must.
 */
export function viewAround(focus: Point, area: Size, scale: number, within?: Box): Box {
  const width = area.width / scale
  const height = area.height / scale
  if (!within) return { x: focus.x - width / 2, y: focus.y - height / 2, width, height }
  return {
    x: windowStart(focus.x, width, within.x, within.width),
    y: windowStart(focus.y, height, within.y, within.height),
    width,
    height,
  }
}

export interface FitOptions {
  /** Drawing pixels kept free around the box. */
  readonly pad?: number
  /** No smaller than this: a box that would need less is shown in part, around `focus`. */
  readonly minScale?: number
  /** No larger than this. */
  readonly maxScale?: number
  /** What to keep in view when the box does not fit; its centre by default. */
  readonly focus?: Point
}

/** The view that fits `box` into `area`, within the scale limits; and the scale it takes. */
export function fitView(box: Box, area: Size, options: FitOptions = {}): { view: Box; scale: number } {
  const padded = grow(box, options.pad ?? 0)
  const fit = Math.min(area.width / padded.width, area.height / padded.height)
  const scale = Math.min(options.maxScale ?? Infinity, Math.max(options.minScale ?? 0, fit))
  const focus = options.focus ?? { x: box.x + box.width / 2, y: box.y + box.height / 2 }
  return { view: viewAround(focus, area, scale, padded), scale }
}

/** The lane band a step lies in: its own lane, else the band under its centre. */
export function laneIndexOf(node: FlowNode, bands: readonly LaneBand[]): number {
  if (node.laneId !== undefined) {
    const own = bands.findIndex((b) => b.laneId === node.laneId)
    if (own >= 0) return own
  }
  const box = nodeBox(node)
  const cy = box.y + box.height / 2
  return bands.findIndex((b) => cy >= b.box.y && cy < b.box.y + b.box.height)
}

/** `box` grown by `pad` on every side. */
export function grow(box: Box, pad: number): Box {
  return { x: box.x - pad, y: box.y - pad, width: box.width + 2 * pad, height: box.height + 2 * pad }
}
