import { describe, expect, it } from 'vitest'
import { flowWith, problemsOf } from '../../../support/flows.js'

describe('people-exceed-headcount', () => {
  it('accepts a step needing as many people as the role has', () => {
    const doc = flowWith((d) => {
      d.nodes.find((n) => n.id === 'qualify')!.resources = { people: 2 }
    })
    expect(problemsOf('people-exceed-headcount', doc)).toEqual([])
  })

  it('reports a step that could never start', () => {
    const doc = flowWith((d) => {
      d.nodes.find((n) => n.id === 'qualify')!.resources = { people: 3 }
    })
    expect(problemsOf('people-exceed-headcount', doc)).toMatchObject([
      {
        nodeId: 'qualify',
        roleId: 'rep',
        severity: 'error',
        message: '"Qualify" needs 3 people of Sales rep, which has only 2: it could never start.',
      },
    ])
  })
})
