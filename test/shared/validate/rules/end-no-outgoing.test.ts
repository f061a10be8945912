import { describe, expect, it } from 'vitest'
import { addEdge, flowWith, problemsOf, validFlow } from '../../../support/flows.js'

describe('end-no-outgoing', () => {
  it('accepts ends without outgoing edges', () => {
    expect(problemsOf('end-no-outgoing', validFlow())).toEqual([])
  })

  it('reports an edge out of an end', () => {
    const doc = flowWith((d) => addEdge(d, 'again', 'lost', 'qualify'))
    expect(problemsOf('end-no-outgoing', doc)).toMatchObject([{ nodeId: 'lost', edgeId: 'again', severity: 'error' }])
  })
})
