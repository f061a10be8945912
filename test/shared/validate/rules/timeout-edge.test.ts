import { describe, expect, it } from 'vitest'
import { addEdge, flowWith, problemsOf } from '../../../support/flows.js'

describe('timeout-edge', () => {
  it('accepts a timeout along one of the step’s own edges', () => {
    const doc = flowWith((d) => {
      d.nodes.find((n) => n.id === 'approve')!.timeout = { after: { value: 4, unit: 'day' }, edgeId: 'cold' }
      addEdge(d, 'cold', 'approve', 'lost')
    })
    expect(problemsOf('timeout-edge', doc)).toEqual([])
  })

  it('reports a timeout edge that does not leave the step (as after an edit)', () => {
    const doc = flowWith((d) => {
      d.nodes.find((n) => n.id === 'qualify')!.timeout = { after: { value: 4, unit: 'day' }, edgeId: 'e5' }
    })
    expect(problemsOf('timeout-edge', doc)).toMatchObject([
      {
        nodeId: 'qualify',
        severity: 'error',
        message: 'The timeout of "Qualify" names edge "e5", which does not leave this step.',
      },
    ])
  })

  it('reports a timeout edge that is the only way out', () => {
    const doc = flowWith((d) => {
      d.nodes.find((n) => n.id === 'qualify')!.timeout = { after: { value: 4, unit: 'day' }, edgeId: 'e2' }
    })
    expect(problemsOf('timeout-edge', doc)).toMatchObject([{ nodeId: 'qualify', edgeId: 'e2' }])
  })

  it('reports a timeout on a decision, which never waits', () => {
    const doc = flowWith((d) => {
      d.nodes.find((n) => n.id === 'ok')!.timeout = { after: { value: 4, unit: 'day' }, edgeId: 'e4' }
    })
    expect(problemsOf('timeout-edge', doc)[0]?.message).toBe(
      'The timeout on "Qualified?" never fires: only steps where cases wait or work can time out.',
    )
  })
})
