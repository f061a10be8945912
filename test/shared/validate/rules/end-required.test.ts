import { describe, expect, it } from 'vitest'
import { flowWith, problemsOf, validFlow } from '../../../support/flows.js'

describe('end-required', () => {
  it('accepts a flow with an end', () => {
    expect(problemsOf('end-required', validFlow())).toEqual([])
  })

  it('reports a flow without an end', () => {
    const doc = flowWith((d) => {
      for (const n of d.nodes) if (n.kind === 'end') n.kind = 'task'
    })
    expect(problemsOf('end-required', doc)).toMatchObject([
      { severity: 'error', message: 'The flow has no end: add an end node where cases leave.' },
    ])
  })
})
