import type { FlowDocument, FlowEdge, FlowNode } from '../../shared/document/index.js'

/**
 * A large flow shaped like a real sales process: blocks of three tasks and a decision that
 * goes on (70 %), loses the case to a nearby end (20 %) or sends it back for rework (10 %).
 * Edges beyond 1.2 per node are extra branches that skip ahead one or two blocks.
 * Valid under every rule, so benchmarks measure the normal path.
 */
export function generateDocument(nodeCount: number, edgeCount: number): FlowDocument {
  const roles = Array.from({ length: 8 }, (_, i) => ({
    id: `role-${i}`,
    name: `Role ${i}`,
    headcount: 50,
    costPerHour: 40,
  }))
  const lanes = roles.map((r, i) => ({ id: `lane-${i}`, name: r.name, roleId: r.id, height: 200 }))
  const nodes: FlowNode[] = [
    { id: 'start', kind: 'start', label: 'New lead', position: { x: 80, y: 72 }, laneId: 'lane-0' },
  ]
  const edges: FlowEdge[] = []
  const blocks = Math.max(1, Math.floor((nodeCount - 2) / 5))
  const first = (b: number) => `b${b}-t0`
  for (let b = 0; b < blocks; b++) {
    const lane = b % roles.length
    const x = 320 + 1200 * b
    for (let t = 0; t < 3; t++) {
      nodes.push({
        id: `b${b}-t${t}`,
        kind: 'task',
        label: `Step ${b * 3 + t + 1}: qualify the lead and record the outcome`,
        position: { x: x + 240 * t, y: 200 * lane + 52 },
        laneId: `lane-${lane}`,
        owner: `role-${lane}`,
        duration: { dist: 'triangular', min: 0.5, mode: 1, max: 2, unit: 'hour' },
        timeLimit: { value: 1, unit: 'workday' },
        resources: { people: 1, tools: ['CRM'] },
        qualityControls: [{ standard: 'Checklist complete', target: '100 %' }],
        steps: ['Call the customer', 'Update the CRM'],
      })
    }
    nodes.push({
      id: `b${b}-d`,
      kind: 'decision',
      label: `Go on after block ${b + 1}?`,
      position: { x: x + 720, y: 200 * lane + 52 },
      laneId: `lane-${lane}`,
    })
    nodes.push({
      id: `b${b}-lost`,
      kind: 'end',
      label: `Lost in block ${b + 1}`,
      outcome: 'lost',
      position: { x: x + 960, y: 200 * lane + 72 },
      laneId: `lane-${lane}`,
    })
    edges.push(
      { id: `b${b}-e0`, source: `b${b}-t0`, target: `b${b}-t1` },
      { id: `b${b}-e1`, source: `b${b}-t1`, target: `b${b}-t2` },
      { id: `b${b}-e2`, source: `b${b}-t2`, target: `b${b}-d` },
      { id: `b${b}-next`, source: `b${b}-d`, target: b + 1 < blocks ? first(b + 1) : 'won', probability: 0.7 },
      { id: `b${b}-lose`, source: `b${b}-d`, target: `b${b}-lost`, probability: 0.2 },
      { id: `b${b}-back`, source: `b${b}-d`, target: first(b), probability: 0.1 },
    )
  }
  nodes.push({
    id: 'won',
    kind: 'end',
    label: 'Won',
    outcome: 'won',
    position: { x: 320 + 1200 * blocks, y: 72 },
    laneId: 'lane-0',
  })
  edges.unshift({ id: 'e-start', source: 'start', target: first(0) })
  // Extra branches skip ahead, taking their share from the decision's "go on" branch.
  for (let skip = 2; skip <= 3 && edges.length < edgeCount; skip++) {
    for (let b = 0; b + skip <= blocks && edges.length < edgeCount; b++) {
      const target = b + skip < blocks ? first(b + skip) : 'won'
      edges.push({ id: `b${b}-skip${skip}`, source: `b${b}-d`, target, probability: 0.1 })
      const next = edges.find((e) => e.id === `b${b}-next`)!
      next.probability = Math.round((next.probability! - 0.1) * 10) / 10
    }
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
