import { describe, expect, it } from 'vitest'
import { addNode, flowWith, problemsOf, validFlow } from '../../../support/flows.js'

describe('no-disconnected', () => {
  it('accepts a flow whose steps are all connected', () => {
    expect(problemsOf('no-disconnected', validFlow())).toEqual([])
  })

  it('reports a step with no edge at all, but not a note', () => {
    const doc = flowWith((d) => {
      addNode(d, { id: 'orphan', kind: 'task', label: 'Send brochure' })
      addNode(d, { id: 'remark', kind: 'note', label: 'Ask Li about this' })
    })
    expect(problemsOf('no-disconnected', doc)).toEqual([
      {
        rule: 'no-disconnected',
        severity: 'warning',
        message: '"Send brochure" is not connected to the flow.',
        nodeId: 'orphan',
      },
    ])
  })
})
