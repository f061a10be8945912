import { describe, expect, it } from 'vitest'
import type { FlowDocument } from '../../../shared/document/index.js'
import {
  boxesOverlap,
  flowDirectionAt,
  freeSpotNear,
  nodeBox,
  placeAfter,
  PLACEMENT_GAP,
} from '../../../shared/geometry/index.js'
import { flowWith, validFlow } from '../../support/flows.js'

const task = { width: 200, height: 96 }

describe('placeAfter', () => {
  it('puts the new step to the right of the anchor, centred on it', () => {
    const anchor = { x: 100, y: 40, width: 140, height: 56 }
    expect(placeAfter(anchor, task, 'right', [anchor])).toEqual({ x: 240 + PLACEMENT_GAP, y: 20 })
  })

  it('puts it below when the flow runs down', () => {
    const anchor = { x: 100, y: 40, width: 200, height: 96 }
    expect(placeAfter(anchor, task, 'down', [anchor])).toEqual({ x: 100, y: 136 + PLACEMENT_GAP })
  })

  it('takes the row below, then above, when the place beside the anchor is taken', () => {
    const anchor = { x: 0, y: 0, width: 200, height: 96 }
    const taken = [anchor]
    const placed = []
    for (let i = 0; i < 3; i++) {
      const at = placeAfter(anchor, task, 'right', taken)!
      placed.push(at)
      taken.push({ ...at, ...task })
    }
    expect(placed.map((p) => p.x)).toEqual([260, 260, 260])
    expect(placed.map((p) => p.y)).toEqual([0, 136, -136])
  })

  it('never overlaps another step', () => {
    const anchor = { x: 0, y: 0, width: 200, height: 96 }
    const crowd = [anchor]
    for (let i = 0; i < 5; i++) crowd.push({ x: 250, y: -300 + i * 130, width: 200, height: 96 })
    const at = placeAfter(anchor, task, 'right', crowd)!
    expect(crowd.some((b) => boxesOverlap(b, { ...at, ...task }))).toBe(false)
  })
})

describe('freeSpotNear', () => {
  it('centres the step on the point, on the grid, when that is free', () => {
    expect(freeSpotNear({ x: 503, y: 298 }, task, [])).toEqual({ x: 400, y: 250 })
  })

  it('finds the nearest free place when the point is taken, so repeated adds do not stack', () => {
    const taken: { x: number; y: number; width: number; height: number }[] = []
    for (let i = 0; i < 6; i++) {
      const at = freeSpotNear({ x: 500, y: 300 }, task, taken)
      expect(taken.some((b) => boxesOverlap(b, { ...at, ...task }))).toBe(false)
      expect(at.x % 10 === 0 && at.y % 10 === 0).toBe(true)
      taken.push({ ...at, ...task })
    }
    const first = taken[0]!
    expect(Math.hypot(taken[1]!.x - first.x, taken[1]!.y - first.y)).toBeLessThan(200)
  })
})

describe('flowDirectionAt', () => {
  it('follows the way the step’s incoming edges run', () => {
    const doc = validFlow()
    expect(flowDirectionAt(doc, 'qualify')).toBe('right')
  })

  it('is down in a flow drawn top to bottom', () => {
    const doc: FlowDocument = flowWith((d) => {
      d.nodes.forEach((n, i) => (n.position = { x: 0, y: i * 150 }))
    })
    expect(flowDirectionAt(doc, 'qualify')).toBe('down')
    // a start has no incoming edge: its outgoing one decides
    expect(flowDirectionAt(doc, 'in')).toBe('down')
  })

  it('is right for a lone step', () => {
    const doc = flowWith((d) => {
      d.edges = []
    })
    expect(flowDirectionAt(doc, 'qualify')).toBe('right')
    expect(nodeBox(doc.nodes[0]!).width).toBe(140)
  })
})
