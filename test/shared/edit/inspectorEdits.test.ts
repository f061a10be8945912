import { applyPatches, enablePatches, produce, produceWithPatches, type Draft } from 'immer'
import { describe, expect, it } from 'vitest'
import { parseDocument, serializeDocument, type FlowDocument } from '../../../shared/document/index.js'
import { alignNodes, distributeNodes } from '../../../shared/edit/arrange.js'
import { convertDistribution, parameterRange, withParameter } from '../../../shared/edit/distributions.js'
import {
  addLane,
  addRole,
  balanceProbabilities,
  connect,
  removeRole,
  roleUsage,
  setStepTimeout,
  updateDocument,
  updateEdge,
  updateLane,
  updateNode,
  updateRole,
  type DocumentFields,
} from '../../../shared/edit/operations.js'
import { validFlow } from '../../support/flows.js'

enablePatches()

function expectLoadable(doc: FlowDocument): void {
  const result = parseDocument(serializeDocument(doc), 'edited.flow.json')
  expect(result.ok ? [] : result.errors).toEqual([])
}

/** Runs one inspector edit; returns the document and whether the operation accepted it. */
function edit(doc: FlowDocument, recipe: (d: Draft<FlowDocument>) => boolean | void) {
  let accepted: boolean | void = undefined
  const next = produce(doc, (d) => {
    accepted = recipe(d)
  })
  return { doc: next, accepted }
}

