import { describe, expect, it } from 'vitest'
import { flowWith, problemsOf, validFlow } from '../../../support/flows.js'

describe('role-overloaded', () => {
  it('accepts roles with spare capacity', () => {
    expect(problemsOf('role-overloaded', validFlow())).toEqual([])
  })

  it('warns from 85 % of capacity', () => {
    // 1 case per 2 working hours × 2 h mean work ÷ 2 reps = 0.5; so 1 case per 1.1 hours ≈ 0.91
    const doc = flowWith((d) => {
      d.simulation!.arrivals = { dist: 'exponential', mean: 1.1, unit: 'hour' }
    })
    expect(problemsOf('role-overloaded', doc)).toMatchObject([
      {
        severity: 'warning',
        roleId: 'rep',
        nodeId: 'qualify',
        message: 'Sales rep is loaded at 91% of capacity, so cases will wait long. Heaviest steps: "Qualify" (91%).',
      },
    ])
  })

  it('is an error at or above full capacity, naming the steps that load the role', () => {
    const doc = flowWith((d) => {
      d.simulation!.arrivals = { dist: 'exponential', mean: 0.5, unit: 'hour' }
    })
    expect(problemsOf('role-overloaded', doc)).toMatchObject([
      {
        severity: 'error',
        roleId: 'rep',
        message:
          'Sales rep is loaded at 200% of capacity: the queue grows without bound. Heaviest steps: "Qualify" (200%).',
      },
    ])
  })
})
