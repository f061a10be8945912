import { describe, expect, it } from 'vitest'
import { flowWith, problemsOf, validFlow } from '../../../support/flows.js'

describe('label-required', () => {
  it('accepts labelled steps', () => {
    expect(problemsOf('label-required', validFlow())).toEqual([])
  })

  it('reports a step whose label is empty or blank', () => {
    const doc = flowWith((d) => {
      d.nodes.find((n) => n.id === 'qualify')!.label = '   '
    })
    expect(problemsOf('label-required', doc)).toMatchObject([
      { nodeId: 'qualify', severity: 'warning', message: 'A step of kind "task" has no label.' },
    ])
  })
})
