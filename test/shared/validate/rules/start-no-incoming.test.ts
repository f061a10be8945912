import { describe, expect, it } from 'vitest'
import { addEdge, flowWith, problemsOf, validFlow } from '../../../support/flows.js'

describe('start-no-incoming', () => {
  it('accepts starts without incoming edges', () => {
    expect(problemsOf('start-no-incoming', validFlow())).toEqual([])
  })

  it('reports an edge into a start', () => {
    const doc = flowWith((d) => addEdge(d, 'back', 'qualify', 'in'))
    expect(problemsOf('start-no-incoming', doc)).toEqual([
      {
        rule: 'start-no-incoming',
        severity: 'error',
        message: 'Start "Lead" has an incoming edge; cases only enter the flow at a start.',
        nodeId: 'in',
        edgeId: 'back',
      },
    ])
  })
})
