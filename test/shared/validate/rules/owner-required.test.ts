import { describe, expect, it } from 'vitest'
import { flowWith, problemsOf } from '../../../support/flows.js'

describe('owner-required', () => {
  it('accepts owned tasks and approvals with approvers', () => {
    const doc = flowWith((d) => {
      delete d.nodes.find((n) => n.id === 'approve')!.owner
    })
    expect(problemsOf('owner-required', doc)).toEqual([])
  })

  it('reports a task without an owner', () => {
    const doc = flowWith((d) => {
      delete d.nodes.find((n) => n.id === 'qualify')!.owner
    })
    expect(problemsOf('owner-required', doc)).toEqual([
      { rule: 'owner-required', severity: 'error', message: '"Qualify" has no owner.', nodeId: 'qualify' },
    ])
  })

  it('reports an approval with neither approvers nor owner', () => {
    const doc = flowWith((d) => {
      const approve = d.nodes.find((n) => n.id === 'approve')!
      delete approve.owner
      approve.approvers = []
    })
    expect(problemsOf('owner-required', doc).map((p) => p.nodeId)).toEqual(['approve'])
  })
})
