import { describe, expect, it } from 'vitest'
import { flowWith, problemsOf, validFlow } from '../../../support/flows.js'

describe('approvers-known', () => {
  it('accepts approvers that are roles', () => {
    expect(problemsOf('approvers-known', validFlow())).toEqual([])
  })

  it('reports each unknown approver once', () => {
    const doc = flowWith((d) => {
      d.nodes.find((n) => n.id === 'approve')!.approvers = ['manager', 'legal', 'legal']
    })
    expect(problemsOf('approvers-known', doc)).toEqual([
      {
        rule: 'approvers-known',
        severity: 'error',
        message: 'Approver "legal" of "Approve discount" is not a role of this flow.',
        nodeId: 'approve',
        roleId: 'legal',
      },
    ])
  })
})
