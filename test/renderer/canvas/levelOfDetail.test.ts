import { describe, expect, it } from 'vitest'
import type { Box } from '../../../shared/geometry/index.js'
import { edgeLayerBounds } from '../../../renderer/canvas/EdgeLayer.js'
import {
  splitEdges,
  stepOverviewNode,
  toFlowEdges,
  toFlowNodes,
  type StepFlowNode,
} from '../../../renderer/canvas/flowElements.js'
import { overviewBounds, overviewSteps } from '../../../renderer/canvas/StepOverview.js'
import { boxesMeet, cullBoxOf, cullKey } from '../../../renderer/canvas/useCullBox.js'
import { generateDocument } from '../../bench/generateDocument.js'

const NONE = new Set<string>()
const STILL = new Map<string, { x: number; y: number }>()
const contains = (outer: Box, inner: Box) =>
  outer.x <= inner.x &&
  outer.y <= inner.y &&
  outer.x + outer.width >= inner.x + inner.width &&
  outer.y + outer.height >= inner.y + inner.height

describe('the cull box of the one-SVG layers', () => {
  const pane = { width: 1200, height: 800 }
  const view = (tx: number, ty: number, zoom: number): Box => ({
    x: -tx / zoom,
    y: -ty / zoom,
    width: pane.width / zoom,
    height: pane.height / zoom,
  })

  it('always holds the whole view, with room to spare', () => {
    for (const [tx, ty, zoom] of [
      [0, 0, 1],
      [-5000, 300, 0.3],
      [12345, -678, 0.12],
      [-99, -99, 2.5],
    ] as const) {
      const box = cullBoxOf(cullKey({ transform: [tx, ty, zoom], ...pane }))!
      expect(contains(box, view(tx, ty, zoom))).toBe(true)
    }
  })

  it('stays the same while a pan stays inside one cell, so the layers do not re-render every frame', () => {
    const keys = new Set<string>()
    // A pan of 60 frames, 8 px each, at zoom 0.25: 480 screen px, 1,920 flow units.
    for (let frame = 0; frame < 60; frame++) keys.add(cullKey({ transform: [-frame * 8, 0, 0.25], ...pane }))
    expect(keys.size).toBeLessThanOrEqual(2)
  })

  it('is null before the pane has a size: draw everything', () => {
    expect(cullBoxOf(cullKey({ transform: [0, 0, 1], width: 0, height: 0 }))).toBeNull()
  })
})

describe('the edge layer and the overview layer', () => {
  const doc = generateDocument(600, 800)

  it('draws every unselected edge in the layer and leaves the selected ones to React Flow', () => {
    const edges = toFlowEdges(doc, [], new Set([doc.edges[3]!.id]), STILL)
    const { flowEdges, layer } = splitEdges(edges, edgeLayerBounds)
    expect(flowEdges.map((e) => e.id)).toEqual([doc.edges[3]!.id])
    expect(layer.data.edges).toHaveLength(doc.edges.length - 1)
    // Unchanged edges give the very same layer node: React Flow leaves it alone.
    expect(splitEdges(toFlowEdges(doc, [], new Set([doc.edges[3]!.id]), STILL), edgeLayerBounds).layer).toBe(layer)
  })

  it('hides from React Flow only the steps out of reach of the view, keeping the same objects', () => {
    const steps = toFlowNodes(doc, [], NONE, STILL).filter((n): n is StepFlowNode => n.type === 'step')
    const cull = { x: 0, y: 0, width: 5000, height: 2000 }
    const given = overviewSteps(steps, cull)
    for (const [i, step] of given.entries()) {
      const box = { x: step.position.x, y: step.position.y, width: step.width!, height: step.height! }
      expect(!!step.hidden).toBe(!boxesMeet(box, cull))
      if (!step.hidden) expect(step).toBe(steps[i])
    }
    expect(overviewSteps(steps, cull)).toEqual(given)
    expect(overviewSteps(steps, cull).every((s, i) => s === given[i])).toBe(true)
    // The layer's node holds every step and covers them all.
    const node = stepOverviewNode(steps, overviewBounds)
    expect(node.data.steps).toHaveLength(steps.length)
    for (const s of steps)
      expect(contains(node.data.bounds, { x: s.position.x, y: s.position.y, width: s.width!, height: s.height! })).toBe(
        true,
      )
  })
})
