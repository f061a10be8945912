import { describe, expect, it } from 'vitest'
import { addEdge, addNode, flowWith, problemsOf } from '../../../support/flows.js'

describe('no-endless-loop', () => {
  it('accepts a rework loop that cases can leave', () => {
    const doc = flowWith((d) => {
      d.edges.find((e) => e.id === 'e4')!.target = 'qualify'
    })
    expect(problemsOf('no-endless-loop', doc)).toEqual([])
  })

  it('reports a loop with no way out', () => {
    const doc = flowWith((d) => {
      addNode(d, { id: 'a', kind: 'task', label: 'Chase' })
      addNode(d, { id: 'b', kind: 'wait', label: 'No answer' })
      d.edges.find((e) => e.id === 'e4')!.target = 'a'
      addEdge(d, 'ab', 'a', 'b')
      addEdge(d, 'ba', 'b', 'a')
    })
    expect(problemsOf('no-endless-loop', doc)).toMatchObject([
      {
        nodeId: 'a',
        severity: 'error',
        message: 'Cases that reach the loop "Chase" → "No answer" can never leave it.',
      },
    ])
  })

  it('reports a loop whose only way out has probability 0', () => {
    const doc = flowWith((d) => {
      d.edges.find((e) => e.id === 'e3')!.probability = 0
      d.edges.find((e) => e.id === 'e4')!.target = 'qualify'
      d.edges.find((e) => e.id === 'e4')!.probability = 1
    })
    expect(problemsOf('no-endless-loop', doc).map((p) => p.nodeId)).toEqual(['qualify'])
  })

  it('counts a timeout as a way out', () => {
    const doc = flowWith((d) => {
      addNode(d, {
        id: 'a',
        kind: 'wait',
        label: 'Chase',
        timeout: { after: { value: 3, unit: 'day' }, edgeId: 'out' },
      })
      d.edges.find((e) => e.id === 'e4')!.target = 'a'
      addEdge(d, 'loop', 'a', 'a')
      addEdge(d, 'out', 'a', 'lost')
    })
    expect(problemsOf('no-endless-loop', doc)).toEqual([])
  })
})
