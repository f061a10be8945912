import { describe, expect, it } from 'vitest'
import { flowWith, problemsOf, validFlow } from '../../../support/flows.js'

describe('duration-exceeds-time-limit', () => {
  it('accepts work that fits its time limit', () => {
    expect(problemsOf('duration-exceeds-time-limit', validFlow())).toEqual([])
  })

  it('reports work longer than its limit on average, in working hours', () => {
    // triangular(6, 10, 14) hours has mean 10 working hours; a workday is 8
    const doc = flowWith((d) => {
      d.nodes.find((n) => n.id === 'qualify')!.duration = {
        dist: 'triangular',
        min: 6,
        mode: 10,
        max: 14,
        unit: 'hour',
      }
    })
    expect(problemsOf('duration-exceeds-time-limit', doc)).toMatchObject([
      {
        nodeId: 'qualify',
        severity: 'warning',
        message:
          'The work of "Qualify" alone takes 10 working hours on average, longer than its time limit of 8 working hours.',
      },
    ])
  })

  it('counts every review of an approval', () => {
    // 5 reviews of 2 hours against a 1-workday limit
    const doc = flowWith((d) => {
      const approve = d.nodes.find((n) => n.id === 'approve')!
      approve.approvers = ['manager', 'manager', 'manager', 'manager', 'manager']
      approve.duration = { dist: 'fixed', value: 2, unit: 'hour' }
    })
    expect(problemsOf('duration-exceeds-time-limit', doc)).toMatchObject([
      { nodeId: 'approve', message: expect.stringContaining('10 working hours') },
    ])
  })
})
