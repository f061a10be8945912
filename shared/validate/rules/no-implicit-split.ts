import { regularOutgoing } from '../../graph/flowGraph.js'
import { nameOf } from '../naming.js'
import type { Rule } from '../types.js'

const TASK_LIKE = new Set(['task', 'wait', 'subprocess'])

/** Several edges out of a task split the case like a parallel node (BPMN) — rarely what was meant. */
export const noImplicitSplit: Rule = {
  id: 'no-implicit-split',
  defaultSeverity: 'warning',
  description: 'A task, wait or subprocess has one way out (a timeout edge aside).',
  check({ graph }, report) {
    graph.nodes.forEach((node, i) => {
      if (!TASK_LIKE.has(node.kind)) return
      const count = regularOutgoing(graph, i).length
      if (count > 1) report({ messageKey: 'noImplicitSplit', params: { label: nameOf(node), count }, nodeId: node.id })
    })
  },
}
