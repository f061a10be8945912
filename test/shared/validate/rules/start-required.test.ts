import { describe, expect, it } from 'vitest'
import { flowWith, problemsOf, validFlow } from '../../../support/flows.js'

describe('start-required', () => {
  it('accepts a flow with a start', () => {
    expect(problemsOf('start-required', validFlow())).toEqual([])
  })

  it('reports a flow without a start', () => {
    const doc = flowWith((d) => {
      d.nodes[0]!.kind = 'task'
    })
    expect(problemsOf('start-required', doc)).toEqual([
      {
        rule: 'start-required',
        severity: 'error',
        message: 'The flow has no start: add a start node where cases enter.',
      },
    ])
  })
})
