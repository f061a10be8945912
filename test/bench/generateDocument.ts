import type { FlowDocument, FlowEdge, FlowNode } from '../../shared/document/index.js'

/**
 * A large, valid, realistic flow: `nodes` steps in chains of tasks with decisions every
 * fifth step, roles and lanes, every field a real template carries.
 */
export function generateDocument(nodeCount: number, edgeCount: number): FlowDocument {
  const roles = Array.from({ length: 8 }, (_, i) => ({
    id: `role-${i}`,
    name: `Role ${i}`,
    headcount: 50,
    costPerHour: 40,
  }))
  const lanes = roles.map((r, i) => ({ id: `lane-${i}`, name: r.name, roleId: r.id, height: 200 }))
  const nodes: FlowNode[] = []
  for (let i = 0; i < nodeCount; i++) {
    const kind = i === 0 ? 'start' : i === nodeCount - 1 ? 'end' : i % 5 === 0 ? 'decision' : 'task'
    const lane = i % roles.length
    const node: FlowNode = {
      id: `n${i}`,
      kind,
      label: `Step ${i}: qualify the lead and record the outcome`,
      position: { x: 80 + 240 * Math.floor(i / 8), y: 200 * lane + 52 },
      laneId: `lane-${lane}`,
    }
    if (kind === 'task') {
      node.owner = `role-${lane}`
      node.duration = { dist: 'triangular', min: 0.5, mode: 1, max: 2, unit: 'hour' }
      node.timeLimit = { value: 1, unit: 'workday' }
      node.resources = { people: 1, tools: ['CRM'] }
      node.qualityControls = [{ standard: 'Checklist complete', target: '100 %' }]
      node.steps = ['Call the customer', 'Update the CRM']
    }
    nodes.push(node)
  }
  // A chain through every node; each decision also branches to the end (50/50), so the flow is valid.
  const edges: FlowEdge[] = []
  const isDecision = (i: number): boolean => nodes[i]!.kind === 'decision'
  for (let i = 0; i < nodeCount - 1; i++) {
    edges.push({ id: `e${i}`, source: `n${i}`, target: `n${i + 1}`, ...(isDecision(i) ? { probability: 0.5 } : {}) })
  }
  for (let d = 5; d < nodeCount - 1 && edges.length < edgeCount; d += 5) {
    edges.push({ id: `x${d}`, source: `n${d}`, target: `n${nodeCount - 1}`, probability: 0.5 })
  }
  // Any further edges are parallel routes between decisions' neighbours, kept valid by splitting the 0.5.
  for (let d = 5; d < nodeCount - 1 && edges.length < edgeCount; d += 5) {
    const route = edges.find((e) => e.id === `x${d}`)!
    route.probability = 0.25
    edges.push({ id: `y${d}`, source: `n${d}`, target: `n${Math.min(d + 2, nodeCount - 1)}`, probability: 0.25 })
  }
  return {
    format: 'flowlane',
    version: 1,
    id: 'bench',
    name: 'Benchmark flow',
    roles,
    lanes,
    nodes,
    edges,
    simulation: { arrivals: { dist: 'exponential', mean: 1, unit: 'hour' }, cases: 10000, seed: 1 },
  }
}
