import { regularOutgoing } from '../../graph/flowGraph.js'
import { branchName, nameOf } from '../naming.js'
import type { Rule } from '../types.js'

/** Tolerance for sums written with decimals (0.1 + 0.2 ≠ 0.3 in floating point). */
const EPSILON = 1e-9

/** The simulator draws the branch of a decision or approval by these probabilities. */
export const decisionProbabilities: Rule = {
  id: 'decision-probabilities',
  defaultSeverity: 'warning',
  description: 'Each branch of a decision or approval (a timeout edge aside) has a probability, and they sum to 1.',
  check({ graph }, report) {
    graph.nodes.forEach((node, i) => {
      if (node.kind !== 'decision' && node.kind !== 'approval') return
      const branches = regularOutgoing(graph, i).map((e) => graph.edges[e]!)
      // A single way out is taken by every case; it needs no probability.
      if (branches.length < 2 && branches.every((b) => b.probability === undefined)) return
      const missing = branches.filter((b) => b.probability === undefined)
      for (const edge of missing) {
        report({
          messageKey: 'decisionProbabilityMissing',
          params: { label: nameOf(node), branch: branchName(graph, edge) },
          nodeId: node.id,
          edgeId: edge.id,
        })
      }
      if (missing.length > 0) return
      const sum = branches.reduce((total, b) => total + b.probability!, 0)
      if (Math.abs(sum - 1) > EPSILON) {
        report({
          messageKey: 'decisionProbabilitySum',
          params: { label: nameOf(node), sum: Math.round(sum * 1e6) / 1e6 },
          nodeId: node.id,
        })
      }
    })
  },
}
