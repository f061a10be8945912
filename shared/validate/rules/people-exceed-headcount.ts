import { nameOf, roleName } from '../naming.js'
import type { Rule } from '../types.js'

/** A step that needs more people than its role has would wait forever; say so instead of deadlocking. */
export const peopleExceedHeadcount: Rule = {
  id: 'people-exceed-headcount',
  defaultSeverity: 'error',
  description: 'A step never needs more people than its role has.',
  check({ doc, graph }, report) {
    const headcount = new Map(doc.roles.map((r) => [r.id, r.headcount]))
    for (const node of graph.nodes) {
      const people = node.resources?.people ?? 1
      // Approvals hold one person per review, whatever `resources.people` says (file-format.md).
      if (node.owner === undefined || node.kind === 'approval') continue
      const available = headcount.get(node.owner)
      if (available !== undefined && people > available) {
        report({
          messageKey: 'peopleExceedHeadcount',
          params: { label: nameOf(node), people, role: roleName(doc, node.owner), headcount: available },
          nodeId: node.id,
          roleId: node.owner,
        })
      }
    }
  },
}
