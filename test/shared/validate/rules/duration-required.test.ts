import { describe, expect, it } from 'vitest'
import { flowWith, problemsOf, validFlow } from '../../../support/flows.js'

describe('duration-required', () => {
  it('accepts steps with a duration', () => {
    expect(problemsOf('duration-required', validFlow())).toEqual([])
  })

  it('reports a step the simulator could not time', () => {
    const doc = flowWith((d) => {
      delete d.nodes.find((n) => n.id === 'approve')!.duration
    })
    expect(problemsOf('duration-required', doc)).toMatchObject([
      {
        nodeId: 'approve',
        severity: 'error',
        message: '"Approve discount" has no duration, so it cannot be simulated.',
      },
    ])
  })
})
