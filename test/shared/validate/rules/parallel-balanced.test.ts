import { describe, expect, it } from 'vitest'
import { addEdge, addNode, flowWith, problemsOf } from '../../../support/flows.js'

function withParallel(joinFrom: 'split' | 'decision') {
  return flowWith((d) => {
    // qualify → [fork] → (credit check, reference call) → [join] → ok
    addNode(d, { id: 'fork', kind: 'parallel', label: 'Fork' })
    addNode(d, { id: 'credit', kind: 'task', label: 'Credit check', owner: 'rep' })
    addNode(d, { id: 'refs', kind: 'task', label: 'Reference call', owner: 'rep' })
    addNode(d, { id: 'join', kind: 'parallel', label: 'Join' })
    d.edges.find((e) => e.id === 'e2')!.target = joinFrom === 'split' ? 'fork' : 'pick'
    if (joinFrom === 'decision') {
      addNode(d, { id: 'pick', kind: 'decision', label: 'Which check?' })
      addEdge(d, 'p1', 'pick', 'credit', 0.5)
      addEdge(d, 'p2', 'pick', 'refs', 0.5)
    } else {
      addEdge(d, 'f1', 'fork', 'credit')
      addEdge(d, 'f2', 'fork', 'refs')
    }
    addEdge(d, 'j1', 'credit', 'join')
    addEdge(d, 'j2', 'refs', 'join')
    addEdge(d, 'j3', 'join', 'ok')
  })
}

describe('parallel-balanced', () => {
  it('accepts a parallel split joined by a parallel join', () => {
    expect(problemsOf('parallel-balanced', withParallel('split'))).toEqual([])
  })

  it('reports a join fed by the branches of an exclusive decision: it would wait forever', () => {
    expect(problemsOf('parallel-balanced', withParallel('decision'))).toEqual([
      {
        rule: 'parallel-balanced',
        severity: 'error',
        message:
          'Parallel join "Join" waits for branches of which "Which check?" sends a case down only one: cases would wait there forever.',
        nodeId: 'join',
      },
    ])
  })

  it('reports a parallel split that is never joined', () => {
    const doc = flowWith((d) => {
      addNode(d, { id: 'fork', kind: 'parallel', label: 'Fork' })
      d.edges.find((e) => e.id === 'e5')!.target = 'fork'
      addEdge(d, 'f1', 'fork', 'won')
      addEdge(d, 'f2', 'fork', 'lost')
    })
    expect(problemsOf('parallel-balanced', doc)).toMatchObject([
      { nodeId: 'fork', message: 'The branches of parallel split "Fork" are never joined by a parallel join.' },
    ])
  })

  it('reports a join waiting for branches from different starts', () => {
    const doc = flowWith((d) => {
      addNode(d, { id: 'in2', kind: 'start', label: 'Referral' })
      addNode(d, { id: 'join', kind: 'parallel', label: 'Join' })
      d.edges.find((e) => e.id === 'e1')!.target = 'join'
      addEdge(d, 'r', 'in2', 'join')
      addEdge(d, 'j', 'join', 'qualify')
    })
    expect(problemsOf('parallel-balanced', doc)).toMatchObject([
      { nodeId: 'join', message: expect.stringContaining('different starts') },
    ])
  })
})
