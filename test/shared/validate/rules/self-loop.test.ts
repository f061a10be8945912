import { describe, expect, it } from 'vitest'
import { addEdge, flowWith, problemsOf, validFlow } from '../../../support/flows.js'

describe('self-loop', () => {
  it('accepts a flow without self-loops', () => {
    expect(problemsOf('self-loop', validFlow())).toEqual([])
  })

  it('reports an edge from a step to itself', () => {
    const doc = flowWith((d) => addEdge(d, 'again', 'qualify', 'qualify'))
    expect(problemsOf('self-loop', doc)).toEqual([
      {
        rule: 'self-loop',
        severity: 'error',
        message: 'Edge "again" leads from "Qualify" back to itself.',
        nodeId: 'qualify',
        edgeId: 'again',
      },
    ])
  })
})