describe('inspector edits keep the document loadable', () => {
  it('accept every field of a step with sensible values', () => {
    let doc = validFlow()
    const steps: ((d: Draft<FlowDocument>) => boolean | void)[] = [
      (d) => updateNode(d, 'qualify', { label: 'Qualify lead', description: 'BANT', owner: 'manager', laneId: 'mgmt' }),
      (d) => updateNode(d, 'qualify', { timeLimit: { value: 4, unit: 'hour' } }),
      (d) => updateNode(d, 'qualify', { duration: { dist: 'pert', min: 1, mode: 2, max: 5, unit: 'hour' } }),
      (d) => setStepTimeout(d, 'approve', { after: { value: 3, unit: 'day' }, edgeId: 'e6' }),
      (d) =>
        updateNode(d, 'qualify', { resources: { people: 1, tools: ['CRM'], materials: ['Price list'], budget: 500 } }),
      (d) =>
        updateNode(d, 'qualify', {
          qualityControls: [
            { standard: 'Call within 1 h', measure: 'CRM audit', metric: 'first response', target: '≤ 1 h' },
            { standard: 'BANT complete' },
          ],
        }),
      (d) => updateNode(d, 'qualify', { steps: ['Call', 'Score'] }),
      (d) => updateNode(d, 'approve', { approvers: ['rep', 'manager'] }),
      (d) => updateNode(d, 'won', { outcome: 'deferred' }),
      (d) => updateNode(d, 'in', { arrivals: { dist: 'exponential', mean: 2, unit: 'hour' } }),
      (d) => updateNode(d, 'qualify', { tags: ['core', 'pricing'], why: 'Focus', how: 'Script' }),
      (d) => updateNode(d, 'qualify', { color: '#ffeeaa' }),
      (d) => updateNode(d, 'qualify', { color: undefined, tags: undefined }),
      (d) => connect(d, 'qualify', 'lost') !== undefined,
      (d) => updateEdge(d, 'e3', { label: 'go', probability: 0.25, condition: 'score ≥ 3' }),
      (d) => balanceProbabilities(d, 'e3'),
      (d) => updateLane(d, 'sales', { name: 'Inside sales', height: 240 }),
      (d) => addLane(d, 'Legal') !== '',
      (d) => addRole(d, 'Analyst') !== '',
      (d) => updateRole(d, 'analyst', { headcount: 3, costPerHour: 55 }),
      (d) => removeRole(d, 'analyst').length === 0,
      (d) =>
        updateDocument(d, {
          name: 'Renamed',
          description: 'Inbound leads',
          locale: 'zh-CN',
          currency: 'CNY',
          calendar: { hoursPerDay: 7.5, daysPerWeek: 6, dayStartsAt: 8.5 },
          simulation: {
            arrivals: { dist: 'uniform', min: 1, max: 3, unit: 'hour' },
            cases: 500,
            seed: 9,
            warmupCases: 50,
          },
        }),
      (d) => updateDocument(d, { calendar: undefined, description: undefined }),
      (d) => alignNodes(d, ['qualify', 'ok', 'lost'], 'middle'),
      (d) => distributeNodes(d, ['in', 'qualify', 'ok', 'lost'], 'horizontal'),
    ]
    for (const step of steps) {
      const result = edit(doc, step)
      expect(result.accepted).not.toBe(false)
      doc = result.doc
      expectLoadable(doc)
    }
    expect(doc.nodes.find((n) => n.id === 'approve')!.timeout).toEqual({
      after: { value: 3, unit: 'day' },
      edgeId: 'e6',
    })
    expect(doc.roles.map((r) => r.id)).not.toContain('analyst')
  })

  it('refuse out-of-range and contradictory values, changing nothing', () => {
    const before = validFlow()
    const refused: [string, (d: Draft<FlowDocument>) => boolean][] = [
      [
        'min above mode',
        (d) => updateNode(d, 'qualify', { duration: { dist: 'triangular', min: 3, mode: 2, max: 4, unit: 'hour' } }),
      ],
      ['negative time limit', (d) => updateNode(d, 'qualify', { timeLimit: { value: -1, unit: 'hour' } })],
      ['empty standard', (d) => updateNode(d, 'qualify', { qualityControls: [{ standard: '' }] })],
      ['bad colour', (d) => updateNode(d, 'qualify', { color: 'red' })],
      ['fractional people', (d) => updateNode(d, 'qualify', { resources: { people: 1.5 } })],
      ['negative budget', (d) => updateNode(d, 'qualify', { resources: { budget: -5 } })],
      ['empty approver', (d) => updateNode(d, 'approve', { approvers: [''] })],
      [
        'timeout through another step’s edge',
        (d) => setStepTimeout(d, 'approve', { after: { value: 1, unit: 'day' }, edgeId: 'e1' }),
      ],
      ['probability above 1', (d) => updateEdge(d, 'e3', { probability: 1.5 })],
      ['negative probability', (d) => updateEdge(d, 'e3', { probability: -0.1 })],
      ['headcount 0', (d) => updateRole(d, 'rep', { headcount: 0 })],
      ['negative cost', (d) => updateRole(d, 'rep', { costPerHour: -1 })],
      ['lane height 0', (d) => updateLane(d, 'sales', { height: 0 })],
      ['empty lane role', (d) => updateLane(d, 'sales', { roleId: '' })],
      ['lowercase currency', (d) => updateDocument(d, { currency: 'cny' })],
      [
        'day past midnight',
        (d) => updateDocument(d, { calendar: { hoursPerDay: 10, daysPerWeek: 5, dayStartsAt: 20 } }),
      ],
      ['8 days a week', (d) => updateDocument(d, { calendar: { hoursPerDay: 8, daysPerWeek: 8, dayStartsAt: 9 } })],
      ['zero cases', (d) => updateDocument(d, { simulation: { cases: 0 } })],
      ['no name', (d) => updateDocument(d, { name: undefined } as unknown as DocumentFields)],
    ]
    for (const [what, recipe] of refused) {
      const result = edit(before, recipe)
      expect(result.accepted, what).toBe(false)
      expect(result.doc, what).toBe(before)
    }
  })

  it('refuse to remove a role that is still an owner, approver or lane role, saying where', () => {
    const doc = validFlow()
    expect(roleUsage(doc, 'manager')).toEqual([
      'owner of “Approve discount”',
      'approver of “Approve discount”',
      'role of lane “Management”',
    ])
    const result = edit(doc, (d) => removeRole(d, 'manager').length === 0)
    expect(result.accepted).toBe(false)
    expect(result.doc).toBe(doc)
  })

  it('make the branches add up to 100 %, sharing the rest among unset branches or scaling them', () => {
    const unset = produce(validFlow(), (d) => {
      delete d.edges.find((e) => e.id === 'e4')!.probability
      d.edges.push({ id: 'e9', source: 'ok', target: 'won' })
      balanceProbabilities(d, 'e3')
    })
    expect(unset.edges.filter((e) => e.source === 'ok').map((e) => e.probability)).toEqual([0.4, 0.3, 0.3])
    const scaled = produce(validFlow(), (d) => {
      d.edges.find((e) => e.id === 'e3')!.probability = 0.5
      balanceProbabilities(d, 'e3')
    })
    expect(scaled.edges.filter((e) => e.source === 'ok').map((e) => e.probability)).toEqual([0.4545, 0.5455])
    const thirds = produce(validFlow(), (d) => {
      for (const e of d.edges) if (e.source === 'ok') delete e.probability
      d.edges.push({ id: 'e9', source: 'ok', target: 'won' })
      balanceProbabilities(d, 'e9')
    })
    const shares = thirds.edges.filter((e) => e.source === 'ok').map((e) => e.probability!)
    expect(shares).toEqual([0.3333, 0.3333, 0.3334])
    expectLoadable(thirds)
    // A timeout edge takes no share.
    const withTimeout = produce(validFlow(), (d) => {
      d.nodes.find((n) => n.id === 'approve')!.timeout = { after: { value: 2, unit: 'day' }, edgeId: 'e6' }
      d.edges.find((e) => e.id === 'e5')!.probability = 0.5
      balanceProbabilities(d, 'e5')
    })
    expect(withTimeout.edges.find((e) => e.id === 'e5')!.probability).toBe(1)
    expect(withTimeout.edges.find((e) => e.id === 'e6')!.probability).toBe(0.1)
  })

  it('undo of a refused or accepted edit returns the exact earlier document', () => {
    const before = validFlow()
    const [after, , inverse] = produceWithPatches(before, (d) => {
      updateNode(d, 'qualify', { resources: { people: 2, tools: ['CRM'] } })
      updateRole(d, 'rep', { headcount: 0 })
      balanceProbabilities(d, 'e3')
    })
    expect(applyPatches(after, inverse)).toEqual(before)
  })
})

