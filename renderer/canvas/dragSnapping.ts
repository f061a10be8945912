/**
 * Snapping while steps are dragged: the dragged step — or the bounding box of a dragged
 * selection — lines up with the visible steps around it (alignment guides), else with the grid.
 * React Flow's own grid snap is off, so the guides see where the pointer really is; the
 * canvas draws the snapped positions and the drop stores exactly them.
 */
import { useStoreApi } from '@xyflow/react'
import { useCallback, useRef, useState } from 'react'
import type { Point } from '../../shared/document/index.js'
import {
  boundingBox,
  boxesOverlap,
  nodeBox,
  snapToGuides,
  type Box,
  type GuideSegment,
} from '../../shared/geometry/index.js'
import type { EditorStore } from '../app/store.js'

/** How close (screen pixels) a line must come to another step's to snap to it. */
export const GUIDE_TOLERANCE_PX = 6
/** How far (screen pixels) a guide reaches past the steps it joins. */
const GUIDE_OVERHANG_PX = 12

export interface DragSnapping {
  /** Guides of the drag under way, in canvas coordinates; none between drags. */
  readonly guides: readonly GuideSegment[]
  /** Where the dragged steps go, given where the pointer put them. */
  readonly snap: (raw: ReadonlyMap<string, Point>) => Map<string, Point>
  /** The drag is over: forget its candidates and hide its guides. */
  readonly end: () => void
}

export function useDragSnapping(store: EditorStore, grid: number): DragSnapping {
  const flowStore = useStoreApi()
  const [guides, setGuides] = useState<readonly GuideSegment[]>([])
  // Every step's box, taken once when a drag starts: the document does not change during it.
  const boxes = useRef<ReadonlyMap<string, Box> | null>(null)

  const snap = useCallback(
    (raw: ReadonlyMap<string, Point>) => {
      const doc = store.getState().doc
      if (!boxes.current) boxes.current = new Map(doc.nodes.map((n) => [n.id, nodeBox(n)]))
      const all = boxes.current
      const dragged: Box[] = []
      for (const [id, p] of raw) {
        const box = all.get(id)
        if (box) dragged.push({ ...box, x: p.x, y: p.y })
      }
      const moving = boundingBox(dragged)
      if (!moving) return new Map(raw)

      // Only steps on screen are lined up with (a guide to an unseen step helps nobody), which
      // also keeps a drag among 2,000 steps cheap.
      const { transform, width, height } = flowStore.getState()
      const [tx, ty, zoom] = transform
      const view = { x: -tx / zoom, y: -ty / zoom, width: width / zoom, height: height / zoom }
      const candidates: Box[] = []
      for (const [id, box] of all) if (!raw.has(id) && boxesOverlap(box, view)) candidates.push(box)

      const result = snapToGuides(moving, candidates, {
        tolerance: GUIDE_TOLERANCE_PX / zoom,
        grid,
        overhang: GUIDE_OVERHANG_PX / zoom,
      })
      setGuides((current) => (sameGuides(current, result.guides) ? current : result.guides))
      const dx = result.position.x - moving.x
      const dy = result.position.y - moving.y
      const snapped = new Map<string, Point>()
      for (const [id, p] of raw) snapped.set(id, { x: Math.round(p.x + dx), y: Math.round(p.y + dy) })
      return snapped
    },
    [store, flowStore, grid],
  )

  const end = useCallback(() => {
    boxes.current = null
    setGuides([])
  }, [])

  return { guides, snap, end }
}

function sameGuides(a: readonly GuideSegment[], b: readonly GuideSegment[]): boolean {
  return (
    a.length === b.length &&
    a.every((g, i) => g.axis === b[i]!.axis && g.at === b[i]!.at && g.from === b[i]!.from && g.to === b[i]!.to)
  )
}
