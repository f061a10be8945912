import { nameOf } from '../naming.js'
import type { Rule } from '../types.js'

/** An edge from a step to itself is usually a slip of the mouse; rework goes through a decision. */
export const selfLoop: Rule = {
  id: 'self-loop',
  defaultSeverity: 'error',
  description: 'No edge leads from a step back to itself.',
  check({ graph }, report) {
    for (const edge of graph.edges) {
      if (edge.source === edge.target) {
        const node = graph.nodeById.get(edge.source)!
        report({
          messageKey: 'selfLoop',
          params: { label: nameOf(node), edgeId: edge.id },
          nodeId: node.id,
          edgeId: edge.id,
        })
      }
    }
  },
}
