import { nameOf } from '../naming.js'
import type { Rule } from '../types.js'

/** A step no case can get to is dead weight in the process (disconnected ones are reported apart). */
export const noUnreachable: Rule = {
  id: 'no-unreachable',
  defaultSeverity: 'error',
  description: 'Every step can be reached from some start.',
  check({ graph, reach }, report) {
    if (!graph.nodes.some((n) => n.kind === 'start')) return
    graph.nodes.forEach((node, i) => {
      if (!reach.fromStart[i] && !reach.disconnected[i]) {
        report({ messageKey: 'noUnreachable', params: { label: nameOf(node) }, nodeId: node.id })
      }
    })
  },
}
