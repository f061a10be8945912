import { produce } from 'immer'
import { describe, expect, it } from 'vitest'
import type { FlowDocument } from '../../../shared/document/index.js'
import { nodeBox } from '../../../shared/geometry/index.js'
import { validateDocument } from '../../../shared/validate/index.js'
import { toFlowEdges, toFlowNodes } from '../../../renderer/canvas/flowElements.js'
import { generateDocument } from '../../bench/generateDocument.js'

const NONE = new Set<string>()
const STILL = new Map<string, { x: number; y: number }>()

describe('toFlowNodes', () => {
  it('gives each step its size and four handles, so React Flow never has to mount it to measure it', () => {
    // given a flow of more steps than any view shows
    const doc = generateDocument(600, 800)
    // when it becomes React Flow nodes
    const steps = toFlowNodes(doc, [], NONE, STILL).filter((n) => n.type === 'step')
    // then every step is measured and has its handles
    for (const step of steps) {
      const box = nodeBox(doc.nodes.find((n) => n.id === step.id)!)
      expect(step.measured).toEqual({ width: box.width, height: box.height })
      expect(step.handles?.map((h) => h.id)).toEqual(['in', 'out', 'in-top', 'out-bottom'])
    }
  })

  it('returns the very same node objects for what did not change while one step is dragged', () => {
    const doc = generateDocument(600, 800)
    const problems = validateDocument(doc)
    const before = toFlowNodes(doc, problems, NONE, STILL)
    // when one step moves under the mouse
    const after = toFlowNodes(doc, problems, NONE, new Map([['b3-t1', { x: 5, y: 7 }]]))
    // then only that step is a new object
    const changed = after.filter((n, i) => n !== before[i]).map((n) => n.id)
    expect(changed).toEqual(['b3-t1'])
  })

  it('makes new objects only for the steps an edit changed', () => {
    const doc = generateDocument(600, 800)
    const before = toFlowNodes(doc, validateDocument(doc), NONE, STILL)
    const edited = produce(doc, (d: FlowDocument) => {
      d.nodes.find((n) => n.id === 'b2-t0')!.label = 'Renamed'
    })
    const after = toFlowNodes(edited, validateDocument(edited), NONE, STILL)
    expect(after.filter((n, i) => n !== before[i]).map((n) => n.id)).toEqual(['b2-t0'])
  })
})

describe('toFlowEdges', () => {
  it('returns the same edge objects, except those of a dragged step, in a large flow', () => {
    const doc = generateDocument(600, 800)
    const before = toFlowEdges(doc, [], NONE, STILL)
    const after = toFlowEdges(doc, [], NONE, new Map([['b3-t1', { x: 5, y: 7 }]]))
    const changed = after.filter((e, i) => e !== before[i])
    expect(changed.length).toBeGreaterThan(0)
    expect(changed.every((e) => e.source === 'b3-t1' || e.target === 'b3-t1')).toBe(true)
  })
})
