import { describe, expect, it } from 'vitest'
import { analyseCapacity } from '../../../shared/analysis/capacity.js'
import { addEdge, addNode, flowWith, validFlow } from '../../support/flows.js'

describe('analyseCapacity', () => {
  it('counts expected visits along branch probabilities', () => {
    const { visits } = analyseCapacity(validFlow())
    expect(visits.get('qualify')).toBeCloseTo(1, 12)
    expect(visits.get('approve')).toBeCloseTo(0.4, 12)
    expect(visits.get('won')).toBeCloseTo(0.36, 12)
    expect(visits.get('lost')).toBeCloseTo(0.64, 12)
  })

  it('counts 1 / (1 − p) visits on a rework loop taken with probability p', () => {
    // "no" (0.6) goes back to qualify: 1 / 0.4 = 2.5 visits
    const doc = flowWith((d) => {
      d.edges.find((e) => e.id === 'e4')!.target = 'qualify'
    })
    expect(analyseCapacity(doc).visits.get('qualify')).toBeCloseTo(2.5, 12)
    expect(analyseCapacity(doc).visits.get('won')).toBeCloseTo(0.9, 12)
  })

  it('solves nested loops exactly', () => {
    // qualify → ok: 0.4 approve, 0.6 back; approve: 0.9 won, 0.1 back to qualify
    const doc = flowWith((d) => {
      d.edges.find((e) => e.id === 'e4')!.target = 'qualify'
      d.edges.find((e) => e.id === 'e6')!.target = 'qualify'
    })
    // v(qualify) = 1 + 0.6 v + 0.1·0.4 v  →  v = 1 / 0.36
    expect(analyseCapacity(doc).visits.get('qualify')).toBeCloseTo(1 / 0.36, 10)
    expect(analyseCapacity(doc).visits.get('won')).toBeCloseTo(1, 10)
  })

  it('sends a case down every branch of a parallel split and counts the join once', () => {
    const doc = flowWith((d) => {
      addNode(d, { id: 'fork', kind: 'parallel' })
      addNode(d, { id: 'a', kind: 'task', owner: 'rep', duration: { dist: 'fixed', value: 1, unit: 'hour' } })
      addNode(d, { id: 'b', kind: 'task', owner: 'rep', duration: { dist: 'fixed', value: 1, unit: 'hour' } })
      addNode(d, { id: 'join', kind: 'parallel' })
      d.edges.find((e) => e.id === 'e2')!.target = 'fork'
      addEdge(d, 'f1', 'fork', 'a')
      addEdge(d, 'f2', 'fork', 'b')
      addEdge(d, 'j1', 'a', 'join')
      addEdge(d, 'j2', 'b', 'join')
      addEdge(d, 'j3', 'join', 'ok')
    })
    const { visits } = analyseCapacity(doc)
    expect([visits.get('a'), visits.get('b'), visits.get('join'), visits.get('ok')]).toEqual([1, 1, 1, 1])
  })

  it('computes each role’s offered load: visits × arrival rate × mean work × people ÷ headcount', () => {
    // arrivals every 1 elapsed day = 1/24 per elapsed hour = (1/24) × 168/40 per working hour
    const { roles, arrivalsPerWorkingHour } = analyseCapacity(validFlow())
    expect(arrivalsPerWorkingHour).toBeCloseTo(168 / 40 / 24, 12)
    const rate = 168 / 40 / 24
    expect(roles.get('rep')?.load).toBeCloseTo((1 * rate * 2 * 1) / 2, 12)
    expect(roles.get('manager')?.load).toBeCloseTo((0.4 * rate * 1) / 1, 12)
    expect(roles.get('rep')?.steps).toEqual([{ nodeId: 'qualify', load: expect.closeTo(rate, 12) }])
  })

  it('loads each approver role once per review, and a step by its people', () => {
    const doc = flowWith((d) => {
      d.nodes.find((n) => n.id === 'approve')!.approvers = ['manager', 'rep', 'manager']
      d.nodes.find((n) => n.id === 'qualify')!.resources = { people: 2 }
    })
    const rate = 168 / 40 / 24
    const { roles } = analyseCapacity(doc)
    expect(roles.get('manager')?.load).toBeCloseTo(2 * 0.4 * rate * 1, 12)
    expect(roles.get('rep')?.load).toBeCloseTo((rate * 2 * 2 + 0.4 * rate * 1) / 2, 12)
  })

  it('takes arrivals in working hours on the working clock', () => {
    const doc = flowWith((d) => {
      d.simulation!.arrivals = { dist: 'exponential', mean: 4, unit: 'hour' }
    })
    expect(analyseCapacity(doc).arrivalsPerWorkingHour).toBeCloseTo(0.25, 12)
  })

  it('reports no loads without arrivals, and infinite visits in a loop no case leaves', () => {
    const doc = flowWith((d) => {
      delete d.simulation!.arrivals
      d.edges.find((e) => e.id === 'e3')!.probability = 0
      d.edges.find((e) => e.id === 'e4')!.target = 'qualify'
      d.edges.find((e) => e.id === 'e4')!.probability = 1
    })
    const report = analyseCapacity(doc)
    expect(report.roles.size).toBe(0)
    expect(report.arrivalsPerWorkingHour).toBeNull()
    expect(report.visits.get('qualify')).toBe(Infinity)
  })
})

describe('analyseCapacity of approvals', () => {
  it('holds one reviewer per review, whatever resources.people says', () => {
    const doc = flowWith((d) => {
      const approve = d.nodes.find((n) => n.id === 'approve')!
      delete approve.approvers
      approve.resources = { people: 3 }
    })
    expect(analyseCapacity(doc).roles.get('manager')?.load).toBeCloseTo(0.4 * (168 / 40 / 24) * 1, 12)
  })
})
