import { describe, expect, it } from 'vitest'
import type { FlowNode } from '../../../shared/document/index.js'
import { GRID_SIZE, type Box } from '../../../shared/geometry/index.js'
import { edgeLayerBounds } from '../../../renderer/canvas/EdgeLayer.js'
import {
  splitEdges,
  stepOverviewNode,
  toFlowEdges,
  toFlowNodes,
  type StepFlowNode,
} from '../../../renderer/canvas/flowElements.js'
import { overviewBounds, overviewDrop, overviewSteps } from '../../../renderer/canvas/StepOverview.js'
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

describe('dropping steps dragged in the overview', () => {
  const doc = generateDocument(3, 0)
  const [a, b] = doc.nodes as [FlowNode, FlowNode]
  // Two steps off the grid, 37 and 13 px apart: a selection keeps its shape when it moves.
  a.position = { x: 103, y: 207 }
  b.position = { x: 140, y: 220 }

  it('moves the selection as one, its bounding box snapped to the grid', () => {
    const moves = overviewDrop(doc, [a.id, b.id], { x: 54.4, y: -31.2 })
    const to = (id: string) => moves.get(id)!
    expect(to(b.id).x - to(a.id).x).toBe(37)
    expect(to(b.id).y - to(a.id).y).toBe(13)
    expect(to(a.id).x % GRID_SIZE).toBe(0)
    expect(to(a.id).y % GRID_SIZE).toBe(0)
    expect(Math.abs(to(a.id).x - (103 + 54.4))).toBeLessThanOrEqual(GRID_SIZE / 2)
    expect([...moves.keys()]).toEqual([a.id, b.id])
  })

  it('leaves out what is not in the document', () => {
    expect(overviewDrop(doc, ['gone'], { x: 10, y: 10 }).size).toBe(0)
  })
})
