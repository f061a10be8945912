import { describe, expect, it } from 'vitest'
import { addEdge, addNode, flowWith, problemsOf, validFlow } from '../../../support/flows.js'

describe('no-dead-end', () => {
  it('accepts a flow where every step reaches an end', () => {
    expect(problemsOf('no-dead-end', validFlow())).toEqual([])
  })

  it('reports a step from which no end can be reached', () => {
    const doc = flowWith((d) => {
      addNode(d, { id: 'limbo', kind: 'task', label: 'Wait for budget' })
      addEdge(d, 'x', 'ok', 'limbo', 0)
    })
    expect(problemsOf('no-dead-end', doc)).toMatchObject([
      {
        nodeId: 'limbo',
        severity: 'error',
        message: '"Wait for budget" leads nowhere: no end can be reached from it.',
      },
    ])
  })
})
