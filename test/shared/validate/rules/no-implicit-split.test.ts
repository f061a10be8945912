import { describe, expect, it } from 'vitest'
import { addEdge, flowWith, problemsOf, validFlow } from '../../../support/flows.js'

describe('no-implicit-split', () => {
  it('accepts tasks with one way out, and a timeout edge beside it', () => {
    const doc = flowWith((d) => {
      d.nodes.find((n) => n.id === 'qualify')!.timeout = { after: { value: 5, unit: 'day' }, edgeId: 'slow' }
      addEdge(d, 'slow', 'qualify', 'lost')
    })
    expect(problemsOf('no-implicit-split', doc)).toEqual([])
  })

  it('reports a task with several ways out', () => {
    const doc = flowWith((d) => addEdge(d, 'extra', 'qualify', 'lost'))
    expect(problemsOf('no-implicit-split', doc)).toMatchObject([
      {
        nodeId: 'qualify',
        severity: 'warning',
        message: expect.stringMatching(/^"Qualify" has 2 ways out, so every case goes down all of them at once/),
      },
    ])
  })

  it('leaves approvals alone: they choose one branch by probability', () => {
    expect(problemsOf('no-implicit-split', validFlow())).toEqual([])
  })
})
