import { describe, expect, it } from 'vitest'
import { addEdge, addNode, flowWith, problemsOf, validFlow } from '../../../support/flows.js'

describe('no-unreachable', () => {
  it('accepts a flow where every step is reachable from a start', () => {
    expect(problemsOf('no-unreachable', validFlow())).toEqual([])
  })

  it('reports a connected step no start leads to', () => {
    const doc = flowWith((d) => {
      addNode(d, { id: 'island', kind: 'task', label: 'Upsell' })
      addEdge(d, 'x', 'island', 'won')
    })
    expect(problemsOf('no-unreachable', doc)).toMatchObject([
      {
        nodeId: 'island',
        severity: 'error',
        message: 'No case can reach "Upsell": there is no path to it from a start.',
      },
    ])
  })
})
