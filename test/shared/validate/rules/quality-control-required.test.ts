import { describe, expect, it } from 'vitest'
import { flowWith, problemsOf } from '../../../support/flows.js'

describe('quality-control-required', () => {
  it('accepts core steps with quality controls, and flexible ones without', () => {
    const doc = flowWith((d) => {
      d.nodes.find((n) => n.id === 'approve')!.tags = ['flexible']
    })
    expect(problemsOf('quality-control-required', doc)).toEqual([])
  })

  it('reports a core step without any', () => {
    const doc = flowWith((d) => {
      d.nodes.find((n) => n.id === 'qualify')!.qualityControls = []
    })
    expect(problemsOf('quality-control-required', doc)).toMatchObject([
      { nodeId: 'qualify', severity: 'warning', message: 'Core step "Qualify" has no quality control.' },
    ])
  })
})
