import { describe, expect, it } from 'vitest'
import { flowWith, problemsOf, validFlow } from '../../../support/flows.js'

describe('lane-owner-mismatch', () => {
  it('accepts steps drawn in their owner’s lane', () => {
    expect(problemsOf('lane-owner-mismatch', validFlow())).toEqual([])
  })

  it('reports a step drawn in another role’s lane', () => {
    const doc = flowWith((d) => {
      d.nodes.find((n) => n.id === 'qualify')!.laneId = 'mgmt'
    })
    expect(problemsOf('lane-owner-mismatch', doc)).toMatchObject([
      {
        nodeId: 'qualify',
        laneId: 'mgmt',
        severity: 'warning',
        message: '"Qualify" is owned by Sales rep but drawn in the lane of Sales manager.',
      },
    ])
  })
})
