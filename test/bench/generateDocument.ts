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
  const edges: FlowEdge[] = []
  for (let i = 0; i < nodeCount - 1; i++) edges.push({ id: `e${i}`, source: `n${i}`, target: `n${i + 1}` })
  // Extra edges: decisions branch forward to the end, so the flow stays valid.
  for (let i = nodeCount - 1, d = 5; edges.length < edgeCount; i++, d += 5) {
    const source = d < nodeCount - 1 ? d : 5
    edges.push({ id: `e${i}`, source: `n${source}`, target: `n${nodeCount - 1}`, probability: 0.5 })
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
