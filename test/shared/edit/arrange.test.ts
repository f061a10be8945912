import { produce } from 'immer'
import { describe, expect, it } from 'vitest'
import { parseDocument, serializeDocument, type FlowDocument } from '../../../shared/document/index.js'
import { alignNodes, distributeNodes, type Alignment } from '../../../shared/edit/arrange.js'
import { nodeBox } from '../../../shared/geometry/index.js'
import { validFlow } from '../../support/flows.js'

function box(doc: FlowDocument, id: string) {
  return nodeBox(doc.nodes.find((n) => n.id === id)!)
}

function expectLoadable(doc: FlowDocument): void {
  const result = parseDocument(serializeDocument(doc), 'arranged.flow.json')
  expect(result.ok ? [] : result.errors).toEqual([])
}

// qualify: task 200×96 at (200, 0); ok: decision 140×96 at (400, 0); lost: end 140×56 at (600, 0)
const IDS = ['qualify', 'ok', 'lost']

describe('align', () => {
  const cases: [Alignment, (doc: FlowDocument) => number[]][] = [
    ['left', (d) => IDS.map((id) => box(d, id).x)],
    ['right', (d) => IDS.map((id) => box(d, id).x + box(d, id).width)],
    ['center', (d) => IDS.map((id) => box(d, id).x + box(d, id).width / 2)],
    ['top', (d) => IDS.map((id) => box(d, id).y)],
    ['bottom', (d) => IDS.map((id) => box(d, id).y + box(d, id).height)],
    ['middle', (d) => IDS.map((id) => box(d, id).y + box(d, id).height / 2)],
  ]
  it.each(cases)('%s lines the steps up on one line of their bounding box', (alignment, line) => {
    const doc = produce(validFlow(), (d) => {
      d.nodes.find((n) => n.id === 'ok')!.position.y = 40
      alignNodes(d, IDS, alignment)
    })
    expect(new Set(line(doc)).size).toBe(1)
    expectLoadable(doc)
  })

  it('left uses the leftmost edge, right the rightmost, and other steps stay put', () => {
    const left = produce(validFlow(), (d) => alignNodes(d, IDS, 'left'))
    expect(IDS.map((id) => box(left, id).x)).toEqual([200, 200, 200])
    const right = produce(validFlow(), (d) => alignNodes(d, IDS, 'right'))
    expect(IDS.map((id) => box(right, id).x + box(right, id).width)).toEqual([740, 740, 740])
    expect(right.nodes.find((n) => n.id === 'in')!.position).toEqual({ x: 0, y: 0 })
  })

  it('a step moved into another lane joins it, like a dragged one', () => {
    const doc = produce(validFlow(), (d) => alignNodes(d, ['lost', 'approve'], 'bottom'))
    expect(doc.nodes.find((n) => n.id === 'lost')!.laneId).toBe('mgmt')
  })

  it('does nothing for fewer than two steps, or when they are already aligned', () => {
    const before = validFlow()
    expect(produce(before, (d) => alignNodes(d, ['ok'], 'left'))).toBe(before)
    expect(produce(before, (d) => alignNodes(d, IDS, 'top'))).toBe(before)
  })
})

describe('distribute', () => {
  it('makes the gaps between neighbours equal, keeping the outer steps', () => {
    const doc = produce(validFlow(), (d) => {
      d.nodes.find((n) => n.id === 'ok')!.position.x = 420
      distributeNodes(d, IDS, 'horizontal')
    })
    const [a, b, c] = IDS.map((id) => box(doc, id))
    expect(a!.x).toBe(200)
    expect(c!.x).toBe(600)
    expect(b!.x - (a!.x + a!.width)).toBe(c!.x - (b!.x + b!.width))
    expectLoadable(doc)
  })

  it('vertically, in order of height on the canvas', () => {
    const doc = produce(validFlow(), (d) => {
      d.nodes.find((n) => n.id === 'qualify')!.position.y = 0
      d.nodes.find((n) => n.id === 'ok')!.position.y = 30
      d.nodes.find((n) => n.id === 'lost')!.position.y = 300
      distributeNodes(d, IDS, 'vertical')
    })
    const [a, b, c] = IDS.map((id) => box(doc, id))
    expect(Math.abs(b!.y - (a!.y + a!.height) - (c!.y - (b!.y + b!.height)))).toBeLessThanOrEqual(1)
    expectLoadable(doc)
  })

  it('needs three steps', () => {
    const before = validFlow()
    expect(produce(before, (d) => distributeNodes(d, ['ok', 'lost'], 'horizontal'))).toBe(before)
  })
})
