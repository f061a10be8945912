/**
 * The outline of each kind of step as drawing primitives in canvas coordinates, so the SVG
 * export and the canvas draw exactly the same shapes.
 */
import type { FlowNode } from '../document/schema.js'
import type { Box } from './geometry.js'

export type ShapePrimitive =
  | {
      readonly tag: 'rect'
      readonly x: number
      readonly y: number
      readonly width: number
      readonly height: number
      readonly rx: number
      readonly dashed?: boolean
    }
  | { readonly tag: 'polygon'; readonly points: readonly (readonly [number, number])[] }
  /** `fill: false` marks detail lines drawn over the outline (subprocess bars, the parallel plus). */
  | { readonly tag: 'path'; readonly d: string; readonly fill: boolean; readonly strokeWidth?: number }

/** Ends get a heavy border, as in BPMN. */
export function outlineWidth(node: FlowNode): number {
  return node.kind === 'end' ? 3 : 1.5
}

export function shapePrimitives(node: FlowNode, box: Box): ShapePrimitive[] {
  const { x, y, width: w, height: h } = box
  switch (node.kind) {
    case 'start':
    case 'end':
      return [{ tag: 'rect', x, y, width: w, height: h, rx: h / 2 }]
    case 'task':
      return [{ tag: 'rect', x, y, width: w, height: h, rx: 8 }]
    case 'wait':
      return [{ tag: 'rect', x, y, width: w, height: h, rx: 14, dashed: true }]
    case 'subprocess':
      return [
        { tag: 'rect', x, y, width: w, height: h, rx: 4 },
        { tag: 'path', d: `M${x + 8},${y} L${x + 8},${y + h} M${x + w - 8},${y} L${x + w - 8},${y + h}`, fill: false },
      ]
    case 'decision':
    case 'parallel': {
      const diamond: ShapePrimitive = {
        tag: 'polygon',
        points: [
          [x + w / 2, y],
          [x + w, y + h / 2],
          [x + w / 2, y + h],
          [x, y + h / 2],
        ],
      }
      if (node.kind === 'decision') return [diamond]
      const cx = x + w / 2
      const cy = y + h / 2
      const arm = Math.min(w, h) / 5
      return [
        diamond,
        {
          tag: 'path',
          d: `M${cx - arm},${cy} L${cx + arm},${cy} M${cx},${cy - arm} L${cx},${cy + arm}`,
          fill: false,
          strokeWidth: 3,
        },
      ]
    }
    case 'approval': {
      const inset = Math.min(18, w / 6)
      return [
        {
          tag: 'polygon',
          points: [
            [x + inset, y],
            [x + w - inset, y],
            [x + w, y + h / 2],
            [x + w - inset, y + h],
            [x + inset, y + h],
            [x, y + h / 2],
          ],
        },
      ]
    }
    case 'note': {
      const fold = 14
      return [
        {
          tag: 'path',
          d: `M${x},${y} L${x + w - fold},${y} L${x + w},${y + fold} L${x + w},${y + h} L${x},${y + h} z`,
          fill: true,
        },
        { tag: 'path', d: `M${x + w - fold},${y} L${x + w - fold},${y + fold} L${x + w},${y + fold}`, fill: false },
      ]
    }
  }
}
