import { nameOf } from '../naming.js'
import type { Rule } from '../types.js'

/** Each approver is a role: the simulator takes the reviewer from it. */
export const approversKnown: Rule = {
  id: 'approvers-known',
  defaultSeverity: 'error',
  description: 'Every approver of an approval is a role of the flow.',
  check({ doc, graph }, report) {
    const roles = new Set(doc.roles.map((r) => r.id))
    for (const node of graph.nodes) {
      for (const approver of new Set(node.approvers ?? [])) {
        if (!roles.has(approver)) {
          report({
            messageKey: 'approverUnknown',
            params: { label: nameOf(node), roleId: approver },
            nodeId: node.id,
            roleId: approver,
          })
        }
      }
    }
  },
}
