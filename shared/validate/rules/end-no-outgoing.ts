import { nameOf } from '../naming.js'
import type { Rule } from '../types.js'

/** An end is where cases leave; an edge out of it is never taken. */
export const endNoOutgoing: Rule = {
  id: 'end-no-outgoing',
  defaultSeverity: 'error',
  description: 'No edge leaves an end node.',
  check({ graph }, report) {
    graph.nodes.forEach((node, i) => {
      if (node.kind !== 'end') return
      for (const e of graph.outgoing[i]!) {
        report({
          messageKey: 'endNoOutgoing',
          params: { label: nameOf(node) },
          nodeId: node.id,
          edgeId: graph.edges[e]!.id,
        })
      }
    })
  },
}
