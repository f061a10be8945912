import { describe, expect, it } from 'vitest'
import { flowWith, problemsOf, validFlow } from '../../../support/flows.js'

describe('decision-branches', () => {
  it('accepts decisions with two or more branches', () => {
    expect(problemsOf('decision-branches', validFlow())).toEqual([])
  })

  it('reports a decision with a single way out', () => {
    const doc = flowWith((d) => {
      d.edges = d.edges.filter((e) => e.id !== 'e4')
    })
    expect(problemsOf('decision-branches', doc)).toMatchObject([
      {
        nodeId: 'ok',
        severity: 'warning',
        message: 'Decision "Qualified?" has 1 way(s) out; a decision needs at least two.',
      },
    ])
  })
})
