import { nameOf } from '../naming.js'
import type { Rule } from '../types.js'

/** An owner must be one of the document's roles: the simulator takes people from it. */
export const ownerKnown: Rule = {
  id: 'owner-known',
  defaultSeverity: 'error',
  description: 'A step’s owner is a role of the flow.',
  check({ doc, graph }, report) {
    const roles = new Set(doc.roles.map((r) => r.id))
    for (const node of graph.nodes) {
      if (node.owner !== undefined && !roles.has(node.owner)) {
        report({
          messageKey: 'ownerUnknown',
          params: { label: nameOf(node), roleId: node.owner },
          nodeId: node.id,
          roleId: node.owner,
        })
      }
    }
  },
}
