import { nameOf } from '../naming.js'
import type { Rule } from '../types.js'

/** A step with no edge at all is usually a leftover or a step not yet wired in. */
export const noDisconnected: Rule = {
  id: 'no-disconnected',
  defaultSeverity: 'warning',
  description: 'Every step is connected to the flow by at least one edge.',
  check({ graph, reach }, report) {
    graph.nodes.forEach((node, i) => {
      if (reach.disconnected[i])
        report({ messageKey: 'noDisconnected', params: { label: nameOf(node) }, nodeId: node.id })
    })
  },
}
