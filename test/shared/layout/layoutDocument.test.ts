import { describe, expect, it } from 'vitest'
import { laneBands, nodeBox, type Box } from '../../../shared/geometry/index.js'
import { layoutDocument } from '../../../shared/layout/layoutDocument.js'
import { loadTemplate, templateFiles } from '../../support/templates.js'
import { addEdge, addNode, flowWith, validFlow } from '../../support/flows.js'

const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

describe('layoutDocument', () => {
  it('keeps every step inside its lane’s band and lays the flow out left to right', async () => {
    const doc = await layoutDocument(validFlow())
    const bands = new Map(laneBands(doc).map((b) => [b.laneId, b.box]))
    for (const node of doc.nodes) {
      const band = bands.get(node.laneId!)!
      const box = nodeBox(node)
      expect(box.y, node.id).toBeGreaterThanOrEqual(band.y)
      expect(box.y + box.height, node.id).toBeLessThanOrEqual(band.y + band.height)
    }
    const x = (id: string) => doc.nodes.find((n) => n.id === id)!.position.x
    expect(x('in')).toBeLessThan(x('qualify'))
    expect(x('qualify')).toBeLessThan(x('ok'))
    expect(x('ok')).toBeLessThan(x('approve'))
  })

  it('never lets two steps overlap, in any template', async () => {
    for (const file of templateFiles().filter((f) => f.locale === 'en')) {
      const doc = await layoutDocument(loadTemplate(file))
      const boxes = doc.nodes.map(nodeBox)
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          expect(overlaps(boxes[i]!, boxes[j]!), `${file.id}: ${doc.nodes[i]!.id} / ${doc.nodes[j]!.id}`).toBe(false)
        }
      }
    }
  })

  it('grows a lane when several of its steps share a column', async () => {
    const doc = await layoutDocument(
      flowWith((d) => {
        // two parallel branches in the same lane land in the same column
        addNode(d, { id: 'fork', kind: 'parallel', laneId: 'sales' })
        addNode(d, { id: 'a', kind: 'task', laneId: 'sales', owner: 'rep' })
        addNode(d, { id: 'b', kind: 'task', laneId: 'sales', owner: 'rep' })
        addNode(d, { id: 'c', kind: 'task', laneId: 'sales', owner: 'rep' })
        addNode(d, { id: 'join', kind: 'parallel', laneId: 'sales' })
        d.edges[1]!.target = 'fork'
        addEdge(d, 'f1', 'fork', 'a')
        addEdge(d, 'f2', 'fork', 'b')
        addEdge(d, 'f3', 'fork', 'c')
        addEdge(d, 'j1', 'a', 'join')
        addEdge(d, 'j2', 'b', 'join')
        addEdge(d, 'j3', 'c', 'join')
        addEdge(d, 'j4', 'join', 'ok')
      }),
    )
    expect(doc.lanes[0]!.height).toBeGreaterThan(200)
  })

  it('is deterministic and drops stale bend points', async () => {
    const doc = flowWith((d) => {
      d.edges[0]!.points = [{ x: 5, y: 5 }]
    })
    const [a, b] = await Promise.all([layoutDocument(doc), layoutDocument(doc)])
    expect(a).toEqual(b)
    expect(a.edges[0]!.points).toBeUndefined()
  })

  it('lays out top down when asked, for a flow without lanes', async () => {
    const doc = await layoutDocument(
      flowWith((d) => {
        d.lanes = []
        for (const n of d.nodes) delete n.laneId
      }),
      { direction: 'TB' },
    )
    const y = (id: string) => doc.nodes.find((n) => n.id === id)!.position.y
    expect(y('in')).toBeLessThan(y('qualify'))
    expect(y('qualify')).toBeLessThan(y('ok'))
  })
})
