import { describe, expect, it } from 'vitest'
import { addEdge, flowWith, problemsOf } from '../../../support/flows.js'

describe('decision-probabilities', () => {
  it('accepts branches whose probabilities sum to 1, even written as 0.1 + 0.2 + 0.7', () => {
    const doc = flowWith((d) => {
      d.edges.find((e) => e.id === 'e3')!.probability = 0.1
      d.edges.find((e) => e.id === 'e4')!.probability = 0.2
      addEdge(d, 'e7', 'ok', 'won', 0.7)
    })
    expect(problemsOf('decision-probabilities', doc)).toEqual([])
  })

  it('does not ask a single branch of an approval for a probability', () => {
    const doc = flowWith((d) => {
      d.edges = d.edges.filter((e) => e.id !== 'e6')
      delete d.edges.find((e) => e.id === 'e5')!.probability
    })
    expect(problemsOf('decision-probabilities', doc)).toEqual([])
  })

  it('reports a branch without a probability, naming it', () => {
    const doc = flowWith((d) => {
      delete d.edges.find((e) => e.id === 'e4')!.probability
    })
    expect(problemsOf('decision-probabilities', doc)).toEqual([
      {
        rule: 'decision-probabilities',
        severity: 'warning',
        message: 'Branch "no" of "Qualified?" has no probability.',
        nodeId: 'ok',
        edgeId: 'e4',
      },
    ])
  })

  it('reports branches that do not sum to 1, on approvals too', () => {
    const doc = flowWith((d) => {
      d.edges.find((e) => e.id === 'e6')!.probability = 0.2
    })
    expect(problemsOf('decision-probabilities', doc)).toMatchObject([
      { nodeId: 'approve', message: 'The branches of "Approve discount" add up to 1.1, not 1.' },
    ])
  })

  it('leaves the timeout edge out of the sum', () => {
    const doc = flowWith((d) => {
      d.nodes.find((n) => n.id === 'approve')!.timeout = { after: { value: 4, unit: 'day' }, edgeId: 'cold' }
      addEdge(d, 'cold', 'approve', 'lost')
    })
    expect(problemsOf('decision-probabilities', doc)).toEqual([])
  })
})
