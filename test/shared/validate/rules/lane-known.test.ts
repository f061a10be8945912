import { describe, expect, it } from 'vitest'
import { flowWith, problemsOf, validFlow } from '../../../support/flows.js'

describe('lane-known', () => {
  it('accepts lanes and roles that exist', () => {
    expect(problemsOf('lane-known', validFlow())).toEqual([])
  })

  it('reports a step in a lane that does not exist', () => {
    const doc = flowWith((d) => {
      d.nodes.find((n) => n.id === 'qualify')!.laneId = 'marketing'
    })
    expect(problemsOf('lane-known', doc)).toMatchObject([{ nodeId: 'qualify', laneId: 'marketing', severity: 'error' }])
  })

  it('reports a lane standing for a role that does not exist', () => {
    const doc = flowWith((d) => {
      d.lanes[1]!.roleId = 'cfo'
    })
    expect(problemsOf('lane-known', doc)).toMatchObject([
      { laneId: 'mgmt', roleId: 'cfo', message: 'Lane "Management" stands for role "cfo", which does not exist.' },
    ])
  })
})