describe('distribution parameters', () => {
  const tri = { dist: 'triangular', min: 1, mode: 2, max: 4, unit: 'hour' } as const
  it('refuse a parameter that contradicts its neighbours', () => {
    expect(withParameter(tri, 'min', 3)).toBeUndefined()
    expect(withParameter(tri, 'max', 1.5)).toBeUndefined()
    expect(withParameter(tri, 'mode', -1)).toBeUndefined()
    expect(withParameter(tri, 'mean', 1)).toBeUndefined()
    expect(withParameter(tri, 'mode', 4)).toEqual({ ...tri, mode: 4 })
    expect(withParameter({ dist: 'lognormal', mean: 1, sd: 1, unit: 'day' }, 'mean', 0)).toBeUndefined()
    expect(parameterRange(tri, 'mode')).toEqual({ min: 1, max: 4 })
  })

  it('convert between kinds keeping the typical value, always loadable', () => {
    for (const dist of ['fixed', 'uniform', 'triangular', 'pert', 'normal', 'lognormal', 'exponential'] as const) {
      const d = convertDistribution(tri, dist)
      expect(d.unit).toBe('hour')
      const { doc } = edit(validFlow(), (draft) => updateNode(draft, 'qualify', { duration: d }))
      expect(doc.nodes.find((n) => n.id === 'qualify')!.duration).toEqual(d)
      expectLoadable(doc)
    }
  })
})
