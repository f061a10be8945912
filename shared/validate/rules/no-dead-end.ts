import { nameOf } from '../naming.js'
import type { Rule } from '../types.js'

/** Every step except an end needs a way forward to some end. */
export const noDeadEnd: Rule = {
  id: 'no-dead-end',
  defaultSeverity: 'error',
  description: 'Every step can reach an end.',
  check(context, report) {
    const { graph, reach } = context
    if (!graph.nodes.some((n) => n.kind === 'end')) return
    // Steps inside a loop no case can leave are reported once, by no-endless-loop.
    const { inLoop } = context.closedLoops()
    graph.nodes.forEach((node, i) => {
      if (node.kind !== 'end' && !reach.toEnd[i] && !reach.disconnected[i] && !inLoop[i]) {
        report({ messageKey: 'noDeadEnd', params: { label: nameOf(node) }, nodeId: node.id })
      }
    })
  },
}
