import { regularOutgoing } from '../../graph/flowGraph.js'
import { nameOf } from '../naming.js'
import type { Rule } from '../types.js'

const CAN_TIME_OUT = new Set(['task', 'approval', 'wait', 'subprocess'])

/**
 * A timeout pulls a waiting or working case out along one of the step's own edges.
 * Loading refuses a timeout edge that is not the step's; the editor can still create one.
 */
export const timeoutEdge: Rule = {
  id: 'timeout-edge',
  defaultSeverity: 'error',
  description: 'A timeout names an outgoing edge of its own step, which is not the only way out.',
  check({ graph }, report) {
    graph.nodes.forEach((node, i) => {
      if (!node.timeout) return
      const label = nameOf(node)
      const edge = graph.edgeById.get(node.timeout.edgeId)
      if (!edge || edge.source !== node.id) {
        report({ messageKey: 'timeoutEdgeMissing', params: { label, edgeId: node.timeout.edgeId }, nodeId: node.id })
      } else if (!CAN_TIME_OUT.has(node.kind)) {
        report({ messageKey: 'timeoutWrongKind', params: { label }, nodeId: node.id, edgeId: edge.id })
      } else if (regularOutgoing(graph, i).length === 0) {
        report({ messageKey: 'timeoutEdgeOnly', params: { label }, nodeId: node.id, edgeId: edge.id })
      }
    })
  },
}
