import { describe, expect, it } from 'vitest'
import { flowWith, problemsOf, validFlow } from '../../../support/flows.js'

describe('arrivals-required', () => {
  it('accepts a start with the simulation’s default arrivals, or its own', () => {
    expect(problemsOf('arrivals-required', validFlow())).toEqual([])
    const own = flowWith((d) => {
      delete d.simulation!.arrivals
      d.nodes[0]!.arrivals = { dist: 'exponential', mean: 2, unit: 'hour' }
    })
    expect(problemsOf('arrivals-required', own)).toEqual([])
  })

  it('reports a start no case would ever enter', () => {
    const doc = flowWith((d) => {
      delete d.simulation!.arrivals
    })
    expect(problemsOf('arrivals-required', doc)).toEqual([
      {
        rule: 'arrivals-required',
        severity: 'warning',
        message: 'Start "Lead" has no arrivals, so the flow cannot be simulated: set how often cases enter.',
        nodeId: 'in',
      },
    ])
  })
})
