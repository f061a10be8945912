import { describe, expect, it } from 'vitest'
import { flowWith, problemsOf, validFlow } from '../../../support/flows.js'

describe('duplicate-label', () => {
  it('accepts distinct labels', () => {
    expect(problemsOf('duplicate-label', validFlow())).toEqual([])
  })

  it('reports the second step with the same label, whatever its case and spacing', () => {
    const doc = flowWith((d) => {
      d.nodes.find((n) => n.id === 'lost')!.label = ' won '
    })
    expect(problemsOf('duplicate-label', doc)).toMatchObject([
      { nodeId: 'lost', message: 'Two steps are called "won".' },
    ])
  })
})
