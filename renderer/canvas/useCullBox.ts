import { useStore, type ReactFlowState } from '@xyflow/react'
import { useMemo } from 'react'
import type { Box } from '../../shared/geometry/index.js'

/**
 * The part of the flow worth drawing in the canvas's one-SVG layers (edges, the overview):
 * the view, in flow coordinates, with at least a view's width and height to spare on every
 * side. It is snapped to a grid of cells a power of two in size, so it changes only when a
 * pan crosses into the next cell or a zoom doubles or halves the view, never every frame:
 * the layers re-render a few times a pan, not sixty times a second. `null` before the pane
 * has a size: draw everything.
 */
export function cullKey(s: Pick<ReactFlowState, 'transform' | 'width' | 'height'>): string {
  const [tx, ty, zoom] = s.transform
  if (!s.width || !s.height || !zoom) return ''
  const cellWidth = 2 ** Math.ceil(Math.log2(s.width / zoom))
  const cellHeight = 2 ** Math.ceil(Math.log2(s.height / zoom))
  const column = Math.floor(-tx / zoom / cellWidth)
  const row = Math.floor(-ty / zoom / cellHeight)
  return `${column},${row},${cellWidth},${cellHeight}`
}

export function cullBoxOf(key: string): Box | null {
  if (!key) return null
  const [column, row, width, height] = key.split(',').map(Number) as [number, number, number, number]
  return { x: (column - 1) * width, y: (row - 1) * height, width: 3 * width, height: 3 * height }
}

export function useCullBox(): Box | null {
  const key = useStore(cullKey)
  return useMemo(() => cullBoxOf(key), [key])
}

export const boxesMeet = (a: Box, b: Box): boolean =>
  a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height

/** The bounds of a layer with nothing in it. */
export const NO_BOX: Box = { x: 0, y: 0, width: 0, height: 0 }
