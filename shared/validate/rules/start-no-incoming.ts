import { nameOf } from '../naming.js'
import type { Rule } from '../types.js'

/** A start is where cases enter; an edge into it has no meaning. */
export const startNoIncoming: Rule = {
  id: 'start-no-incoming',
  defaultSeverity: 'error',
  description: 'No edge leads into a start node.',
  check({ graph }, report) {
    graph.nodes.forEach((node, i) => {
      if (node.kind !== 'start') return
      for (const e of graph.incoming[i]!) {
        report({
          messageKey: 'startNoIncoming',
          params: { label: nameOf(node) },
          nodeId: node.id,
          edgeId: graph.edges[e]!.id,
        })
      }
    })
  },
}
