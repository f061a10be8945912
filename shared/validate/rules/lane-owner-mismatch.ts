import { nameOf, roleName } from '../naming.js'
import type { Rule } from '../types.js'

/** A swimlane shows who does the work; a step in someone else's lane tells the reader a wrong story. */
export const laneOwnerMismatch: Rule = {
  id: 'lane-owner-mismatch',
  defaultSeverity: 'warning',
  description: 'A step is drawn in the lane of its owner’s role.',
  check({ doc, graph }, report) {
    const laneRole = new Map(doc.lanes.map((l) => [l.id, l.roleId]))
    for (const node of graph.nodes) {
      const owner = node.owner ?? (node.kind === 'approval' ? node.approvers?.[0] : undefined)
      if (owner === undefined || node.laneId === undefined) continue
      const role = laneRole.get(node.laneId)
      if (role !== undefined && role !== owner) {
        report({
          messageKey: 'laneOwnerMismatch',
          params: { label: nameOf(node), owner: roleName(doc, owner), laneRole: roleName(doc, role) },
          nodeId: node.id,
          laneId: node.laneId,
          roleId: owner,
        })
      }
    }
  },
}
