import { describe, expect, it } from 'vitest'
import { edgeRoute, edgeRoutes, laneBands, nodeBadges, nodeBox } from '../../../shared/geometry/index.js'
import { flowWith, validFlow } from '../../support/flows.js'

describe('geometry', () => {
  it('gives every kind a default size and honours an explicit one', () => {
    const doc = flowWith((d) => {
      d.nodes[1]!.size = { width: 300, height: 120 }
    })
    expect(nodeBox(doc.nodes[0]!)).toEqual({ x: 0, y: 0, width: 140, height: 56 })
    expect(nodeBox(doc.nodes[1]!)).toEqual({ x: 200, y: 0, width: 300, height: 120 })
  })

  it('stacks lanes as bands from y = 0 in their order, with their heights', () => {
    const doc = flowWith((d) => {
      d.lanes[0]!.height = 150
    })
    expect(laneBands(doc).map((b) => [b.laneId, b.box.y, b.box.height, b.roleName])).toEqual([
      ['sales', 0, 150, 'Sales rep'],
      ['mgmt', 150, 200, 'Sales manager'],
    ])
  })

  it('puts owner, time limit and quality-control badges on a step, in the document’s language', () => {
    expect(nodeBadges(validFlow().nodes[1]!, validFlow()).map((b) => [b.kind, b.text])).toEqual([
      ['owner', 'Sales rep'],
      ['timeLimit', '≤ 1 workday'],
      ['qualityControls', 'QC 1'],
    ])
    const zh = flowWith((d) => {
      d.locale = 'zh-CN'
    })
    expect(nodeBadges(zh.nodes[1]!, zh)[1]?.text).toBe('≤ 1个工作日')
  })

  it('routes a forward edge from the right side to the left side', () => {
    const route = edgeRoute({ x: 0, y: 0, width: 100, height: 50 }, { x: 200, y: 100, width: 100, height: 50 })
    expect(route.points[0]).toEqual({ x: 100, y: 25 })
    expect(route.points.at(-1)).toEqual({ x: 200, y: 125 })
    for (let i = 1; i < route.points.length; i++) {
      const a = route.points[i - 1]!
      const b = route.points[i]!
      expect(a.x === b.x || a.y === b.y).toBe(true)
    }
  })

  it('turns where it crosses no other step', () => {
    const blocker = { x: 130, y: 60, width: 40, height: 100 }
    const route = edgeRoute(
      { x: 0, y: 0, width: 100, height: 50 },
      { x: 300, y: 100, width: 100, height: 50 },
      [],
      [blocker],
    )
    const verticals = route.points.slice(1, -1).map((p) => p.x)
    expect(verticals.every((x) => x < 130 || x > 170)).toBe(true)
  })

  it('runs edges back to an earlier column below both steps', () => {
    const route = edgeRoute({ x: 400, y: 0, width: 100, height: 50 }, { x: 0, y: 0, width: 100, height: 50 })
    expect(Math.max(...route.points.map((p) => p.y))).toBeGreaterThan(50)
  })

  it('follows an edge’s own bend points', () => {
    const doc = flowWith((d) => {
      d.edges[0]!.points = [{ x: 100, y: 300 }]
    })
    expect(edgeRoutes(doc).get('e1')?.points).toContainEqual({ x: 100, y: 300 })
  })
})
