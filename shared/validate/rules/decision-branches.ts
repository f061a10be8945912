import { regularOutgoing } from '../../graph/flowGraph.js'
import { nameOf } from '../naming.js'
import type { Rule } from '../types.js'

/** A decision with one way out decides nothing. */
export const decisionBranches: Rule = {
  id: 'decision-branches',
  defaultSeverity: 'warning',
  description: 'A decision has at least two outgoing edges.',
  check({ graph }, report) {
    graph.nodes.forEach((node, i) => {
      if (node.kind !== 'decision') return
      const count = regularOutgoing(graph, i).length
      if (count === 1)
        report({ messageKey: 'decisionBranches', params: { label: nameOf(node), count }, nodeId: node.id })
    })
  },
}
