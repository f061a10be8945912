import { describe, expect, it } from 'vitest'
import { flowWith, problemsOf, validFlow } from '../../../support/flows.js'

describe('time-limit-required', () => {
  it('accepts steps with a time standard', () => {
    expect(problemsOf('time-limit-required', validFlow())).toEqual([])
  })

  it('reports a task without a time limit', () => {
    const doc = flowWith((d) => {
      delete d.nodes.find((n) => n.id === 'qualify')!.timeLimit
    })
    expect(problemsOf('time-limit-required', doc)).toEqual([
      { rule: 'time-limit-required', severity: 'warning', message: '"Qualify" has no time limit.', nodeId: 'qualify' },
    ])
  })
})
