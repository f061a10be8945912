import { describe, expect, it } from 'vitest'
import { flowWith, problemsOf, validFlow } from '../../../support/flows.js'

describe('owner-known', () => {
  it('accepts owners that are roles', () => {
    expect(problemsOf('owner-known', validFlow())).toEqual([])
  })

  it('reports an owner that names no role', () => {
    const doc = flowWith((d) => {
      d.nodes.find((n) => n.id === 'qualify')!.owner = 'intern'
    })
    expect(problemsOf('owner-known', doc)).toEqual([
      {
        rule: 'owner-known',
        severity: 'error',
        message: 'The owner of "Qualify" is "intern", which is not a role of this flow.',
        nodeId: 'qualify',
        roleId: 'intern',
      },
    ])
  })
})
