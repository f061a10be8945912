import { produce, type Draft } from 'immer'
import type { FlowDocument } from '../../shared/document/index.js'
import { RULES, validateDocument, type Problem } from '../../shared/validate/index.js'

/** A small, complete flow that every validation rule accepts: the baseline rule tests break. */
export function validFlow(): FlowDocument {
  return {
    format: 'flowlane',
    version: 1,
    id: 'valid',
    name: 'Valid flow',
    calendar: { hoursPerDay: 8, daysPerWeek: 5, dayStartsAt: 9 },
    roles: [
      { id: 'rep', name: 'Sales rep', headcount: 2, costPerHour: 40 },
      { id: 'manager', name: 'Sales manager', headcount: 1, costPerHour: 80 },
    ],
    lanes: [
      { id: 'sales', name: 'Sales', roleId: 'rep' },
      { id: 'mgmt', name: 'Management', roleId: 'manager' },
    ],
    nodes: [
      { id: 'in', kind: 'start', label: 'Lead', position: { x: 0, y: 0 }, laneId: 'sales' },
      {
        id: 'qualify',
        kind: 'task',
        label: 'Qualify',
        position: { x: 200, y: 0 },
        laneId: 'sales',
        owner: 'rep',
        duration: { dist: 'triangular', min: 1, mode: 2, max: 3, unit: 'hour' },
        timeLimit: { value: 1, unit: 'workday' },
        qualityControls: [{ standard: 'BANT checklist complete' }],
        tags: ['core'],
      },
      { id: 'ok', kind: 'decision', label: 'Qualified?', position: { x: 400, y: 0 }, laneId: 'sales' },
      {
        id: 'approve',
        kind: 'approval',
        label: 'Approve discount',
        position: { x: 600, y: 200 },
        laneId: 'mgmt',
        owner: 'manager',
        approvers: ['manager'],
        duration: { dist: 'fixed', value: 1, unit: 'hour' },
        timeLimit: { value: 1, unit: 'workday' },
      },
      { id: 'won', kind: 'end', label: 'Won', outcome: 'won', position: { x: 800, y: 200 }, laneId: 'mgmt' },
      { id: 'lost', kind: 'end', label: 'Lost', outcome: 'lost', position: { x: 600, y: 0 }, laneId: 'sales' },
    ],
    edges: [
      { id: 'e1', source: 'in', target: 'qualify' },
      { id: 'e2', source: 'qualify', target: 'ok' },
      { id: 'e3', source: 'ok', target: 'approve', label: 'yes', probability: 0.4 },
      { id: 'e4', source: 'ok', target: 'lost', label: 'no', probability: 0.6 },
      { id: 'e5', source: 'approve', target: 'won', label: 'approved', probability: 0.9 },
      { id: 'e6', source: 'approve', target: 'lost', label: 'rejected', probability: 0.1 },
    ],
    simulation: { arrivals: { dist: 'exponential', mean: 1, unit: 'day' }, cases: 1000, seed: 1 },
  }
}

/** The valid flow with one change. */
export function flowWith(change: (draft: Draft<FlowDocument>) => void): FlowDocument {
  return produce(validFlow(), change)
}

/** Problems one rule finds in a document. */
export function problemsOf(ruleId: string, doc: FlowDocument): Problem[] {
  const rule = RULES.find((r) => r.id === ruleId)
  if (!rule) throw new Error(`no rule ${ruleId}`)
  return validateDocument(doc, {}, [rule])
}

/** Adds a node with sensible defaults for its kind. */
export function addNode(
  draft: Draft<FlowDocument>,
  node: { id: string; kind: FlowDocument['nodes'][number]['kind'] } & Partial<FlowDocument['nodes'][number]>,
): void {
  draft.nodes.push({ label: node.id, position: { x: 0, y: 400 }, ...node })
}

export function addEdge(
  draft: Draft<FlowDocument>,
  id: string,
  source: string,
  target: string,
  probability?: number,
): void {
  draft.edges.push({ id, source, target, ...(probability === undefined ? {} : { probability }) })
}
